import { browser } from './extension-api';
import { badgeLine, type BadgeShop } from '../../lib/quality/badge';
import { vietnamToday } from '../../lib/periods';
import { registryEntryKey } from '../shared/registry-keys';
import { badgeClosedKey, badgeQuiet, showBadge } from '../notice/badge';
import type { Feature } from './feature';

let asked: string | null = null;

/**
 * The buyer's note: on a product page whose shop is in the registry the background keeps (shared/registry.ts), one
 * storage read (the shop's entry, and whether the person closed its note) and nothing sent anywhere. Verified facts
 * still in date only; nothing at all when none is. Enrolment not needed.
 */
export const badge: Feature = {
  name: 'badge',
  read({ ctx, page }) {
    const key = page.shopKey && registryEntryKey(page.shopKey);
    if (!key || key === asked) return;
    asked = key;
    const closedKey = badgeClosedKey(key);
    void browser.storage.local
      .get([key, closedKey])
      .then((s) => {
        if (ctx.isInvalid) return;
        const start = performance.now();
        const shop = s[key] as BadgeShop | undefined;
        const line = shop && !badgeQuiet(s[closedKey]) && badgeLine(shop, vietnamToday());
        if (line) showBadge(ctx, closedKey, line);
        // Main-thread time of the note on the page (bench/extension.ts), beside "nongsan-so:read" and
        // "nongsan-so:features": deciding, wording and mounting it (the shadow root and its style included).
        performance.measure('nongsan-so:badge', { start, end: performance.now() });
      })
      // Shown or not, it is settled for this shop: a test may look for the note's absence only after this mark.
      .finally(() => performance.mark('nongsan-so:badge-decided'));
  },
};
