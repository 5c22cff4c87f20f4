import type { Lifetime } from './lifetime';
import type { ExtractResult } from '../../lib/marketplaces/types';

export interface PageRead {
  url: string;
  result: ExtractResult;
  /** Main-thread time spent reading the page, ms (bench/extension.ts reads it from a performance mark). */
  ms: number;
  /** A page that is no order, changed in place, read again: nothing new (the previous reading with this `ms`). */
  unchanged?: true;
  /** The detector found signs of an order or a product (a rule, a commerce path, structured data). */
  worthReading: boolean;
  /** The page may still turn into an order as its content changes: worth reading, or a rule is written for its address. */
  watchContent: boolean;
  /** On a product page, the seller's shop as the registry is keyed ("voso:41235"); null elsewhere. */
  shopKey: string | null;
  /**
   * The storage answer of the reading that asked for the collector's rules (the first that needed the extension): on a
   * product page it holds that shop's keys too, those the buyer's note asks for (read-page.ts `shopKeys`), unless the
   * collector's rules read another shop there. Keys storage does not hold are absent.
   */
  shopStored?: Record<string, unknown>;
}

/** One behaviour of the content script. */
export interface Feature {
  name: string;
  /**
   * Once per page load, when the popup asks (see index.ts): listeners that answer with the latest reading. A page never
   * asked starts nothing.
   */
  start?(args: { ctx: Lifetime; latest: () => PageRead }): void;
  /**
   * After every reading of the page that needs the extension (the first, then each time its content or URL changed):
   * one worth reading, or a product page with a shop link.
   */
  read?(args: { ctx: Lifetime; page: PageRead }): void;
}
