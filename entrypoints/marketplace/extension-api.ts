// The extension API for the content script, taken at its first use rather than when the script starts.
// Chromium builds an isolated world's `chrome.*` bindings when they are first touched, one namespace at a time
// (`runtime`, `storage`…), and `wxt/browser` touches `runtime` at load (its `browser.runtime.id` probe): about 40% of
// the script's start-up on every marketplace page, most of which are no order and need no extension at all. So the
// content script reaches the API only through `browser` below, and its build maps `wxt/browser` here too
// (wxt.config.ts), for the modules it shares with the extension's pages (the buyer's note). Taking it touches no
// namespace: a product page, which reads storage only (the collector's rules, its shop's registry entry), never builds
// `runtime`. On the first use the performance mark "nongsan-so:extension-api" is left: the tests and the bench see
// which pages took it.
import type { WxtBrowser as Browser } from 'wxt/browser';

type Global = { browser?: Browser; chrome?: Browser };

let api: Browser | undefined;
/**
 * Whether to ask `runtime` if the extension is gone: the script has reached it already (messages, its own address), so
 * asking costs no more; or a call to the API failed, as every call of a copy whose extension is gone does.
 */
let askRuntime = false;

/**
 * The same choice as `wxt/browser`: Firefox's promise-based `browser` (Chromium has one too), else Chromium's `chrome`.
 * Not by its probe `browser.runtime.id`, which builds `runtime`: `in` looks for the namespace without building it, and
 * still tells the API from an element of the page with id "browser" (the window's named properties reach the
 * isolated world).
 */
function take(): Browser {
  if (!api) {
    const g = globalThis as Global;
    api = (g.browser && 'runtime' in g.browser ? g.browser : g.chrome) as Browser;
    performance.mark('nongsan-so:extension-api');
  }
  return api;
}

/** The extension API (`wxt/browser`'s `browser`), created at the first property read. */
export const browser: Browser = new Proxy({} as Browser, {
  get: (_, name) => {
    if (name === 'runtime') askRuntime = true;
    return Reflect.get(take(), name);
  },
});

/**
 * From now on the gone check asks `runtime`: a call to the API threw or was refused (what a copy whose extension is
 * gone gets from every call), or the page is read again (a later reading may make no call that would fail).
 */
export const askRuntimeFromNowOn = (): void => {
  askRuntime = true;
};

/**
 * This copy's extension is gone: updated, reloaded or removed. Chromium leaves the old copy running in the page with
 * an API that answers nothing (`runtime.id` undefined, every call refused). Asks `runtime` only where the script has
 * reached it already, a call failed or the page is read again: a product page that reads storage alone builds no
 * `runtime` for its first reading. False while the page has not taken the API at all.
 */
export const extensionGone = (): boolean => askRuntime && api !== undefined && browser.runtime?.id == null;
