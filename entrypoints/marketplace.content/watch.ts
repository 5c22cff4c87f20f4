// Watches the page after the first read: voso is AngularJS (orders and prices render after document_idle),
// postmart's checkout posts by XHR, and a single-page app reaches its confirmation by history.pushState. So the
// page is read again when its content or its URL changes — debounced, and bounded in time, so that a busy page
// that is no order costs next to nothing.

/** Quiet time after the last change before the page is read again. */
const DEBOUNCE_MS = 300;
/** A page that never settles (a ticker, a carousel) is still read this often while watched. */
const MAX_WAIT_MS = 1500;

export interface PageWatch {
  /** An order was read: stop watching the content (URL changes are still noticed where the browser says so). */
  settle(): void;
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/**
 * Calls `changed` (debounced) when the page's content or URL changes, for `windowMs()` after the start and after
 * each URL change. Content scripts live in an isolated world, so the page's own pushState cannot be wrapped: the
 * URL is compared on every batch of mutations and on popstate/hashchange, and the Navigation API's
 * `currententrychange` (which does reach the isolated world) is used where the browser has it.
 * The main-thread time of the watching itself goes into the performance measure "nongsan-so:watch" when it stops.
 */
export function watchPage(changed: () => void, windowMs: () => number): PageWatch {
  let href = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let stopAt: ReturnType<typeof setTimeout> | undefined;
  let observing = false;
  let spent = 0;
  let batches = 0;

  const fire = () => {
    timer = undefined;
    changed();
  };
  const schedule = () => {
    const now = performance.now();
    // Already waiting for longer than MAX_WAIT_MS: let that read happen rather than postpone it again.
    if (timer !== undefined && now - firstChangeAt >= MAX_WAIT_MS) return;
    if (timer === undefined) firstChangeAt = now;
    clearTimeout(timer);
    timer = setTimeout(fire, DEBOUNCE_MS);
  };
  const stop = () => {
    clearTimeout(stopAt);
    if (!observing) return;
    observing = false;
    observer.disconnect();
    performance.measure('nongsan-so:watch', { start: 0, duration: spent, detail: { batches } });
  };
  const observeFor = (ms: number) => {
    clearTimeout(stopAt);
    stopAt = setTimeout(stop, ms);
    if (observing) return;
    observing = true;
    // characterData: Angular fills {{ }} bindings by changing text nodes in place.
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  const urlChanged = () => {
    if (location.href === href) return false;
    href = location.href;
    observeFor(windowMs()); // a new page in a single-page app: a fresh window to render in
    return true;
  };
  const observer = new MutationObserver(() => {
    const start = performance.now();
    batches++;
    urlChanged();
    schedule();
    spent += performance.now() - start;
  });
  const onNavigation = () => {
    if (urlChanged()) schedule();
  };

  addEventListener('popstate', onNavigation);
  addEventListener('hashchange', onNavigation);
  (globalThis as { navigation?: NavigationLike }).navigation?.addEventListener?.('currententrychange', onNavigation);
  observeFor(windowMs());
  return { settle: stop };
}
