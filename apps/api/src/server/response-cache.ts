import { createHash } from 'node:crypto';
import {
  getNamedType, isObjectType, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { presetSession, requestStateOf } from '../modules/auth/access.plugin.js';
import { AuthService, type SessionState } from '../modules/auth/auth.service.js';
import type { ReadReplica } from '../db/read-replica.js';
import { tokenFromRequest } from '../modules/auth/session-token.js';
import { estimateCost, QUERY_LIMITS } from './limits.js';

/**
 * Whole-response cache for read-only dashboard queries (issue 6: p95 < 50 ms, 500 req/s).
 *
 * Only operations whose every field reads data covered by the cache state are cached:
 * KPI figures served from the rollups (rollup `generation`: bumped by every rollup change; while
 * `rollup_dirty` has rows the rollups are stale and nothing is cached or served), and small
 * configuration tables (org units, staff, teams, settings, score weights, branch targets:
 * `config_generation`, bumped by triggers on those tables). `CACHEABLE` lists every such field
 * coordinate; any other field — a project, a client, a statement, the audit trail, `me` — makes the
 * whole operation uncacheable, and a field added later is uncacheable until listed here.
 *
 * Key: SHA-256 of the query text, operation name, variables, the viewer's role, branch and staff id
 * (what every row filter and authorisation decision of these fields depends on), and the state read
 * with the session in one statement (auth.repository.ts `sessionWithState`): database, rollup
 * generation, configuration generation, last maintenance and rebuild times, current_date and the
 * number of weight versions in force (one published for a later time takes effect without a
 * generation change). The session itself is checked on every request before the cache is
 * consulted, so a sign-out or a disabled account takes effect at once.
 *
 * Never cached: mutations, responses with errors, requests without a valid session, anything while
 * the rollups are stale. Entries of older states are dropped as soon as a request sees a new one.
 */
export const CACHEABLE: Readonly<Record<string, readonly string[]>> = {
  Query: ['kpi', 'kpiSeries', 'branchScorecards', 'workloads', 'workloadDistribution', 'clientManagerRanking', 'orgUnit', 'branches', 'orgTree', 'staffMember', 'scoreWeightVersions', 'settings', 'branchTargets'],
  // KPIs (rollups, plus names of branches, teams and people and branch plans: configuration)
  KpiSnapshot: ['activeProjects', 'amountDue', 'amountRepaid', 'asOf', 'classificationMix', 'contactCoverage', 'downgradeRate', 'month', 'nplBalance', 'nplRatio', 'nplRatioChangeBps', 'nplRatioChangeBpsYoY', 'outstandingBalance', 'outstandingBalanceChange', 'outstandingBalanceChangeYoY', 'period', 'plannedRecovery', 'previousMonth', 'recoveryPlanAttainment', 'recoveryRate', 'recoveryRateChangePp', 'recoveryRateChangePpYoY', 'repaidYearToDate', 'reportTimeliness', 'sameMonthLastYear', 'scope', 'statementsCounted'],
  KpiPoint: ['activeProjects', 'amountDue', 'amountRepaid', 'classificationMix', 'contactCoverage', 'downgradeRate', 'month', 'nplBalance', 'nplRatio', 'outstandingBalance', 'plannedRecovery', 'recoveryPlanAttainment', 'recoveryRate', 'repaidYearToDate', 'reportTimeliness', 'statementsCounted'],
  KpiScopeInfo: ['id', 'importance', 'kind', 'name', 'sector'],
  ClassificationShare: ['balance', 'classification', 'projectCount', 'share'],
  // Branch scorecards (rollup_branch, targets, weights)
  BranchScorecardReport: ['month', 'rows', 'summary', 'weightVersion', 'year'],
  BranchScorecardSummary: ['branches', 'withTarget', 'met', 'missed', 'nplMet', 'nplMissed', 'recoveryMet', 'recoveryMissed'],
  BranchScorecard: ['branch', 'components', 'met', 'nplRatio', 'planAttainment', 'previousRank', 'projection', 'quartile', 'rank', 'rankChange', 'recoveryRateYtd', 'repaidYtd', 'score', 'target'],
  NplRatioVsTarget: ['actual', 'gapBps', 'met', 'target'],
  RecoveryRateVsTarget: ['actual', 'gapPp', 'met', 'target'],
  BranchYearEndProjection: ['months', 'nplRatio', 'recoveryRateYtd'],
  BranchScoreComponent: ['component', 'contribution', 'normalized', 'value', 'weight'],
  BranchScoreWeightVersion: ['id', 'note', 'publishedAt', 'version', 'weights'],
  BranchScoreWeight: ['component', 'weight'],
  BranchTarget: ['branch', 'id', 'plannedNewLending', 'plannedRecovery', 'targetNplRatio', 'targetRecoveryRate', 'updatedAt', 'version', 'year'],
  // Workloads and rankings (rollup_manager, rollup_coverage, staff, weights, settings)
  ClientManagerWorkloadConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
  ClientManagerWorkloadEdge: ['cursor', 'node'],
  ClientManagerWorkload: ['activeProjects', 'balance', 'branch', 'deviation', 'flag', 'id', 'keyOrLargeProjects', 'norm', 'staff', 'team'],
  BranchWorkloadDistribution: ['activeProjects', 'branch', 'branchId', 'clientManagers', 'histogram', 'max', 'mean', 'median', 'min', 'norm', 'overloaded', 'p25', 'p75', 'underloaded'],
  WorkloadBucket: ['count', 'from', 'to'],
  ClientManagerRankingReport: ['count', 'distribution', 'month', 'norm', 'rows', 'weightVersion'],
  RankedClientManagerConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
  RankedClientManagerEdge: ['cursor', 'node'],
  RankedClientManager: ['activeProjects', 'branch', 'branchRank', 'components', 'id', 'nplRatio', 'previousRank', 'quartile', 'rank', 'rankChange', 'score', 'staff', 'team'],
  ScoreComponentValue: ['component', 'contribution', 'kpiValue', 'normalized', 'weight'],
  ScoreDistribution: ['bottomDecile', 'buckets', 'mean', 'median', 'topDecile'],
  ScoreDecile: ['count', 'threshold'],
  ScoreBucket: ['count', 'from', 'to'],
  ScoreWeightVersion: ['id', 'note', 'publishedAt', 'publishedBy', 'subject', 'version', 'weights'],
  ScoreWeight: ['component', 'weight'],
  PageInfo: ['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor'],
  Settings: ['updatedAt', 'workloadNorm'],
  // Organization (configuration tables)
  OrgUnit: ['children', 'clientManagerCount', 'code', 'id', 'kind', 'name', 'nameZh', 'parent', 'region', 'staffByRole', 'staffCount', 'teams'],
  RoleCount: ['count', 'role'],
  Team: ['branch', 'id', 'memberCount', 'members', 'name', 'sector'],
  Staff: ['active', 'branch', 'email', 'employeeNo', 'grade', 'hiredOn', 'id', 'name', 'role', 'team', 'unit'],
};

const allowed = new Map(Object.entries(CACHEABLE).map(([type, fields]) => [type, new Set(fields)]));

/** True when every field the operation selects (through fragments) is listed in `CACHEABLE`. */
export function isCacheableOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const check = (type: GraphQLObjectType, set: SelectionSetNode, seen: ReadonlySet<string>): boolean => {
    const fields = allowed.get(type.name);
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__typename') continue;
        if (!fields?.has(name)) return false;
        const def = type.getFields()[name];
        if (!def) return false;
        if (sel.selectionSet) {
          const child = getNamedType(def.type);
          if (!isObjectType(child) || !check(child, sel.selectionSet, seen)) return false;
        }
      } else {
        // Inline fragments and spreads: only on the same object type (no interfaces or unions here).
        const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
        if (!frag || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) return false;
        const on = frag.typeCondition ? schema.getType(frag.typeCondition.name.value) : type;
        if (on !== type) return false;
        if (!check(type, frag.selectionSet, sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen)) return false;
      }
    }
    return true;
  };
  const query = schema.getQueryType();
  return query !== null && query !== undefined && check(query, operation.selectionSet, new Set());
}

/**
 * A read sent to the primary for this request only — the replica has not replayed this session's
 * own write yet, or the read failed on the replica and ran again on the primary: not cached (its
 * state may be newer than the replica's, which every other session is served from; entering it
 * would drop the cache twice per write).
 */
function readsAroundReplica(s: SessionState): boolean {
  return s.read !== undefined && !s.read.replica && (s.read.reason === 'own-write' || s.read.reason === 'replica-error');
}

/** What a cached response depends on besides the request itself; a new state drops older entries. */
export function stateKey(s: SessionState): string {
  const t = (d: Date | string | null) => (d === null ? '' : new Date(d).toISOString());
  return [s.database, s.generation, s.configGeneration, t(s.maintainedAt), t(s.refreshedAt), s.today, s.weightsInForce].join('|');
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

export interface ResponseCacheOptions {
  /** Upper bound of the cached JSON, in bytes (default 64 MB). */
  maxBytes?: number;
  /** Responses larger than this are not cached (default 4 MB). */
  maxEntryBytes?: number;
  /** Adds `x-response-cache: hit | miss | bypass` to responses (tests and diagnostics; default on). */
  exposeHeader?: boolean;
}

interface Entry {
  /** The response body exactly as Apollo Server writes it (`{"data":…}` and a newline). */
  body: Buffer;
}

/** What the fast path resolved for a request it passed on to Apollo Server (no second lookup). */
const RESOLVED = Symbol('loanDeskResolvedSession');
type ResolvedRequest = Request & { [RESOLVED]?: { viewer: Context['viewer']; state: SessionState | null } };

/** In the GraphQL context function: hands a session the fast path already resolved to the access plugin. */
export function adoptResolvedSession(req: Request, ctx: Context): void {
  const r = (req as ResolvedRequest)[RESOLVED];
  if (r) presetSession(ctx, r.viewer, r.state);
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<Context>;
  /**
   * Express handler before Apollo Server on POST /graphql: answers a cached response without
   * parsing, validating or executing anything — after the same checks as the plugin: a document
   * Apollo Server already validated and found cacheable, its cost with these variables under the
   * limit (before any SQL), and the session plus cache state read in one statement. Anything else
   * goes on to Apollo Server (with the session it resolved, so it is not looked up twice).
   */
  middleware(deps: { orm: MikroORM; sessionSecret: Buffer; readReplica?: ReadReplica }): RequestHandler;
  stats(): { hits: number; misses: number; bypassed: number; entries: number; bytes: number };
  clear(): void;
}

export function createResponseCache(schema: GraphQLSchema, opts: ResponseCacheOptions = {}): ResponseCache {
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = opts.maxEntryBytes ?? 4 * 1024 * 1024;
  const cacheable = new WeakMap<OperationDefinitionNode, boolean>();
  // Documents Apollo Server validated with at least one cacheable operation, by query hash.
  const MAX_DOCUMENTS = 1000;
  const known = new Map<string, DocumentNode>();
  let currentState = '';
  // Insertion order = least recently stored first (evicted first).
  let entries = new Map<string, Entry>();
  let bytes = 0;
  const counts = { hits: 0, misses: 0, bypassed: 0 };

  const isCacheable = (document: DocumentNode, operation: OperationDefinitionNode): boolean => {
    let ok = cacheable.get(operation);
    if (ok === undefined) cacheable.set(operation, (ok = isCacheableOperation(schema, document, operation)));
    return ok;
  };

  /** The state's key; a state other than the current one drops every entry (generations only grow). */
  const enterState = (state: SessionState): string => {
    const k = stateKey(state);
    if (k !== currentState) {
      currentState = k;
      entries = new Map();
      bytes = 0;
    }
    return k;
  };

  const store = (key: string, entry: Entry): void => {
    const old = entries.get(key);
    if (old) bytes -= old.body.length;
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.body.length;
    }
  };

  const keyFor = (ctx: Pick<Context, 'viewer'>, state: string, queryHash: string, operationName: string | null | undefined, variables: unknown): string | null => {
    const v = ctx.viewer;
    if (!v) return null;
    return createHash('sha256')
      .update(`${state}\n${v.role}|${v.branchId ?? ''}|${v.staffId ?? ''}\n${queryHash}\n${operationName ?? ''}\n${stableJson(variables ?? {})}`)
      .digest('base64url');
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let key: string | null = null;
      let keyState = '';
      let outcome: 'hit' | 'miss' | 'bypass' = 'bypass';
      return {
        async responseForOperation({ contextValue, operation, document, queryHash, request }): Promise<GraphQLResponse | null> {
          const state = requestStateOf(contextValue);
          if (!state || state.stale || contextValue.importOnly || !queryHash || readsAroundReplica(state)) return null;
          if (!isCacheable(document, operation)) return null;
          if (!known.has(queryHash)) {
            if (known.size >= MAX_DOCUMENTS) known.clear();
            known.set(queryHash, document);
          }
          keyState = enterState(state);
          key = keyFor(contextValue, keyState, queryHash, request.operationName, request.variables);
          if (key === null) return null;
          const hit = entries.get(key);
          if (!hit) {
            outcome = 'miss';
            counts.misses++;
            return null;
          }
          outcome = 'hit';
          counts.hits++;
          // (Requests the fast path did not answer, e.g. the first one after a restart of the cache.)
          const result = JSON.parse(hit.body.toString('utf8')) as { data: Record<string, unknown> };
          return { body: { kind: 'single', singleResult: result }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse({ response, contextValue }) {
          if (outcome === 'bypass') counts.bypassed++;
          if (opts.exposeHeader ?? true) response.http.headers.set('x-response-cache', outcome);
          if (outcome !== 'miss' || key === null) return;
          // Answered again on the primary after the replica failed (access plugin): not this key's state.
          const state = requestStateOf(contextValue);
          if (state && readsAroundReplica(state)) return;
          if (response.body.kind !== 'single') return;
          const r = response.body.singleResult;
          if (r.errors?.length || !r.data || r.extensions || (response.http.status !== undefined && response.http.status !== 200)) return;
          const body = Buffer.from(`{"data":${JSON.stringify(r.data)}}\n`);
          if (body.length > maxEntryBytes) return;
          // The state may have moved on while this request ran: its key is obsolete then.
          if (keyState !== currentState) return;
          store(key, { body });
        },
      };
    },
  };
  const middleware = ({ orm, sessionSecret, readReplica }: { orm: MikroORM; sessionSecret: Buffer; readReplica?: ReadReplica }): RequestHandler => async (req, res, next) => {
    try {
      const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
      if (req.method !== 'POST' || !body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return next();
      const operationName = typeof body.operationName === 'string' ? body.operationName : body.operationName == null ? null : undefined;
      const variables = body.variables == null ? undefined : body.variables;
      if (operationName === undefined || (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables)))) return next();
      const queryHash = createHash('sha256').update(body.query).digest('hex');
      const document = known.get(queryHash);
      if (!document) return next();
      let operation: OperationDefinitionNode | undefined;
      let count = 0;
      for (const d of document.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        count++;
        if (operationName === null ? count === 1 : d.name?.value === operationName) operation ??= d;
      }
      if (!operation || (operationName === null && count !== 1) || !isCacheable(document, operation)) return next();
      // The limits Apollo Server applies before any SQL: the cost with these variables.
      if (estimateCost(document, operationName, variables as Record<string, unknown> | undefined) > QUERY_LIMITS.maxCost) return next();
      // The media type Apollo Server would answer with (its own negotiation otherwise).
      const type = req.headers.accept ? req.accepts(['application/json', 'application/graphql-response+json', 'application/json; callbackSpec=1.0']) : 'application/json';
      if (type !== 'application/json' && type !== 'application/graphql-response+json') return next();
      const token = tokenFromRequest(req.headers);
      if (!token) return next();
      const auth = new AuthService(orm.em.fork(), sessionSecret);
      // With a read replica, a lookup needs only the replica's state (one statement, no snapshot
      // transaction); on a miss Apollo Server resolves the session again and reads its state and
      // data in one replica snapshot (db/read-replica.ts), so nothing is handed on.
      const { viewer, state } = readReplica ? await auth.resolveForRead(token, readReplica, { snapshot: false }) : await auth.resolveWithState(token);
      if (!readReplica) (req as ResolvedRequest)[RESOLVED] = { viewer, state };
      // Signed out, or stale rollups: Apollo Server answers (an error, or from the base tables).
      if (!viewer || !state || state.stale || readsAroundReplica(state)) return next();
      const key = keyFor({ viewer }, enterState(state), queryHash, operationName, variables);
      const hit = key === null ? undefined : entries.get(key);
      if (!hit) return next();
      counts.hits++;
      res.status(200);
      res.setHeader('content-type', `${type}; charset=utf-8`);
      if (opts.exposeHeader ?? true) res.setHeader('x-response-cache', 'hit');
      if (state.read) res.setHeader('x-read-from', state.read.replica ? 'replica' : `primary; reason=${state.read.reason}`);
      // Served only while fresh (see above): as the access plugin says for answers it computes.
      res.setHeader('x-figures', 'rollups');
      res.end(hit.body);
    } catch (err) {
      next(err);
    }
  };

  return {
    plugin,
    middleware,
    stats: () => ({ ...counts, entries: entries.size, bytes }),
    clear: () => {
      entries = new Map();
      bytes = 0;
    },
  };
}
