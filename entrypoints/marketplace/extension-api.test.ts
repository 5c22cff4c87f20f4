import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Chromium's bindings as a content script sees them: each namespace is built when first read (a getter here, counted),
// `in` finds it without building it. `browser` and `chrome` both exist in Chromium 156, as in Firefox.
let built: string[];
const bindings = (runtimeId: () => string | undefined, storageGet: () => Promise<Record<string, unknown>>) => {
  const api = {};
  Object.defineProperty(api, 'runtime', { enumerable: true, get: () => (built.push('runtime'), { get id() { return runtimeId(); } }) });
  Object.defineProperty(api, 'storage', { enumerable: true, get: () => (built.push('storage'), { local: { get: storageGet } }) });
  return api;
};
const g = globalThis as Record<string, unknown>;

/** A fresh copy of the module: it keeps the API it took. */
const load = () => import('./extension-api');

beforeEach(() => {
  built = [];
  vi.resetModules();
});
afterEach(() => {
  delete g.browser;
  delete g.chrome;
});

describe('taking the extension API', () => {
  it('reads storage without building runtime, and asks nothing of runtime for a live extension', async () => {
    g.browser = bindings(() => 'nongsan-so', async () => ({}));
    const { browser, extensionGone } = await load();
    expect(extensionGone()).toBe(false);
    await browser.storage.local.get(['rules']);
    expect(extensionGone()).toBe(false);
    expect(built).toEqual(['storage']);
  });

  it('takes chrome when "browser" is an element of the page (named access on the window), not the API', async () => {
    g.browser = { id: 'browser', tagName: 'DIV' };
    g.chrome = bindings(() => 'nongsan-so', async () => ({ rules: 'from chrome' }));
    const { browser } = await load();
    expect(await browser.storage.local.get(['rules'])).toEqual({ rules: 'from chrome' });
  });

  it('asks nothing, and takes no API, on a page that has not taken it', async () => {
    g.browser = bindings(() => undefined, async () => ({}));
    const { extensionGone, askRuntimeFromNowOn } = await load();
    askRuntimeFromNowOn();
    expect(extensionGone()).toBe(false);
    expect(built).toEqual([]);
  });

  it('once runtime is in use, a dead runtime (runtime.id undefined after an update) says the extension is gone', async () => {
    let id: string | undefined = 'nongsan-so';
    g.browser = bindings(() => id, async () => ({}));
    const { browser, extensionGone } = await load();
    expect(browser.runtime.id).toBe('nongsan-so');
    expect(extensionGone()).toBe(false);
    id = undefined;
    expect(extensionGone()).toBe(true);
  });

  it('a failed call or a later reading makes it ask runtime: gone when runtime.id is undefined, not when a live extension refused', async () => {
    let id: string | undefined = 'nongsan-so';
    g.browser = bindings(() => id, async () => ({}));
    const { browser, extensionGone, askRuntimeFromNowOn } = await load();
    await browser.storage.local.get(['rules']);
    askRuntimeFromNowOn();
    expect(extensionGone()).toBe(false);
    expect(built).toEqual(['storage', 'runtime']);
    id = undefined;
    expect(extensionGone()).toBe(true);
  });
});
