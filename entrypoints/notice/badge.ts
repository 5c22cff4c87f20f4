// The buyer's note, shown by the content script itself (marketplace.content/badge.ts) on a product page whose shop is
// in the registry of verified households. It is carried in the content script rather than in the lazy in-page UI
// script (index.ts): loading that script for it (fetching it from the extension, compiling and running it) took more
// of the page's main thread than the note itself. Closing it keeps that shop quiet for 30 days. A closed shadow root
// in the notice's style, for the notice's reasons (index.ts): the site's scripts cannot reach into it
// (`host.shadowRoot` is null for them).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { button, el, noticeCss } from './notice-view';
import { mountInShadow } from './shadow-host';

/** Storage key of when the person closed the note of a shop (its registry entry key). */
export const badgeClosedKey = (entryKey: string) => `badge-closed:${entryKey}`;

const QUIET_MS = 30 * 86_400_000;

/** Whether the person closed this shop's note less than 30 days ago. */
export const badgeQuiet = (closedAt: unknown, now = Date.now()) => typeof closedAt === 'number' && now - closedAt < QUIET_MS;

/** Mounts the note saying `line` (lib/quality/badge.ts) at the end of the page. */
export function showBadge(ctx: ContentScriptContext, closedKey: string, line: string): void {
  const ui = mountInShadow(ctx, { name: 'nongsan-so-badge', mode: 'closed', zIndex: 2147483646, css: noticeCss });
  const close = () => {
    ui.remove();
    void browser.storage.local.set({ [closedKey]: Date.now() });
  };
  ui.container.append(
    el(
      'aside',
      { class: 'n', 'aria-label': 'Nông sản số: hộ sản xuất Lạng Sơn' },
      button({ class: 'x', 'aria-label': 'Đóng ghi chú' }, '×', close),
      el('h2', {}, 'Nông sản số Lạng Sơn'),
      el('p', {}, line),
    ),
  );
}
