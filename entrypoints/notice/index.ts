// The in-page UI, loaded by the content script only on the page where an order was just recorded; so the marketplace
// pages the person merely browses do not carry the UI code. (The buyer's note, badge.ts, shares its style and its
// shadow host but is carried in the content script: loading this script for it cost more than the note.)
// Plain DOM, no framework: it is the one part of the extension on the marketplace's pages, and Preact would be a
// second copy beside the popup's.
// It runs in the content script's isolated world (shared/lazy-script.ts).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Message, RecordedNotice } from '../shared/messages';
import { provide } from '../shared/lazy-script-provide';
import { noticeView, noticeCss } from './notice-view';
import { mountInShadow, type PageUiLifetime } from './shadow-host';

/**
 * Shows what was recorded, in a closed shadow root: the site's CSS cannot break it, and the site's scripts cannot
 * reach into it (`host.shadowRoot` is null for them), so they can neither read the order nor find its buttons.
 */
export type ShowNotice = (ctx: PageUiLifetime, orders: RecordedNotice[]) => Promise<void>;

/** What this script hands the content script. */
export interface InPageUi {
  showNotice: ShowNotice;
}

const showNotice: ShowNotice = async (ctx, orders) => {
  const exclude = (key: string, excluded: boolean) => browser.runtime.sendMessage({ type: 'exclude-order', key, excluded } satisfies Message);
  const remove = mountInShadow(ctx, { name: 'nongsan-so-notice', mode: 'closed', zIndex: 2147483647, css: noticeCss }, noticeView({ orders, onExclude: exclude, onClose: () => remove() }));
};

export default defineUnlistedScript(() => {
  provide('notice', { showNotice } satisfies InPageUi);
});
