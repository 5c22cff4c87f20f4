import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import type { Figures } from './figures';

/**
 * The dashboards load lazily (pwa/src/dashboard): what opening /bang-dieu-khien adds on top of the shell,
 * and a check that none of it leaks into the kiosk's first load.
 */
export async function run(): Promise<Figures> {
  spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const assets = 'dist/pwa/assets';
  const chunks = readdirSync(assets).filter((f) => f.startsWith('dashboard-'));
  const gz = chunks.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f))).length, 0);
  const html = readFileSync('dist/pwa/index.html', 'utf8');
  const leaked = chunks.filter((f) => html.includes(f)).length;
  return {
    'pwa.dashboard-chunk-gzip': { value: Math.round((gz / 1024) * 10) / 10, unit: 'KB gzip', target: 60, better: 'lower' },
    'pwa.dashboard-in-first-load': { value: leaked, unit: 'files', target: 0, better: 'lower' },
  };
}
