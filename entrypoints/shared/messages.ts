// Messages between the content script, the popup and the background. One place, so both ends agree.
import type { ExtractResult } from '../../lib/marketplaces/types';
import type { PageStructure } from '../../lib/page-structure';

/** What the in-page notice says about an order just recorded. */
export interface RecordedNotice {
  key: string;
  orderCode: string | null;
  farmItems: number;
  quantity: number;
  amountVnd: number;
  grams: number;
  /** Something the page did not give: the person should look in the popup. */
  incomplete: boolean;
}

export type Message =
  | { type: 'page-read'; url: string; result: ExtractResult }
  | { type: 'exclude-order'; key: string; excluded: boolean }
  | { type: 'report-page'; url: string; pageType: string; structure: PageStructure; rulesVersion: string | null; note: string | null }
  | { type: 'flush-outbox' }
  | { type: 'sync-answers' }
  | { type: 'refresh-rules' }
  | { type: 'refresh-registry'; force?: boolean };

/** Background → content script. */
export type TabMessage = { type: 'orders-recorded'; orders: RecordedNotice[] } | { type: 'report-broken-page'; note: string | null };

/**
 * Where the content script leaves, in its isolated world, the function that makes it listen for the messages above on a
 * page that has not needed the extension so far (it touches the extension API only on pages that do).
 */
export const CONTENT_SCRIPT_WAKE = '__nongsanSoListen';
