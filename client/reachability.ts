// Whether the collector can be reached, as the last request found it. Not navigator.onLine: a Wi-Fi with no
// way out says "online" and a captive portal answers for everyone. Every request through client/collector.ts
// reports here; `watchReachability` adds the browser's offline hint and a probe of /api/health.

/** 'unknown' until the first request or probe has an outcome. */
export type Reachability = 'unknown' | 'reachable' | 'unreachable';

let state: Reachability = 'unknown';
const listeners = new Set<(r: Reachability) => void>();

function set(next: Reachability) {
  if (next === state) return;
  state = next;
  listeners.forEach((l) => l(state));
}

export const reachability = (): Reachability => state;

/** Called with every change; returns the unsubscribe. */
export function onReachability(listener: (r: Reachability) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The collector gave an HTTP answer, whatever its status: the way there works. */
export const reportAnswer = () => set('reachable');
/** No answer (network error, timeout): unreachable until something answers again. */
export const reportNoAnswer = () => set('unreachable');

/** How often to ask /api/health: soon while nothing answers, rarely while requests keep the state fresh. */
export const probeEveryMs = { unreachable: 30_000, reachable: 5 * 60_000, unknown: 30_000 } as const;

/**
 * Keeps the state current without waiting for the app's next request: the browser's `offline` event makes it
 * unreachable at once (that hint is never wrong); `online`, the start and a timer probe the collector, whose
 * answer (or silence) is what counts. `probe` must go through client/collector.ts so its outcome is reported.
 * Returns the stop function. `target` is `window` in a page, `self` in a service worker.
 */
export function watchReachability(
  probe: () => Promise<unknown>,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
  onLine: () => boolean = () => globalThis.navigator?.onLine !== false,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(check, probeEveryMs[state]);
  };
  function check() {
    // The browser knows it has no network at all: no need to ask.
    if (!onLine()) {
      reportNoAnswer();
      schedule();
      return;
    }
    void probe().catch(() => undefined).finally(schedule);
  }
  const offline = () => {
    reportNoAnswer();
    schedule();
  };
  const online = () => check();
  target.addEventListener('offline', offline);
  target.addEventListener('online', online);
  check();
  return () => {
    stopped = true;
    clearTimeout(timer);
    target.removeEventListener('offline', offline);
    target.removeEventListener('online', online);
  };
}

/** For tests: back to the state of a freshly opened page. */
export function resetReachability() {
  state = 'unknown';
  listeners.clear();
}
