// Scripts the content script loads only when a page needs them (the page reader, the notice UI), so the
// pages a person merely browses carry a small detector and nothing more. Each runs in the content
// script's isolated world and leaves its entry point on globalThis under a name listed here (lazy-script-provide.ts).
import { browser } from 'wxt/browser';

import { lazyScripts } from './lazy-script-names';

/** Loads a lazy script once and returns its entry point. */
export async function loadLazy<T>(name: keyof typeof lazyScripts): Promise<T> {
  const entry = lazyScripts[name];
  const g = globalThis as Record<string, unknown>;
  // WXT types getURL by the paths it generates; these are ours (web_accessible_resources).
  if (!g[entry]) await import(/* @vite-ignore */ (browser.runtime as unknown as { getURL(path: string): string }).getURL(`/${name}.js`));
  return g[entry] as T;
}
