// The buyer's note, shown by the in-page UI script (index.tsx) only on a product page whose shop is in the registry
// of verified households. Verified facts still in date only (lib/quality/badge.ts); closing it keeps that shop quiet
// for 30 days. A closed shadow root in the notice's style, for the notice's reasons (index.tsx): the site's scripts
// cannot reach into it (`host.shadowRoot` is null for them).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { badgeLine, type BadgeShop } from '../../lib/quality/badge';
import { vietnamToday } from '../../lib/periods';
import { noticeCss, onlyTrusted } from './notice-view';

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
  const ui = await createShadowRootUi(ctx, {
    name: 'nongsan-so-badge',
    mode: 'closed',
    position: 'overlay',
    zIndex: 2147483646,
    css: noticeCss,
    onMount(container) {
      const close = () => {
        ui.remove();
        void browser.storage.local.set({ [closedKey]: Date.now() });
      };
      render(
        <aside class="n" aria-label="Nông sản số: hộ sản xuất Lạng Sơn">
          <button class="x" type="button" aria-label="Đóng ghi chú" onClick={onlyTrusted(close)}>
            ×
          </button>
          <h2>Nông sản số Lạng Sơn</h2>
          <p>{line}</p>
        </aside>,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  start = performance.now();
  ui.mount();
  ms += performance.now() - start;
  // Main-thread time of the note on the page (bench/extension.ts), beside "nongsan-so:read" and "nongsan-so:features":
  // wording it and mounting it; the storage read and the shadow root's set-up before the mount are waits, not work.
  performance.measure('nongsan-so:badge', { start: 0, duration: ms });
};
