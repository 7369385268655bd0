import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret that signs session tokens: SESSION_SECRET when set; otherwise generated once and kept
 * in the data folder (mode 600), so sessions survive restarts of the embedded default.
 */
export function loadSessionSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    return Buffer.from(env.SESSION_SECRET, 'utf8');
  }
  const path = join(dataDir, 'session-secret');
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
}
