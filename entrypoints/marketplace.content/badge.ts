import { browser } from 'wxt/browser';
import { loadLazy } from '../shared/lazy-script';
import type { InPageUi } from '../notice';
import type { BadgeShop } from '../../lib/quality/badge';
import type { Feature } from './feature';

let asked: string | null = null;

/**
 * The buyer's note: on a product page whose shop is in the registry the background keeps (shared/registry.ts), one
 * storage read for that shop and nothing sent anywhere; the note's code (the in-page UI script) is loaded only then.
 * Enrolment not needed.
 */
export const badge: Feature = {
  name: 'badge',
  read({ ctx, page }) {
    const key = page.shopKey && `registry:${page.shopKey}`;
    if (!key || key === asked) return;
    asked = key;
    void browser.storage.local
      .get(key)
      .then((s) => s[key] && loadLazy<InPageUi>('notice').then((ui) => ui.showBadge(ctx, key, s[key] as BadgeShop)))
      // Shown or not, it is settled for this shop: a test may look for the note's absence only after this mark.
      .finally(() => performance.mark('nongsan-so:badge-decided'));
  },
};
