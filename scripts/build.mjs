// Builds what `npm start` and the end-to-end tests need: the extension (Chrome MV3 + Firefox) and the PWA.
// --if-stale skips a part whose output is newer than every source file it depends on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ifStale = process.argv.includes('--if-stale');
const sharedSources = ['lib', 'client', 'components', 'package-lock.json'];
const parts = [
  { name: 'tiện ích Chrome', out: '.output/chrome-mv3/manifest.json', sources: ['entrypoints', 'public', 'wxt.config.ts', ...sharedSources], cmd: ['wxt', 'build'] },
  { name: 'tiện ích Firefox', out: '.output/firefox-mv2/manifest.json', sources: ['entrypoints', 'public', 'wxt.config.ts', ...sharedSources], cmd: ['wxt', 'build', '-b', 'firefox'] },
  { name: 'PWA', out: 'dist/pwa/index.html', sources: ['pwa', ...sharedSources], cmd: ['vite', 'build', '--config', 'pwa/vite.config.ts', '--logLevel', 'warn'] },
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

for (const part of parts) {
  if (ifStale && existsSync(part.out) && statSync(part.out).mtimeMs >= Math.max(...part.sources.map(newest))) continue;
  console.log(`Đang xây dựng ${part.name}…`);
  const r = spawnSync('npx', part.cmd, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`Xây dựng ${part.name} thất bại.`);
    process.exit(r.status ?? 1);
  }
}
