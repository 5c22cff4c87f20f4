import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onReachability, probeEveryMs, reachability, reportAnswer, reportNoAnswer, resetReachability, watchReachability } from './reachability';

/** A page's window as far as the watch is concerned: its online/offline events and navigator.onLine. */
function page(initiallyOnline = true) {
  const target = new EventTarget();
  let onLine = initiallyOnline;
  return {
    target,
    onLine: () => onLine,
    goOffline() {
      onLine = false;
      target.dispatchEvent(new Event('offline'));
    },
    goOnline() {
      onLine = true;
      target.dispatchEvent(new Event('online'));
    },
    /** The network returns and the browser fires no event (it happens). */
    quietlyOnline() {
      onLine = true;
    },
  };
}

/** A probe whose outcome the test decides: it reports like a request through client/collector.ts. */
function probe() {
  let answers = true;
  const fn = vi.fn(async () => (answers ? reportAnswer() : reportNoAnswer()));
  return { fn, answer: (yes: boolean) => (answers = yes) };
}

describe('reachability', () => {
  beforeEach(() => {
    resetReachability();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('is what the collector last answered, whatever navigator.onLine says (a Wi-Fi with no way out)', async () => {
    const p = page(true);
    const q = probe();
    q.answer(false);
    const stop = watchReachability(q.fn, p.target, p.onLine);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.fn).toHaveBeenCalledTimes(1);
    expect(reachability()).toBe('unreachable');
    stop();
  });

  it('the offline event makes it unreachable at once; online probes again', async () => {
    const p = page(true);
    const q = probe();
    const seen: string[] = [];
    onReachability((r) => seen.push(r));
    const stop = watchReachability(q.fn, p.target, p.onLine);
    await vi.advanceTimersByTimeAsync(0);
    expect(reachability()).toBe('reachable');
    p.goOffline();
    expect(reachability()).toBe('unreachable');
    p.goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.fn).toHaveBeenCalledTimes(2);
    expect(reachability()).toBe('reachable');
    expect(seen).toEqual(['reachable', 'unreachable', 'reachable']);
    stop();
  });

  it('does not ask while the browser has no network at all, and a timer probes again once it has', async () => {
    const p = page(false);
    const q = probe();
    const stop = watchReachability(q.fn, p.target, p.onLine);
    expect(reachability()).toBe('unreachable');
    expect(q.fn).toHaveBeenCalledTimes(0);
    // The network comes back without an event: the timer finds it.
    p.quietlyOnline();
    await vi.advanceTimersByTimeAsync(probeEveryMs.unreachable);
    expect(q.fn).toHaveBeenCalledTimes(1);
    expect(reachability()).toBe('reachable');
    // While reachable, a probe now and then catches a way out that closed without any event.
    q.answer(false);
    await vi.advanceTimersByTimeAsync(probeEveryMs.reachable);
    expect(q.fn).toHaveBeenCalledTimes(2);
    expect(reachability()).toBe('unreachable');
    stop();
    await vi.advanceTimersByTimeAsync(probeEveryMs.reachable * 2);
    expect(q.fn).toHaveBeenCalledTimes(2);
  });
});
