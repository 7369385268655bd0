import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './browser';

/** The few calls of node-postgres the browser tests make (plain SQL checks); the driver is the API's, not a dependency of the browser tests. */
export interface SqlClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}

export const pg = createRequire(join(repoRoot, 'apps/api/package.json'))('pg') as {
  Client: new (opts: { connectionString: string }) => SqlClient;
};
