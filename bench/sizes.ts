import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import type { Figures } from './figures';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Sizes of what users download: the extension and the PWA's first load (the shell and what it imports). */
export async function run(): Promise<Figures> {
  spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const ext = '.output/chrome-mv3';
  const extFiles = files(ext);
  const content = extFiles.filter((f) => f.includes('content-scripts') && f.endsWith('.js'));
  const contentMax = Math.max(...content.map((f) => statSync(f).size));

  // First load = index.html plus every script and stylesheet it references (not lazily loaded chunks).
  const html = readFileSync('dist/pwa/index.html', 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => join('dist/pwa', m[1]));
  const firstLoad = ['dist/pwa/index.html', ...refs].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);

  return {
    'extension.total': { value: kb(extFiles.reduce((s, f) => s + statSync(f).size, 0)), unit: 'KB', target: 250, better: 'lower' },
    'extension.content-script': { value: kb(contentMax), unit: 'KB min', target: 15, better: 'lower' },
    'pwa.first-load-gzip': { value: kb(firstLoad), unit: 'KB gzip', target: 60, better: 'lower' },
  };
}
