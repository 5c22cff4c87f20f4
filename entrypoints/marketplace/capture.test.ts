import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../lib/marketplaces/types';
import type { Message } from '../shared/messages';
import type { PageRead } from './feature';
import type { Lifetime } from './lifetime';

// What capture hands to the extension: the messages it sends, as Chromium's runtime would receive them.
const sent: Message[] = [];
beforeAll(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'nongsan-so', sendMessage: async (m: Message) => void sent.push(structuredClone(m)) } };
});

const ctx: Lifetime = { isInvalid: false, onInvalidated: () => () => {} };
const url = 'https://langson.voso.vn/dat-hang';
/** voso's confirmation of order VS2611290417, one item, written by hand; a fresh object each time, as each reading is. */
const confirmation = (total: number): ExtractResult => ({
  marketplace: 'voso',
  pageType: 'order-confirmation',
  orders: [
    {
      orderCode: 'VS2611290417',
      placedAt: '2026-11-29T04:17:00+07:00',
      items: [{ name: 'Na Chi Lăng loại 1 hộp 2kg', quantity: 1, unitPrice: total, lineTotal: total, shop: null, productUrl: null, weightGrams: 2000, isFarmProduct: true }],
      shippingFee: 0,
      discount: null,
      total,
    },
  ],
  product: null,
  rulesVersion: '2026.11.1',
});
const read = (result: ExtractResult): PageRead => ({ url, result, ms: 0, worthReading: true, watchContent: true, shopKey: null });

describe('capture', () => {
  it('sends each new reading once: the first at once, an equal one never again, a changed one again', async () => {
    const { capture } = await import('./capture');
    capture.read!({ ctx, page: read(confirmation(120_000)) });
    expect(sent).toEqual([{ type: 'page-read', url, result: confirmation(120_000) }]);
    capture.read!({ ctx, page: read(confirmation(120_000)) });
    expect(sent).toHaveLength(1);
    capture.read!({ ctx, page: read(confirmation(150_000)) });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ type: 'page-read', url, result: confirmation(150_000) });
    capture.read!({ ctx, page: read(confirmation(150_000)) });
    capture.read!({ ctx, page: read({ ...confirmation(150_000), pageType: 'other', orders: [] }) });
    expect(sent).toHaveLength(2);
  });
});
