import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { formatError } from '../common/errors.js';
import { createContext, type Context } from '../context.js';
import { buildAppSchema } from '../graphql/schema.js';
import { wireModuleHooks } from '../hooks.js';
import { QUERY_LIMITS, queryLimitRules } from './limits.js';
import { corsFor, securityHeaders } from './http-hardening.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { tokenFromRequest } from '../modules/auth/session-token.js';
import { accessPlugin } from '../modules/auth/access.plugin.js';
import { INTROSPECTION_ROLES } from '../modules/auth/roles.js';
import { adoptResolvedSession, createResponseCache, type ResponseCache } from './response-cache.js';
import { openBudgetedSnapshot, within, type ReadReplica } from '../db/read-replica.js';
import { staleReadBudgetMs } from '../modules/rollup/stale-reads.js';
import { sql } from '../common/sql.js';

export interface AppOptions {
  orm: MikroORM;
  dashboardDist?: string;
  production?: boolean;
  /** Signs session tokens (see modules/auth/session-secret.ts). */
  sessionSecret: Buffer;
  /** Origins allowed to call the API from a browser (CORS); same-origin always works. */
  corsOrigins?: readonly string[];
  log?: (e: unknown) => void;
  /** DATABASE_READ_URL's connection: read-only operations may run there (db/read-replica.ts). */
  readReplica?: ReadReplica;
  /** While the rollups are stale, how long a read may try the base tables (ms; 0 = no limit but the statement timeout). Default STALE_READ_BUDGET_MS or 2000. */
  staleReadBudgetMs?: number;
}

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  /** Whole-response cache of rollup- and configuration-backed queries (server/response-cache.ts). */
  responseCache: ResponseCache;
  stop(): Promise<void>;
}

/** Express app: GraphQL at /graphql, GraphiQL on GET /graphql from a browser, the dashboard at /. */
export async function createApp(opts: AppOptions): Promise<App> {
  wireModuleHooks();
  const schema = await buildAppSchema();
  const responseCache = createResponseCache(schema);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // No "did you mean" field suggestions in error messages.
    hideSchemaDetailsFromClientErrors: true,
    validationRules: queryLimitRules(),
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    formatError: (formatted, error) => formatError(formatted, error, opts.log),
    // The access plugin resolves the session (and the cache state) before the response cache looks.
    // No @cacheControl hints are used: the implicit cache-control plugin would only wrap every field
    // resolver to compute "no-store" (set below for every GraphQL response instead).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), accessPlugin, responseCache.plugin],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag on API responses (a hash of every body; GraphQL POSTs are never revalidated).
  app.set('etag', false);
  app.use(securityHeaders({ production: opts.production ?? false }));
  app.use('/graphql', corsFor(opts.corsOrigins ?? []));
  app.use('/graphql', (_req, res, next) => {
    // Answers depend on the session: never stored by browsers or proxies.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Liveness: the process answers.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // Readiness, for a load balancer: 503 while the primary does not answer within 1 s. A read replica
  // is reported but never makes the API unready (reads then go to the primary).
  app.get('/readyz', async (_req, res) => {
    const probe = async (orm: MikroORM, text: string) => within(sql<{ v: boolean }>(orm.em.fork(), text), 1000).then((r) => r[0]?.v ?? null, () => undefined);
    const [primary, replica] = await Promise.all([
      probe(opts.orm, 'SELECT true AS v'),
      opts.readReplica ? probe(opts.readReplica.orm, 'SELECT pg_is_in_recovery() AS v') : Promise.resolve(null),
    ]);
    res.setHeader('Cache-Control', 'no-store');
    res.status(primary === undefined ? 503 : 200).json({
      ok: primary !== undefined,
      database: primary === undefined ? 'unavailable' : 'ok',
      ...(opts.readReplica ? { readReplica: replica === undefined ? 'unavailable' : replica ? 'standby' : 'not-standby' } : {}),
    });
  });

  const dist = opts.dashboardDist;
  const hasDashboard = dist !== undefined && existsSync(join(dist, 'index.html'));
  // A browser opening /graphql gets GraphiQL (bundled with the dashboard, no CDN).
  // A browser opening /graphql gets GraphiQL (bundled with the dashboard, no CDN) — HQ planners only.
  app.get('/graphql', async (req, res, next) => {
    if (!hasDashboard || req.accepts(['application/json', 'text/html']) !== 'text/html' || req.query.query) return next();
    const page = join(dist, 'graphiql.html');
    if (!existsSync(page)) return next();
    try {
      const em = opts.orm.em.fork();
      const viewer = await new AuthService(em, opts.sessionSecret).resolve(tokenFromRequest(req.headers));
      if (viewer && INTROSPECTION_ROLES.includes(viewer.role)) return res.sendFile(page);
      res.status(viewer ? 403 : 401).type('html').send(`<!doctype html><meta charset="utf-8"><title>GraphiQL</title>
<body style="font-family:system-ui;margin:3rem;color:#1f2937"><h1>GraphiQL is for HQ planners</h1>
<p>${viewer ? 'Your role cannot open the schema explorer.' : 'Sign in as an HQ planner first.'}</p><p><a href="/">Back to the dashboard</a></p></body>`);
    } catch (err) {
      next(err);
    }
  });
  const budgetMs = opts.staleReadBudgetMs ?? staleReadBudgetMs();
  const graphql = (maxBytes: number | string, importOnly: boolean) => [
    express.json({ limit: maxBytes }),
    // Cached dashboard reads are answered before Apollo Server (server/response-cache.ts).
    ...(importOnly ? [] : [responseCache.middleware({ orm: opts.orm, sessionSecret: opts.sessionSecret, readReplica: opts.readReplica })]),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const base = createContext(opts.orm, null, { http: { req, res }, sessionSecret: opts.sessionSecret, production: opts.production, readReplica: opts.readReplica });
        // Resolved by the access plugin after the query limits, so a refused query touches no table.
        base.pendingToken = tokenFromRequest(req.headers);
        base.importOnly = importOnly;
        adoptResolvedSession(req, base);
        if (opts.readReplica && !importOnly) {
          // A read that fails on the replica runs again on the primary (access plugin), with the
          // same token: the session is checked again there.
          base.rerunOnPrimary = () => {
            const again = createContext(opts.orm, null, { http: { req, res }, sessionSecret: opts.sessionSecret, production: opts.production, readReplica: opts.readReplica, primaryBecause: 'replica-error' });
            again.pendingToken = tokenFromRequest(req.headers);
            return apollo.executeOperation(operationOf(req), { contextValue: again });
          };
        }
        if (budgetMs > 0 && !importOnly) {
          // Stale rollups: the base tables within the budget, else the rollups as they are, said so
          // (modules/rollup/stale-reads.ts; the access plugin decides).
          base.staleReads = {
            budgetMs,
            openBudgeted: () => openBudgetedSnapshot(opts.orm, budgetMs),
            rerunBehind: () => {
              const again = createContext(opts.orm, null, { http: { req, res }, sessionSecret: opts.sessionSecret, production: opts.production, readReplica: opts.readReplica, rollupsBehind: true });
              again.pendingToken = tokenFromRequest(req.headers);
              return apollo.executeOperation(operationOf(req), { contextValue: again });
            },
          };
        }
        return base;
      },
    }),
  ];
  // CSV imports carry files: a larger body limit on their own path, which accepts only `importFile`.
  app.use('/graphql/import', ...graphql(QUERY_LIMITS.maxImportBodyBytes, true));
  app.use('/graphql', ...graphql(QUERY_LIMITS.maxBodyBytes, false));
  // Failures before Apollo Server answers (a body that is too large or not JSON, the response
  // cache's session lookup failing): a GraphQL-shaped JSON error, never Express's HTML page (which
  // shows the stack trace outside production).
  app.use('/graphql', ((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: number; statusCode?: number; type?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 500) (opts.log ?? console.error)(err);
    const [code, message] = status >= 500 ? ['INTERNAL_SERVER_ERROR', 'Internal server error']
      : e.type === 'entity.too.large' ? ['BAD_REQUEST', 'request: the body is larger than the limit']
      : e.type === 'entity.parse.failed' ? ['BAD_REQUEST', 'request: the body is not valid JSON']
      : ['BAD_REQUEST', 'request: bad request'];
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  }) as express.ErrorRequestHandler);
  if (hasDashboard) {
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes fall back to the SPA.
    app.get(/^\/(?!graphql|healthz|readyz|assets\/).*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Loan Desk API. The dashboard is not built: run `pnpm --filter @loan-desk/dashboard build`. GraphQL: POST /graphql');
    });
  }
  return { express: app, apollo, responseCache, stop: () => apollo.stop() };
}

/** The GraphQL request of a POST body or GET query string (as Apollo Server read it). */
function operationOf(req: express.Request): { query?: string; variables?: Record<string, unknown>; operationName?: string; extensions?: Record<string, unknown> } {
  const src = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v ?? undefined) as Record<string, unknown> | undefined));
  return {
    query: typeof src?.query === 'string' ? src.query : undefined,
    variables: json(src?.variables),
    operationName: typeof src?.operationName === 'string' ? src.operationName : undefined,
    extensions: json(src?.extensions),
  };
}
