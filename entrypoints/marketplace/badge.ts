import { browser } from './extension-api';
import { badgeLine, type BadgeShop } from '../../lib/quality/badge';
import { vietnamToday } from '../../lib/periods';
import { registryEntryKey } from '../shared/registry-keys';
import { badgeClosedKey, badgeQuiet, showBadge } from '../notice/badge';
import type { Feature } from './feature';

let asked: string | null = null;

/** The storage keys of a shop's note: its registry entry, and when the person closed its note. */
export function badgeKeys(shopKey: string): [entry: string, closed: string] {
  const key = registryEntryKey(shopKey);
  return [key, badgeClosedKey(key)];
}

/**
 * The buyer's note: on a product page whose shop is in the registry the background keeps (shared/registry.ts), one
 * storage read (the shop's entry, and whether the person closed its note) and nothing sent anywhere. On the page's
 * first reading that read comes with the collector's rules, in the same call (read-page.ts); a later shop (a
 * single-page app moving to another product) is asked apart. Verified facts still in date only; nothing at all when
 * none is. Enrolment not needed.
 */
export const badge: Feature = {
  name: 'badge',
  read({ ctx, page }) {
    if (!page.shopKey || page.shopKey === asked) return;
    asked = page.shopKey;
    const [key, closedKey] = badgeKeys(page.shopKey);
    // Handled after the reading's own measures, in its own ("nongsan-so:badge"), as when storage answers it.
    void Promise.resolve(page.shopStored ?? browser.storage.local.get([key, closedKey]))
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
