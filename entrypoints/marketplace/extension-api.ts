// The extension API for the content script, taken at its first use rather than when the script starts.
// Chromium builds an isolated world's `chrome.*` bindings when they are first touched, and `wxt/browser` touches them
// at load (its `browser.runtime.id` probe): about 40% of the script's start-up on every marketplace page, most of
// which are no order and need no extension at all. So the content script reaches the API only through `browser`
// below, and its build maps `wxt/browser` here too (wxt.config.ts), for the modules it shares with the extension's
// pages (the buyer's note). On the first use the performance mark "nongsan-so:extension-api" is left: the tests and
// the bench see which pages took it.
import type { WxtBrowser as Browser } from 'wxt/browser';

type Global = { browser?: Browser; chrome?: Browser };

let api: Browser | undefined;

/** The same choice as `wxt/browser`: Firefox's promise-based `browser`, else Chromium's `chrome`. */
function take(): Browser {
  if (!api) {
    const g = globalThis as Global;
    api = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
    performance.mark('nongsan-so:extension-api');
  }
  return api;
}

/** Whether the page has used the extension API yet. */
export const apiTaken = (): boolean => api !== undefined;

/** The extension API (`wxt/browser`'s `browser`), created at the first property read. */
export const browser: Browser = new Proxy({} as Browser, { get: (_, name) => Reflect.get(take(), name) });

/**
 * This copy's extension is gone: updated, reloaded or removed. Chromium leaves the old copy running in the page with
 * an API that answers nothing (`runtime.id` undefined). Asks the API, so only where the page already needs it.
 */
export const extensionGone = (): boolean => take().runtime?.id == null;
