// Watches the page after the first read: voso is AngularJS (orders and prices render after document_idle),
// postmart's checkout posts by XHR, and a single-page app reaches its confirmation by history.pushState. So the
// page is read again when its content or its URL changes — debounced, and bounded in time, so that a busy page
// that is no order costs next to nothing.

/** Time from the first change to the next reading: the page finishes rendering meanwhile. */
const FIRST_DELAY_MS = 300;
/** Each reading that follows a change waits three times as long as the one before, up to this. */
const MAX_DELAY_MS = 8100;
/** Looks at the address after the person acted on a page whose content is not watched: at 0,3, 1,2, 3,9 and 12 s. */
const LOOKS_AFTER_ACTION = 4;

export interface PageWatch {
  /** An order was read: stop watching the content (URL changes are still noticed where the browser says so). */
  settle(): void;
  /**
   * What the latest reading says: whether the page's content may still turn into an order (an order, checkout or
   * cart page, or one a rule is written for). A page that is no order is not watched for its own changes.
   */
  content(worthWatching: boolean): void;
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/**
 * Calls `changed` when the page's content or URL changed, for `windowMs()` after the start and after each URL
 * change. Cheap on a page that never stops changing: after a change the observer is disconnected until the
 * next reading (one callback per reading, not one per mutation), and readings come further apart each time
 * (300 ms, 0,9 s, 2,7 s, 8,1 s); a click or a form sent (the person placing the order) brings them close together
 * again. A page that is no order (its home, a product, a category) is not observed at all: carousels, counters and
 * chat widgets change it all the time, and none of that makes it an order; only a new address can. Content scripts
 * live in an isolated world, so the page's own pushState cannot be wrapped: the URL is compared at each reading,
 * a few times after each click or form sent (what makes a single-page app move on), and on
 * popstate/hashchange; the Navigation API's `currententrychange` (which does reach the isolated world) is used
 * where the browser has it. The main-thread time of the watching itself goes into the performance measure
 * "nongsan-so:watch" when it stops. `settled`: the page's order is already read, its content is not watched (as if
 * `settle` were called at once, without making the observer first).
 */
export function watchPage(changed: () => void, windowMs: () => number, worthWatching: boolean, settled = false): PageWatch {
  let href = document.URL;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let until = 0;
  let delay = FIRST_DELAY_MS;
  let watching = false;
  let contentWatched = worthWatching;
  let looksLeft = 0;
  let spent = 0;
  let batches = 0;

  /** Arms the observer until the next change, unless the window is over or the content is not worth watching. */
  const observe = () => {
    if (!watching) return;
    if (!contentWatched || performance.now() >= until) return stop();
    // characterData: Angular fills {{ }} bindings by changing text nodes in place.
    if (timer === undefined) (observer ??= new MutationObserver(changedContent)).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  const read = () => {
    timer = undefined;
    urlChanged();
    changed();
    if (!contentWatched && looksLeft > 0) {
      looksLeft--;
      later();
    }
    observe();
  };
  const schedule = (ms: number) => {
    if (timer === undefined) timer = setTimeout(read, ms);
  };
  /** The next reading, a little later than the last. */
  const later = () => {
    schedule(delay);
    delay = Math.min(delay * 3, MAX_DELAY_MS);
  };
  /** The content is no longer watched (the looks after an action, on a page that is no order, go on). */
  const stop = () => {
    if (!watching) return;
    watching = false;
    observer?.disconnect();
    if (contentWatched) {
      clearTimeout(timer);
      timer = undefined;
    }
    performance.measure('nongsan-so:watch', { start: 0, duration: spent, detail: { batches } });
  };
  /** A new page in a single-page app: a fresh window to render in, readings close together again. */
  const urlChanged = () => {
    if (document.URL === href) return false;
    href = document.URL;
    until = performance.now() + windowMs();
    delay = FIRST_DELAY_MS;
    watching = true;
    return true;
  };
  // Made when the content is first watched: a page that is no order never needs one.
  let observer: MutationObserver | undefined;
  const changedContent = () => {
    const start = performance.now();
    batches++;
    observer!.disconnect();
    later();
    spent += performance.now() - start;
  };
  const onNavigation = () => {
    if (urlChanged()) schedule(FIRST_DELAY_MS);
  };

  // The person acted ("Đặt hàng"): the page is about to change because of it. Where the content is not watched,
  // the address is looked at a few times over the next seconds (a form sent by XHR, then pushState).
  const onAction = () => {
    delay = FIRST_DELAY_MS;
    if (contentWatched) return;
    looksLeft = LOOKS_AFTER_ACTION - 1;
    clearTimeout(timer);
    timer = undefined;
    later();
  };
  addEventListener('click', onAction, { capture: true, passive: true });
  addEventListener('submit', onAction, { capture: true, passive: true });
  addEventListener('popstate', onNavigation);
  addEventListener('hashchange', onNavigation);
  (globalThis as { navigation?: NavigationLike }).navigation?.addEventListener?.('currententrychange', onNavigation);
  until = performance.now() + windowMs();
  // Settled from the start (an order read at once): no observer is made, only the address is followed.
  watching = !settled;
  observe();
  return {
    settle: stop,
    content(yes) {
      if (yes === contentWatched) return;
      contentWatched = yes;
      if (!yes) return stop();
      // It became an order, checkout or cart page (a single-page app moved on): a fresh window to render in.
      looksLeft = 0;
      clearTimeout(timer);
      timer = undefined;
      until = performance.now() + windowMs();
      delay = FIRST_DELAY_MS;
      watching = true;
      observe();
    },
  };
}
