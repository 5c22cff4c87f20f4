import { spawnSync } from 'node:child_process';

/** Runs `npm run admin -- <args>` as the operator would (node --import tsx server/admin.ts), with no terminal. */
export function admin(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
