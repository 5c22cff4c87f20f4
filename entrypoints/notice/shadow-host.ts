// The in-page UI's host: an element of our own at the end of <body>, holding a shadow root with the UI's style
// and a container to render into. The page's CSS cannot reach inside; `:host{all:initial}` keeps the page's CSS
// off the host itself. Hand-made rather than WXT's createShadowRootUi, which brings ~10 KB of general machinery
// (anchors, positions, CSS loading, element waiting) that two fixed-position boxes do not use.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface ShadowHost {
  container: HTMLElement;
  remove(): void;
}

/**
 * `mode: 'closed'` makes `host.shadowRoot` null for the page's scripts. `zIndex` goes on the UI's fixed box
 * (`.n`), which then stacks over the page's own. The host goes away when the extension is reloaded or removed.
 */
export function mountInShadow(
  ctx: ContentScriptContext,
  options: { name: string; mode: ShadowRootMode; zIndex: number; css: string },
): ShadowHost {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: options.mode });
  const style = document.createElement('style');
  style.textContent = [':host{all:initial!important}', options.css, `.n{z-index:${options.zIndex}}`].join('');
  const container = document.createElement('div');
  shadow.append(style, container);
  const remove = () => host.remove();
  ctx.onInvalidated(remove);
  (document.body ?? document.documentElement).append(host);
  return { container, remove };
}
