import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { formatError } from '../common/errors.js';
import { createContext, type Context } from '../context.js';
import { buildAppSchema } from '../graphql/schema.js';
import { QUERY_LIMITS, queryLimitRules } from './limits.js';
import { corsFor, securityHeaders } from './http-hardening.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { tokenFromRequest } from '../modules/auth/session-token.js';

export interface AppOptions {
  orm: MikroORM;
  dashboardDist?: string;
  production?: boolean;
  /** Signs session tokens (see modules/auth/session-secret.ts). */
  sessionSecret: Buffer;
  /** Origins allowed to call the API from a browser (CORS); same-origin always works. */
  corsOrigins?: readonly string[];
  log?: (e: unknown) => void;
}

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Express app: GraphQL at /graphql, GraphiQL on GET /graphql from a browser, the dashboard at /. */
export async function createApp(opts: AppOptions): Promise<App> {
  const schema = await buildAppSchema();
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
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ production: opts.production ?? false }));
  app.use('/graphql', corsFor(opts.corsOrigins ?? []));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const dist = opts.dashboardDist;
  const hasDashboard = dist !== undefined && existsSync(join(dist, 'index.html'));
  // A browser opening /graphql gets GraphiQL (bundled with the dashboard, no CDN).
  app.get('/graphql', (req, res, next) => {
    if (hasDashboard && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      const page = join(dist, 'graphiql.html');
      if (existsSync(page)) return res.sendFile(page);
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: QUERY_LIMITS.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const base = createContext(opts.orm, null, { http: { req, res }, sessionSecret: opts.sessionSecret, production: opts.production });
        const token = tokenFromRequest(req.headers);
        // One indexed lookup, only when a token came with the request.
        base.viewer = token ? await new AuthService(base.em, opts.sessionSecret).resolve(token) : null;
        return base;
      },
    }),
  );
  if (hasDashboard) {
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes fall back to the SPA.
    app.get(/^\/(?!graphql|healthz|assets\/).*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Loan Desk API. The dashboard is not built: run `pnpm --filter @loan-desk/dashboard build`. GraphQL: POST /graphql');
    });
  }
  return { express: app, apollo, stop: () => apollo.stop() };
}
