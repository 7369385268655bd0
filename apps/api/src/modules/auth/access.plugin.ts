import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { unauthenticated } from './auth-checker.js';
import { INTROSPECTION_ROLES } from './roles.js';
import { AppError } from '../../common/errors.js';
import { estimateCost, QUERY_LIMITS } from '../../server/limits.js';
import { AuthService, type SessionState } from './auth.service.js';
import { AuthRepository } from './auth.repository.js';
import { rememberFreshness } from '../rollup/rollup.cache.js';
import { closeReadSnapshot, isDatabaseFailure, isStatementTimeout, reportReplicaRetry, servesRequest } from '../../db/read-replica.js';
import {
  behindSummary, isBudgeted, markBehind, markBudgeted, markRanOut, pendingStateKey, pendingSummary, ranOutBefore, ranOutOfBudget,
  rememberRanOut, requestKey,
} from '../rollup/stale-reads.js';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Root fields a signed-out client may ask for. */
const PUBLIC_ROOT_FIELDS = new Set(['signIn', 'signOut', 'me', '__typename']);

/**
 * The rollup / configuration state read together with the session, per request (response cache
 * keys, see server/response-cache.ts). Absent for requests without a valid token.
 */
const requestStates = new WeakMap<Context, SessionState>();

/** Requests whose replica read failed in the database (didEncounterErrors), with the first such error. */
const replicaFailures = new WeakMap<Context, unknown>();

export function requestStateOf(ctx: Context): SessionState | undefined {
  return requestStates.get(ctx);
}

/**
 * A session already resolved for this request (with its state) by the response cache's fast path
 * (server/response-cache.ts), which checked the query's cost first: the plugin then does not look it
 * up a second time. Kept on the context itself (Apollo Server hands plugins a copy of it).
 */
const PRESET = Symbol('presetSessionState');
type WithPreset = Context & { [PRESET]?: SessionState | null };

export function presetSession(ctx: Context, viewer: Context['viewer'], state: SessionState | null): void {
  ctx.viewer = viewer;
  ctx.pendingToken = null;
  (ctx as WithPreset)[PRESET] = state;
}

/** Every field name the operation can reach, through fragments (cycles cut); once per parsed document. */
const fieldNamesOf = new WeakMap<DocumentNode, { root: Set<string>; all: Set<string> }>();

function fieldNames(doc: DocumentNode): { root: Set<string>; all: Set<string> } {
  let names = fieldNamesOf.get(doc);
  if (!names) fieldNamesOf.set(doc, (names = collectFieldNames(doc)));
  return names;
}

function collectFieldNames(doc: DocumentNode): { root: Set<string>; all: Set<string> } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const all = new Set<string>();
  const root = new Set<string>();
  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        all.add(s.name.value);
        if (depth === 0) root.add(s.name.value);
        if (s.selectionSet) walk(s.selectionSet, depth + 1, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth, seen);
      else if (!seen.has(s.name.value)) {
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet, depth, new Set([...seen, s.name.value]));
      }
    }
  };
  for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 0, new Set());
  return { root, all };
}

/**
 * Before execution: the cost limit (no SQL yet), then the session, then: signed-out requests may
 * only sign in; introspection is for HQ planners only.
 */
export const accessPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document, request, operation }) {
        // Cost first, now that the variables are known: a hostile query is refused before any SQL.
        const cost = estimateCost(document, request.operationName, request.variables);
        if (cost > QUERY_LIMITS.maxCost) {
          throw new AppError('BAD_USER_INPUT', `query: estimated cost exceeds ${QUERY_LIMITS.maxCost} (ask for fewer rows or fields)`, { field: 'query' });
        }
        // Then who is asking: one indexed lookup, only for requests that carry a token, which also
        // reads the rollup and configuration state (generations, pending changes, today) that the
        // caches are keyed by — one round trip instead of a session lookup plus freshness probes.
        const preset = (contextValue as WithPreset)[PRESET];
        if (preset || (contextValue.pendingToken && contextValue.sessionSecret)) {
          let state = preset ?? null;
          let readEm: EntityManager | undefined;
          const isQuery = operation?.operation === 'query';
          if (!preset) {
            const auth = new AuthService(contextValue.em, contextValue.sessionSecret!);
            const r = contextValue.readReplica && isQuery && !contextValue.primaryBecause
              ? await auth.resolveForRead(contextValue.pendingToken!, contextValue.readReplica)
              : await auth.resolveWithState(contextValue.pendingToken!);
            contextValue.viewer = r.viewer;
            contextValue.pendingToken = null;
            state = r.state;
            // The second run of a read that failed on the replica (willSendResponse below).
            if (state && contextValue.primaryBecause && contextValue.viewer) state = { ...state, read: { replica: false, reason: contextValue.primaryBecause, lagMs: null } };
            readEm = 'readEm' in r ? (r.readEm as EntityManager | undefined) : undefined;
          }
          // A read the replica answers: every resolver of the request reads in the replica
          // snapshot its state was read in; writes a read path makes go to the primary (primaryOf).
          if (readEm) {
            if (isQuery && contextValue.viewer && state?.read?.replica) {
              contextValue.em = servesRequest(readEm, contextValue.em);
              const snapshot = readEm;
              contextValue.http?.res.once('close', () => void closeReadSnapshot(snapshot));
            } else await closeReadSnapshot(readEm);
          }
          // Stale rollups (modules/rollup/stale-reads.ts): a read tries the base tables within a
          // budget, in one read-only snapshot; after running out (now, or before under the same
          // pending changes) it reads the rollups as they are, and says so (willSendResponse).
          let readsRollupsAsTheyAre = false;
          if (state?.stale && isQuery && contextValue.viewer) {
            const stale = contextValue.staleReads;
            if (contextValue.rollupsBehind || (stale && ranOutBefore(requestKey(contextValue, request), pendingStateKey(state)))) {
              readsRollupsAsTheyAre = true;
              markBehind(contextValue, await pendingSummary(contextValue.em, state));
            } else if (stale) {
              if (state.read?.replica) await contextValue.em.execute(`SET LOCAL statement_timeout = ${stale.budgetMs}`);
              else {
                const snapshot = await stale.openBudgeted();
                contextValue.em = servesRequest(snapshot, contextValue.em);
                contextValue.http?.res.once('close', () => void closeReadSnapshot(snapshot));
              }
              markBudgeted(contextValue);
            }
          }
          if (state) {
            requestStates.set(contextValue, state);
            // Read-only requests reuse it for every rollup read (resolvers do not probe again);
            // mutations change what they read, so they keep probing.
            if (isQuery) rememberFreshness(contextValue.em, readsRollupsAsTheyAre ? { ...state, stale: false } : state);
          }
        }
        const { root, all } = fieldNames(document);
        if (contextValue.importOnly && [...root].some((f) => f !== 'importFile')) {
          throw new AppError('BAD_USER_INPUT', 'query: /graphql/import accepts only the importFile mutation', { field: 'query' });
        }
        const viewer = contextValue.viewer;
        if (!viewer && [...root].some((f) => !PUBLIC_ROOT_FIELDS.has(f))) throw unauthenticated();
        if ((all.has('__schema') || all.has('__type')) && (!viewer || !INTROSPECTION_ROLES.includes(viewer.role))) {
          throw forbidden('Schema introspection is for HQ planners');
        }
      },
      async didEncounterErrors({ contextValue, errors, operation }) {
        // The base tables took longer than the stale-read budget: answered again from the rollups.
        if (isBudgeted(contextValue) && errors.some((e) => isStatementTimeout(e.originalError))) markRanOut(contextValue);
        // A read the replica was answering failed there (a statement cancelled by a recovery
        // conflict, the connection terminated): it runs again on the primary before the answer goes out.
        if (operation?.operation !== 'query' || !requestStateOf(contextValue)?.read?.replica) return;
        const failure = errors.find((e) => isDatabaseFailure(e.originalError));
        if (failure) replicaFailures.set(contextValue, failure.originalError);
      },
      async willSendResponse({ contextValue, operation, request, response }) {
        const replica = contextValue.readReplica;
        const state = requestStateOf(contextValue);
        // The request's read snapshot (a replica's, or a stale read's budgeted one on the primary).
        await closeReadSnapshot(contextValue.em);
        let behind = behindSummary(contextValue);
        if (behind && response.body.kind === 'single') {
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, freshness: { figuresFrom: 'ROLLUPS_BEHIND', ...behind } };
        }
        if (ranOutOfBudget(contextValue) && !replicaFailures.has(contextValue) && state && contextValue.staleReads && response.body.kind === 'single') {
          rememberRanOut(requestKey(contextValue, request), pendingStateKey(state));
          const again = await contextValue.staleReads.rerunBehind();
          if (again.body.kind === 'single') {
            const result = response.body.singleResult as Record<string, unknown>;
            for (const k of Object.keys(result)) delete result[k];
            Object.assign(result, again.body.singleResult);
            behind = (again.body.singleResult.extensions?.freshness as typeof behind) ?? behind;
          }
        }
        if (operation?.operation === 'query' && state && contextValue.viewer) {
          response.http.headers.set('x-figures', behind ? `rollups-behind; pending=${behind.pendingChanges}` : state.stale ? 'base-tables' : 'rollups');
        }
        if (!replica) return;
        if (replicaFailures.has(contextValue) && state?.read && contextValue.rerunOnPrimary && response.body.kind === 'single') {
          reportReplicaRetry(replica, replicaFailures.get(contextValue));
          // Not cached under the replica's state (server/response-cache.ts), and said in x-read-from.
          state.read = { replica: false, reason: 'replica-error', lagMs: state.read.lagMs };
          const again = await contextValue.rerunOnPrimary();
          if (again.body.kind === 'single') {
            const result = response.body.singleResult as Record<string, unknown>;
            for (const k of Object.keys(result)) delete result[k];
            Object.assign(result, again.body.singleResult);
          }
        }
        const read = state?.read;
        if (operation?.operation === 'query' && read) {
          response.http.headers.set('x-read-from', read.replica ? 'replica' : `primary; reason=${read.reason}`);
        }
        // Read-your-writes: this session's next reads wait for a replica that has replayed this.
        if (operation?.operation === 'mutation' && contextValue.viewer) {
          await new AuthRepository(contextValue.em.fork()).recordWrite(contextValue.viewer.sessionId).catch((err: unknown) => {
            (replica.log ?? console.error)(`could not record the session's write position (its next reads may miss this write on a replica): ${String(err).slice(0, 200)}`);
          });
        }
      },
    };
  },
};
