// The registry of registered households' shops with verified quality facts (GET /api/registry/shops), kept in
// browser.storage.local one entry per shop ("registry:voso:41235"), so a product page looks up its own shop in one
// small read and never asks the collector. Fetched by the background at most once a day (ETag; 304 when unchanged),
// and again when the collector address changes. Needs no enrolment: it is public and carries no personal data.
import { browser } from 'wxt/browser';
import type { Registry } from '../../lib/api/registry';
import type { BadgeShop } from '../../lib/quality/badge';
import { shopKeyOf } from '../../lib/marketplaces/shop-link';
import { chooseRules, RULES_KEY, type RulesCache } from './rules-choice';
import { registryEntryKey } from './registry-keys';
import { staffCollector } from './collector-api';
import { getCollectorUrl } from './settings';

export const REGISTRY_KEY = 'registry';

export interface RegistryMeta {
  collectorUrl: string;
  etag: string | null;
  fetchedAt: string;
  /** The entry keys stored, to drop the shops that left the registry. */
  keys: string[];
}

const DAY_MS = 86_400_000;

/**
 * Fetches the registry when the copy is a day old or from another collector, or when the person asks (`force`; the
 * ETag still saves the download when nothing changed). Says what happened, in Vietnamese.
 */
export async function refreshRegistry(now = new Date(), force = false): Promise<string> {
  const collectorUrl = await getCollectorUrl();
  const stored = await browser.storage.local.get([REGISTRY_KEY, RULES_KEY]);
  const meta = stored[REGISTRY_KEY] as RegistryMeta | undefined;
  const same = meta?.collectorUrl === collectorUrl;
  if (same && !force && now.getTime() - Date.parse(meta.fetchedAt) < DAY_MS) return 'Danh sách hộ sản xuất đã cập nhật trong ngày.';
  try {
    const res = await staffCollector(collectorUrl).request('/api/registry/shops', { headers: same && meta.etag ? { 'If-None-Match': meta.etag } : {} });
    if (res.status === 304) {
      await browser.storage.local.set({ [REGISTRY_KEY]: { ...meta!, fetchedAt: now.toISOString() } satisfies RegistryMeta });
      return 'Danh sách hộ sản xuất không đổi.';
    }
    const { shops } = (await res.json()) as Registry;
    // The address changed while this was on its way: the newer request stores its own collector's registry.
    if ((await getCollectorUrl()) !== collectorUrl) return 'Địa chỉ máy chủ vừa đổi; danh sách được tải từ địa chỉ mới.';
    const rules = chooseRules(stored[RULES_KEY] as RulesCache | undefined);
    const entries: Record<string, BadgeShop> = {};
    for (const shop of Array.isArray(shops) ? shops : []) {
      const site = rules.sites.find((s) => s.marketplace === shop?.marketplace);
      const key = site && shopKeyOf(site, shop.shopUrl);
      if (key && Array.isArray(shop.claims)) entries[registryEntryKey(key)] = { commune: String(shop.commune), district: String(shop.district), claims: shop.claims };
    }
    const keys = Object.keys(entries);
    const gone = (meta?.keys ?? []).filter((k) => !(k in entries));
    if (gone.length) await browser.storage.local.remove(gone);
    await browser.storage.local.set({ ...entries, [REGISTRY_KEY]: { collectorUrl, etag: res.headers.get('ETag'), fetchedAt: now.toISOString(), keys } satisfies RegistryMeta });
    return `Đã tải danh sách hộ sản xuất (${keys.length} cửa hàng).`;
  } catch (e) {
    return `Chưa tải được danh sách hộ sản xuất, vẫn dùng bản đang có: ${e instanceof Error ? e.message : e}`;
  }
}
