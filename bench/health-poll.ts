import { median } from './figures';

/**
 * Runs `work` while /api/health is asked every 20 ms from the same process (the uploads' benches: a large file
 * must not stall other requests); `onSample` runs after each answer (the import's bench reads the heap there).
 * The collector runs in this process: a tick every 10 ms also gives its longest stall, and how much of it this
 * process spent on the CPU (the rest is the machine giving the CPU to others: a loaded machine, not a blocked loop).
 */
export async function duringHealthPolls<T>(url: string, work: () => Promise<T>, onSample: () => void = () => {}): Promise<{ result: T; ms: number; p50: number; max: number; stall: { ms: number; cpuMs: number } }> {
  const health: number[] = [];
  let done = false;
  let stall = { ms: 0, cpuMs: 0 };
  let last = { t: performance.now(), cpu: process.cpuUsage() };
  const ticker = setInterval(() => {
    const now = { t: performance.now(), cpu: process.cpuUsage() };
    const ms = now.t - last.t - 10;
    if (ms > stall.ms) stall = { ms, cpuMs: (now.cpu.user - last.cpu.user + now.cpu.system - last.cpu.system) / 1000 };
    last = now;
  }, 10);
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      health.push(performance.now() - t);
      onSample();
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, p50: median(health), max: Math.max(...health), stall };
  } finally {
    done = true;
    await poll;
    clearInterval(ticker);
  }
}

/** Health's answer times with nothing else running, 50 samples 20 ms apart. */
export async function idleHealth(url: string): Promise<number[]> {
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    idle.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  return idle;
}
