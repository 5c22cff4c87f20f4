// The in-page UI's host: an element of our own at the end of <body>, holding a shadow root with the UI's style and
// the UI itself. The page's CSS cannot reach inside; `:host{all:initial}` keeps the page's CSS off the host itself.
// Hand-made rather than WXT's createShadowRootUi, which brings ~10 KB of general machinery (anchors, positions, CSS
// loading, element waiting) that two fixed-position boxes do not use.
/** What the UI needs of the copy of the content script showing it: to know when that copy stops (marketplace/lifetime.ts). */
export interface PageUiLifetime {
  onInvalidated(cb: () => void): unknown;
}

/**
 * Puts `ui` (its box has class `n`) on the page; returns what takes it away. `mode: 'closed'` makes
 * `host.shadowRoot` null for the page's scripts. `zIndex` goes on the UI's fixed box (`.n`), which then stacks over
 * the page's own. The host goes away when the extension is reloaded or removed.
 */
export function mountInShadow(ctx: PageUiLifetime, options: { name: string; mode: ShadowRootMode; zIndex: number; css: string }, ui: HTMLElement): () => void {
  const host = document.createElement(options.name);
  const style = document.createElement('style');
  style.textContent = `:host{all:initial!important}${options.css}.n{z-index:${options.zIndex}}`;
  // Filled before it is attached: one insertion into the page, its style sheet parsed once.
  host.attachShadow({ mode: options.mode }).append(style, ui);
  const remove = () => host.remove();
  ctx.onInvalidated(remove);
  (document.body ?? document.documentElement).append(host);
  return remove;
}
