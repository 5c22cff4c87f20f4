import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { ExtractResult } from '../lib/marketplaces/extract';

export interface SeenPage {
  url: string;
  at: string;
  result: ExtractResult;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: { type?: string; url?: string; result?: ExtractResult }, sender) => {
    // Only our own content scripts on the marketplace tabs may record pages.
    if (message?.type !== 'page-read' || sender.id !== browser.runtime.id || !message.result) return;
    void recordSeenPage({ url: message.url ?? '', at: new Date().toISOString(), result: message.result });
  });
});

async function recordSeenPage(page: SeenPage) {
  const { seenPages = [] } = (await browser.storage.local.get('seenPages')) as { seenPages?: SeenPage[] };
  await browser.storage.local.set({ seenPages: [page, ...seenPages].slice(0, 50) });
}
