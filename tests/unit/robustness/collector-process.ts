import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Starts `node --import tsx server/main.ts` on a free loopback port with the given environment; resolves once /api/health answers.
 * `output()` is everything the process has printed so far (stdout and stderr). `nodeFlags` go to node itself
 * (a bench's --cpu-prof, which NODE_OPTIONS refuses).
 */
export async function startCollector(env: Record<string, string>, nodeFlags: string[] = []): Promise<{ proc: ChildProcess; base: string; output: () => string }> {
  const port = await freePort();
  // As the service runs it (package.json start, deploy/): one node process. The `tsx` command would put a second
  // process in front that relays signals and kills a collector whose event loop is busy for 30 ms.
  const proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let printed = '';
  proc.stdout!.on('data', (d) => (printed += d));
  proc.stderr!.on('data', (d) => (printed += d));
  const output = () => printed;
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`collector exited with ${proc.exitCode}: ${printed}`);
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) return { proc, base, output };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('collector did not start');
}

/** Signals the whole process group, as systemd (KillMode=control-group), a crash or `kill -9` of the service would. */
export async function kill(proc: ChildProcess, signal: NodeJS.Signals) {
  const exited = new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode ? resolve() : proc.once('exit', () => resolve())));
  try {
    process.kill(-proc.pid!, signal);
  } catch {
    /* already gone */
  }
  await exited;
}

