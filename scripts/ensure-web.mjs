// Builds the web app when dist/web is missing or older than its sources, so `npm start`
// on a fresh clone serves the current UI without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const stale = !existsSync(out) || Math.max(newest('src/web'), newest('src/shared')) > statSync(out).mtimeMs;
if (stale) {
  console.log('Building the web app (vite build)...');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
