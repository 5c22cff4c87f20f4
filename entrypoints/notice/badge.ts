// The buyer's note, shown by the content script itself (marketplace.content/badge.ts) on a product page whose shop is
// in the registry of verified households. It is carried in the content script rather than in the lazy in-page UI
// script (index.ts): loading that script for it (fetching it from the extension, compiling and running it) took more
// of the page's main thread than the note itself. Closing it keeps that shop quiet for 30 days. A closed shadow root
// in the notice's style, for the notice's reasons (index.ts): the site's scripts cannot reach into it
// (`host.shadowRoot` is null for them).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { boxCss, button, el } from './notice-view';
import { mountInShadow } from './shadow-host';

/** Storage key of when the person closed the note of a shop (its registry entry key). */
export const badgeClosedKey = (entryKey: string) => `badge-closed:${entryKey}`;

const QUIET_MS = 30 * 86_400_000;

/** Whether the person closed this shop's note less than 30 days ago. */
export const badgeQuiet = (closedAt: unknown, now = Date.now()) => typeof closedAt === 'number' && now - closedAt < QUIET_MS;

/**
 * The note's own style: the notice's box (boxCss) and its one button, the close button in the corner, written whole
 * (what the notice's general button rule and its corner rule come to for it). Not the notice's whole sheet: parsing it
 * is most of what the note costs on a product page (bench/extension.ts), and the note has none of its other buttons.
 */
const badgeCss = `${boxCss}.x{position:absolute;top:6px;right:6px;width:28px;height:28px;padding:0;border:0;margin:0;border-radius:6px;background:#fff;color:#1b6e3a;cursor:pointer;font:20px/1 system-ui,sans-serif}`;

/** Mounts the note saying `line` (lib/quality/badge.ts) at the end of the page. */
export function showBadge(ctx: ContentScriptContext, closedKey: string, line: string): void {
  const remove = mountInShadow(
    ctx,
    { name: 'nongsan-so-badge', mode: 'closed', zIndex: 2147483646, css: badgeCss },
    el(
      'aside',
      { class: 'n', 'aria-label': 'Nông sản số: hộ sản xuất Lạng Sơn' },
      button({ class: 'x', 'aria-label': 'Đóng ghi chú' }, '×', () => {
        remove();
        void browser.storage.local.set({ [closedKey]: Date.now() });
      }),
      el('h2', {}, 'Nông sản số Lạng Sơn'),
      el('p', {}, line),
    ),
  );
}
