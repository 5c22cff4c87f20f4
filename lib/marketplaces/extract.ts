import { marketplaceOf, type Marketplace } from './hosts';

export type PageType = 'product' | 'cart' | 'checkout' | 'order-confirmation' | 'order-detail' | 'order-list' | 'other';

export interface ExtractedItem {
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  shop: string | null;
  productUrl: string | null;
  weightGrams: number | null;
  isFarmProduct: boolean;
}

export interface ExtractedOrder {
  orderCode: string | null;
  placedAt: string | null;
  items: ExtractedItem[];
  shippingFee: number | null;
  discount: number | null;
  total: number | null;
}

export interface ExtractedProduct {
  name: string;
  price: number | null;
  shop: string | null;
  productUrl: string | null;
  weightGrams: number | null;
  isFarmProduct: boolean;
}

/** The extraction contract (ARCHITECTURE.md): what `npm run extract` prints. */
export interface ExtractResult {
  marketplace: Marketplace | null;
  pageType: PageType;
  orders: ExtractedOrder[];
  product: ExtractedProduct | null;
}

/**
 * Reads a marketplace page. Pure: takes the parsed document, touches no browser or Node global.
 * Never throws; a page outside the marketplaces, or one it cannot read, is "other" with no orders.
 */
export function extractPage(doc: Document, url: string): ExtractResult {
  const marketplace = marketplaceOf(url);
  const empty: ExtractResult = { marketplace, pageType: 'other', orders: [], product: null };
  if (!marketplace) return { ...empty, marketplace: null };
  try {
    const path = new URL(url).pathname;
    if (/-p\d+\.html$/.test(path) || /^\/p\//.test(path)) {
      const name = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
      if (name) {
        return {
          ...empty,
          pageType: 'product',
          product: { name, price: null, shop: null, productUrl: url, weightGrams: null, isFarmProduct: false },
        };
      }
    }
    return empty;
  } catch {
    return empty;
  }
}
