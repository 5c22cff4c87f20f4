// How the background answers its messages: through sendResponse, with the channel kept open by returning true. A
// listener's returned promise is answered with only by Chromium 144 and later; on a browser built on an older Chromium
// (Cốc Cốc lags behind) the page would get no answer, so no notice of the order it has just recorded.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ExtractResult } from '../../lib/marketplaces/types';
import type { Message } from '../../entrypoints/shared/messages';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
// The fake browser has no `scripting`: the script that marks newer rules is not what this file is about.
vi.mock('../../entrypoints/shared/newer-rules', () => ({ syncNewerRulesScript: async () => {} }));
// A service worker's global, and the build's collector address: a port nothing listens on (the start's rules and
// registry refreshes fail there, as with no network).
vi.stubGlobal('self', new EventTarget());
vi.stubGlobal('__COLLECTOR_URL__', 'http://127.0.0.1:9');

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => unknown;

async function startBackground(): Promise<Listener> {
  const added = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const { default: background } = await import('../../entrypoints/background');
  background.main();
  return added.mock.calls[0][0] as unknown as Listener;
}

/** Sends one message as a content script of this extension would, and what the listener did with it. */
function send(listener: Listener, message: unknown): Promise<{ returned: unknown; answer: unknown }> {
  return new Promise((resolve) => {
    let returned: unknown;
    returned = listener(message, { id: fakeBrowser.runtime.id }, (answer) => resolve({ returned, answer }));
    // Anything but true closes the channel at once in Chromium: whatever comes later is answered to nobody.
    if (returned !== true) resolve({ returned, answer: undefined });
  });
}

const confirmation: ExtractResult = {
  marketplace: 'voso',
  pageType: 'order-confirmation',
  product: null,
  orders: [
    {
      orderCode: 'VS300',
      placedAt: '2021-09-10T03:00:00.000Z',
      items: [
        { name: 'Na Chi Lăng loại 1 hộp 2kg', quantity: 2, unitPrice: 120000, lineTotal: 240000, shop: 'HTX Chi Lăng', productUrl: null, weightGrams: 2000, isFarmProduct: true },
        { name: 'Áo mưa', quantity: 1, unitPrice: 50000, lineTotal: 50000, shop: 'Shop X', productUrl: null, weightGrams: null, isFarmProduct: false },
      ],
      shippingFee: 30000,
      discount: null,
      total: 320000,
    },
  ],
};

describe('the background answering a page', () => {
  it('answers a reading with the orders it recorded, through sendResponse, and nothing new the second time', async () => {
    const listener = await startBackground();
    const message: Message = { type: 'page-read', url: 'https://langson.voso.vn/dat-hang-thanh-cong', result: confirmation };

    const first = await send(listener, message);
    expect(first.returned).toBe(true);
    // One farm item: 2 boxes of 2 kg at 120.000 đ; the raincoat is no farm product.
    expect(first.answer).toEqual({
      recorded: [{ key: 'voso:VS300', orderCode: 'VS300', farmItems: 1, quantity: 2, amountVnd: 240000, grams: 4000, incomplete: false }],
    });

    const again = await send(listener, message);
    expect(again.returned).toBe(true);
    expect(again.answer).toEqual({ recorded: [] });
  });

  it('leaves a message from elsewhere unanswered', async () => {
    const listener = await startBackground();
    const answer = vi.fn();
    expect(listener({ type: 'flush-outbox' }, { id: 'another-extension' }, answer)).toBe(undefined);
    expect(answer).toHaveBeenCalledTimes(0);
  });
});
