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

/**
 * The background's answer to 'page-read': the orders it has just recorded, for the in-page notice. In the answer, not a
 * message of its own to the tab: the page then needs no listener for it (Chromium builds `runtime.onMessage` and
 * registers it with the browser at the first listener, on every order page).
 */
export interface PageReadAnswer {
  recorded: RecordedNotice[];
}

/** Popup → content script. */
export type TabMessage = { type: 'report-broken-page'; note: string | null };

/**
 * Where the content script leaves, in its isolated world, the function that makes it listen for the messages above: it
 * listens only once the popup asks (an order page, too, registers no listener for a message that may never come).
 */
export const CONTENT_SCRIPT_WAKE = '__nongsanSoListen';
