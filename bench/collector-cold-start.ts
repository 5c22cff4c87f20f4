import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round, type Figures } from './figures';

/** Time from spawning `node --import tsx server/main.ts` on a fresh data dir to the first 200 from /api/health. */
async function once(port: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 30_000) throw new Error('collector did not start in 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) samples.push(await once(18_900 + i));
  return { 'collector.cold-start': { value: round(median(samples), 0), unit: 'ms', target: 2000, better: 'lower' } };
}
