// What `pnpm test` needs besides Node.js and the packages, from Debian (test tools that download
// their own binaries cannot run here): Chromium for the browser tests (with CJK fonts), and
// PgBouncer for the connection-pooler test (apps/api/test/scaling/pgbouncer.test.ts). Installs what
// is missing with apt-get when we are root; otherwise says what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', env: 'CHROMIUM_PATH', packages: ['chromium', 'fonts-noto-cjk'] },
  { name: 'PgBouncer', path: process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer', env: 'PGBOUNCER_PATH', packages: ['pgbouncer'] },
];
const missing = tools.filter((t) => !existsSync(t.path));
if (missing.length === 0) process.exit(0);
const packages = missing.flatMap((t) => t.packages).join(' ');
if (process.getuid?.() !== 0) {
  for (const t of missing) console.error(`${t.name} is needed by the tests and is not at ${t.path}. Install it (Debian: sudo apt-get install -y ${t.packages.join(' ')}) or set ${t.env}.`);
  process.exit(1);
}
console.log(`Installing ${missing.map((t) => t.name).join(' and ')} for the tests (apt-get, about a minute)…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
