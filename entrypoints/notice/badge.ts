// The buyer's note, shown by the in-page UI script (index.ts) only on a product page whose shop is in the registry
// of verified households. Verified facts still in date only (lib/quality/badge.ts); closing it keeps that shop quiet
// for 30 days. A closed shadow root in the notice's style, for the notice's reasons (index.ts): the site's scripts
// cannot reach into it (`host.shadowRoot` is null for them).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { badgeLine, type BadgeShop } from '../../lib/quality/badge';
import { vietnamToday } from '../../lib/periods';
import { button, el, noticeCss } from './notice-view';
import { mountInShadow } from './shadow-host';

export type ShowBadge = (ctx: ContentScriptContext, key: string, shop: BadgeShop) => Promise<void>;

const QUIET_MS = 30 * 86_400_000;

export const showBadge: ShowBadge = async (ctx, key, shop) => {
  const closedKey = `badge-closed:${key}`;
  const closedAt = (await browser.storage.local.get(closedKey))[closedKey] as number | undefined;
  if (closedAt && Date.now() - closedAt < QUIET_MS) return;
  let start = performance.now();
  const line = badgeLine(shop, vietnamToday());
  if (!line) return;
  let ms = performance.now() - start;
  start = performance.now();
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
  ms += performance.now() - start;
  // Main-thread time of the note on the page (bench/extension.ts), beside "nongsan-so:read" and "nongsan-so:features":
  // wording it and mounting it (the shadow root included); the storage read is a wait, not work.
  performance.measure('nongsan-so:badge', { start: 0, duration: ms });
};
