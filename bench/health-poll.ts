import { median } from './figures';

/**
 * Runs `work` while /api/health is asked every 20 ms from the same process (the uploads' benches: a large file
 * must not stall other requests); `onSample` runs after each answer (the import's bench reads the heap there).
 */
export async function duringHealthPolls<T>(url: string, work: () => Promise<T>, onSample: () => void = () => {}): Promise<{ result: T; ms: number; p50: number; max: number }> {
  const health: number[] = [];
  let done = false;
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
    return { result, ms: performance.now() - t0, p50: median(health), max: Math.max(...health) };
  } finally {
    done = true;
    await poll;
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
