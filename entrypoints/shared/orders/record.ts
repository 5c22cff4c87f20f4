// What a marketplace page read means for the person's recorded orders (lib/capture.ts), stored in the
// extension's database. Called by the background for every page the content script reads.
import { capture, orderKey } from '../../../lib/capture';
import type { ExtractResult } from '../../../lib/marketplaces/types';
import { db, unsent, type StoredOrder } from '../db';

export const newClientId = () => crypto.randomUUID();

/** Stores what a page read means. Returns the orders recorded for the first time. */
export async function recordPage(page: ExtractResult, now = new Date().toISOString()): Promise<StoredOrder[]> {
  if (!page.marketplace || page.pageType === 'other' || page.pageType === 'product') return [];
  const d = db();
  return d.transaction('rw', d.orders, d.snapshots, async () => {
    const marketplace = page.marketplace!;
    const codes = page.orders.map((o) => o.orderCode).filter((c): c is string => !!c);
    const found = await d.orders.bulkGet(codes.map((c) => orderKey(marketplace, c)));
    const existing = new Map(found.filter((o): o is StoredOrder => !!o).map((o) => [o.key, o]));
    const snapshot = (await d.snapshots.get(marketplace)) ?? null;
    const out = capture({ page, now, snapshot, existing, newClientId });
    if (out.snapshot) await d.snapshots.put(out.snapshot);
    else if (out.snapshot === null) await d.snapshots.delete(marketplace);
    const stored = out.upserts.map((o) => ({ ...o, submission: (o as Partial<StoredOrder>).submission ?? unsent() }) as StoredOrder);
    if (stored.length) await d.orders.bulkPut(stored);
    return stored.filter((o) => out.created.includes(o.key));
  });
}
