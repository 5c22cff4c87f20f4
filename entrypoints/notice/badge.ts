// The buyer's note, shown by the content script itself (marketplace/badge.ts) on a product page whose shop is
// in the registry of verified households. It is carried in the content script rather than in the lazy in-page UI
// script (index.ts): loading that script for it (fetching it from the extension, compiling and running it) took more
// of the page's main thread than the note itself. Closing it keeps that shop quiet for 30 days. A closed shadow root
// in the notice's style, for the notice's reasons (index.ts): the site's scripts cannot reach into it
// (`host.shadowRoot` is null for them).
import { browser } from 'wxt/browser';
import { boxCss, onlyTrusted } from './notice-view';
import { mountInShadow, type PageUiLifetime } from './shadow-host';

/** Storage key of when the person closed the note of a shop (its registry entry key). */
export const badgeClosedKey = (entryKey: string) => `badge-closed:${entryKey}`;

const QUIET_MS = 30 * 86_400_000;

/** Whether the person closed this shop's note less than 30 days ago. */
export const badgeQuiet = (closedAt: unknown, now = Date.now()) => typeof closedAt === 'number' && now - closedAt < QUIET_MS;

/**
 * The note's own style: the notice's box (boxCss) and its one button, the close button in the corner, written whole
 * (what the notice's general button rule and its corner rule come to for it). Not the notice's whole sheet, which
 * styles buttons the note does not have: the parse of its sheet is the largest single step of the note on a product
 * page (about a third of it, traced), and grows with its length.
 */
const badgeCss = `${boxCss}.x{position:absolute;top:6px;right:6px;width:28px;height:28px;padding:0;border:0;margin:0;border-radius:6px;background:#fff;color:#1b6e3a;cursor:pointer;font:20px/1 system-ui,sans-serif}`;

/**
 * Mounts the note saying `line` (lib/quality/badge.ts) at the end of the page. Its four elements are made one by one
 * rather than with notice-view's `el` and `button`: on every product page of a registered shop, their first calls
 * (compiling them, building attribute lists) cost about a tenth of the note.
 */
export function showBadge(ctx: PageUiLifetime, closedKey: string, line: string): void {
  const note = document.createElement('aside');
  note.className = 'n';
  note.setAttribute('aria-label', 'Nông sản số: hộ sản xuất Lạng Sơn');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'x';
  close.setAttribute('aria-label', 'Đóng ghi chú');
  close.textContent = '×';
  close.addEventListener('click', onlyTrusted(() => {
    remove();
    void browser.storage.local.set({ [closedKey]: Date.now() });
  }));
  const h2 = document.createElement('h2');
  h2.textContent = 'Nông sản số Lạng Sơn';
  const p = document.createElement('p');
  p.textContent = line;
  note.append(close, h2, p);
  const remove = mountInShadow(ctx, { name: 'nongsan-so-badge', mode: 'closed', zIndex: 2147483646, css: badgeCss }, note);
}
