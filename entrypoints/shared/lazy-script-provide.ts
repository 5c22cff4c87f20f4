// The lazy scripts' side of shared/lazy-script.ts: hands over an entry point. Apart from the loader, so that a lazy
// script does not carry the extension API object (wxt/browser), which only the loader needs.
import { lazyScripts } from './lazy-script-names';

/** Called by a lazy script to hand over its entry point. */
export function provide(name: keyof typeof lazyScripts, value: unknown) {
  (globalThis as Record<string, unknown>)[lazyScripts[name]] = value;
}
