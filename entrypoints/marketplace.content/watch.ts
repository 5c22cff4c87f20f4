// Watches the page after the first read: voso is AngularJS (orders and prices render after document_idle),
// postmart's checkout posts by XHR, and a single-page app reaches its confirmation by history.pushState. So the
// page is read again when its content or its URL changes — debounced, and bounded in time, so that a busy page
// that is no order costs next to nothing.

/** Time from the first change to the next reading: the page finishes rendering meanwhile. */
const FIRST_DELAY_MS = 300;
/** Each reading that follows a change waits three times as long as the one before, up to this. */
const MAX_DELAY_MS = 8100;

export interface PageWatch {
  /** An order was read: stop watching the content (URL changes are still noticed where the browser says so). */
  settle(): void;
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/**
 * Calls `changed` when the page's content or URL changed, for `windowMs()` after the start and after each URL
 * change. Cheap on a page that never stops changing: after a change the observer is disconnected until the
 * next reading (one callback per reading, not one per mutation), and readings come further apart each time
 * (300 ms, 0,9 s, 2,7 s, 8,1 s); a click or a form sent (the
 * person placing the order) brings them close together again. Content scripts live in an isolated world, so the page's own pushState cannot be
 * wrapped: the URL is compared at each reading and on popstate/hashchange, and the Navigation API's
 * `currententrychange` (which does reach the isolated world) is used where the browser has it.
 * The main-thread time of the watching itself goes into the performance measure "nongsan-so:watch" when it stops.
 */
export function watchPage(changed: () => void, windowMs: () => number): PageWatch {
  let href = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let until = 0;
  let delay = FIRST_DELAY_MS;
  let watching = false;
  let spent = 0;
  let batches = 0;

  const observe = () => {
    // characterData: Angular fills {{ }} bindings by changing text nodes in place.
    if (watching && performance.now() < until) observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    else stop();
  };
  const read = () => {
    timer = undefined;
    urlChanged();
    changed();
    observe();
  };
  const schedule = (ms: number) => {
    if (timer === undefined) timer = setTimeout(read, ms);
  };
  const stop = () => {
    if (!watching) return;
    watching = false;
    observer.disconnect();
    clearTimeout(timer);
    timer = undefined;
    performance.measure('nongsan-so:watch', { start: 0, duration: spent, detail: { batches } });
  };
  /** A new page in a single-page app: a fresh window to render in, readings close together again. */
  const urlChanged = () => {
    if (location.href === href) return false;
    href = location.href;
    until = performance.now() + windowMs();
    delay = FIRST_DELAY_MS;
    if (!watching) {
      watching = true;
      observe();
    }
    return true;
  };
  const observer = new MutationObserver(() => {
    const start = performance.now();
    batches++;
    observer.disconnect();
    schedule(delay);
    delay = Math.min(delay * 3, MAX_DELAY_MS);
    spent += performance.now() - start;
  });
  const onNavigation = () => {
    if (urlChanged()) schedule(FIRST_DELAY_MS);
  };

  // The person acted ("Đặt hàng"): the page is about to change because of it.
  const onAction = () => {
    delay = FIRST_DELAY_MS;
  };
  addEventListener('click', onAction, { capture: true, passive: true });
  addEventListener('submit', onAction, { capture: true, passive: true });
  addEventListener('popstate', onNavigation);
  addEventListener('hashchange', onNavigation);
  (globalThis as { navigation?: NavigationLike }).navigation?.addEventListener?.('currententrychange', onNavigation);
  until = performance.now() + windowMs();
  watching = true;
  observe();
  return { settle: stop };
}
