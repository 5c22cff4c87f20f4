import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import type { Figures } from './figures';

/**
 * The dashboards and the staff's "Khai báo đơn hàng" page load lazily (pwa/src/dashboard, pwa/src/staff): what
 * opening /bang-dieu-khien or /khai-bao adds on top of the shell (its own chunk, not chunks it shares), and a
 * check that none of it leaks into the kiosk's first load. Each role's screens are a chunk of their own, loaded
 * after sign-in (pwa/src/dashboard/index.tsx): the sign-in page is `dashboard-`, then `province-view-` or `agency-view-`.
 */
export async function run(): Promise<Figures> {
  spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const assets = 'dist/pwa/assets';
  const html = readFileSync('dist/pwa/index.html', 'utf8');
  const lazy = (prefix: string) => {
    const chunks = readdirSync(assets).filter((f) => f.startsWith(prefix));
    const gz = chunks.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f))).length, 0);
    return { kb: Math.round((gz / 1024) * 10) / 10, leaked: chunks.filter((f) => html.includes(f)).length };
  };
  const dashboard = lazy('dashboard-');
  const province = lazy('province-view-');
  const agency = lazy('agency-view-');
  const staff = lazy('staff-');
  return {
    'pwa.dashboard-chunk-gzip': { value: dashboard.kb, unit: 'KB gzip', target: 60, better: 'lower' },
    'pwa.dashboard-in-first-load': { value: dashboard.leaked + province.leaked + agency.leaked, unit: 'files', target: 0, better: 'lower' },
    'pwa.dashboard-province-screens-gzip': { value: province.kb, unit: 'KB gzip', target: 60, better: 'lower' },
    'pwa.dashboard-agency-screens-gzip': { value: agency.kb, unit: 'KB gzip', target: 60, better: 'lower' },
    'pwa.staff-page-chunk-gzip': { value: staff.kb, unit: 'KB gzip', target: 30, better: 'lower' },
    'pwa.staff-page-in-first-load': { value: staff.leaked, unit: 'files', target: 0, better: 'lower' },
  };
}
