// Measures what a browser downloads first (index.html's module script, its modulepreloads and
// stylesheets) and each lazy chunk, gzip level 9 like Vite's report. Run after `vite build`.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

function initial(html) {
  const page = readFileSync(join(dist, html), 'utf8');
  const js = [...page.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...page.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1]);
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

const rows = [];
for (const html of ['index.html', 'graphiql.html']) {
  const { js, css } = initial(html);
  const jsTotal = js.reduce((n, f) => n + gz(f), 0);
  const cssTotal = css.reduce((n, f) => n + gz(f), 0);
  rows.push(`${html}: initial JS ${kb(jsTotal)} gzip (${js.map((f) => f.replace('assets/', '')).join(', ')}), CSS ${kb(cssTotal)} gzip`);
}
const chunks = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !f.includes('.worker'))
  .map((f) => ({ f, size: gz(`assets/${f}`) }))
  .sort((a, b) => b.size - a.size);
console.log(rows.join('\n'));
console.log('\nchunks (gzip):');
for (const c of chunks) console.log(`  ${c.f.padEnd(40)} ${kb(c.size).padStart(10)}`);
