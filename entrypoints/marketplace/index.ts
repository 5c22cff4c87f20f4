// The content script on langson.voso.vn and langson.postmart.vn. Each behaviour is a small module listed
// here (after Refined GitHub's features). It reads the page at idle, then again whenever the page's content or
// URL changes (watch.ts) until an order is read or the watch window ends, and hands each reading to them. A page
// that is no order is watched for its address only, not for its own changes.
// Kept small and cheap: on a page that is no order and shows no shop link, a reading is a few selector queries with
// the bundled detection rules, and the extension API is never touched (extension-api.ts, read-page.ts).
// Declared in the manifest by wxt.config.ts as an unlisted script rather than with defineContentScript: WXT's
// content-script wrapper builds its ContentScriptContext on every page, which touches the extension API (lifetime.ts
// does that job without it).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageReader, recordReading } from './read-page';
import { watchPage } from './watch';
import { startLifetime, type Lifetime } from './lifetime';
import { askRuntimeFromNowOn } from './extension-api';
import { capture } from './capture';
import { reportBrokenPage } from './report-broken-page';
import { badge, badgeKeys } from './badge';
import type { Feature } from './feature';
import { CONTENT_SCRIPT_WAKE } from '../shared/messages';

const features: Feature[] = [capture, reportBrokenPage, badge];

/** The longest the first reading waits for idle time. */
const IDLE_WAIT_MS = 500;
/** How long a page that is no order is watched for late content. */
const WATCH_MS = 10_000;
/** A checkout or cart: the person may take a while to fill in the form before it becomes its confirmation. */
const WATCH_COMMERCE_MS = 15 * 60_000;

// The manifest runs it at document_idle (wxt.config.ts).
export default defineUnlistedScript(async () => {
  // An older copy left in the page by an extension update stops now. (No window.postMessage, unlike WXT's: that
  // message reaches the marketplace's own scripts and makes Chromium reparse this whole script on every page.)
  const ctx = startLifetime();
  const read = pageReader(badgeKeys);
  // The first reading waits for the browser's idle time (or IDLE_WAIT_MS at most), so that it does not
  // hold up the page's own rendering and scripts on load.
  await new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: IDLE_WAIT_MS }) : setTimeout(resolve)));
  await readAndWatch(ctx, read, performance.now());
});

/**
 * Reads the page, hands the reading to the behaviours and watches the page for more. All its main-thread time is
 * measured, from `since` (taken before it is called: compiling it is counted too) to the end of the watch's start:
 * the reading ("nongsan-so:read") and the rest ("nongsan-so:features": the behaviours, starting the watch, the
 * measures themselves). bench/extension.ts adds the two.
 */
async function readAndWatch(ctx: Lifetime, read: ReturnType<typeof pageReader>, since: number) {
  let page = await read(undefined, since);
  // Before the check below: on a page that took the extension API, asking whether it is gone is counted too.
  let start = performance.now();
  // The page needed the extension, and this copy's is gone (updated or removed): nothing to read it for.
  if (ctx.isInvalid) return;
  const latest = () => page;
  let started = false;
  /**
   * The behaviours' listeners ("Báo trang lỗi"), once the popup asks: a page never asked starts none. Not at the first
   * reading of an order page either: Chromium builds `runtime.onMessage` and registers it with the browser at the first
   * listener, for a message a person seldom sends (the popup wakes the script first, below, as on any page).
   */
  const startFeatures = () => {
    if (started || ctx.isInvalid) return;
    started = true;
    // One behaviour failing must not stop the others, nor break the marketplace page.
    for (const feature of features)
      try {
        feature.start?.({ ctx, latest });
      } catch {}
  };
  // "Báo trang lỗi": the popup calls this in the script's isolated world first (popup/ReportPage.tsx), then sends its
  // message again.
  (globalThis as Record<string, unknown>)[CONTENT_SCRIPT_WAKE] = startFeatures;
  const tell = () => {
    // A reading that needs no extension (no order, cart or checkout, no shop link) is nothing to any behaviour.
    if (!page.worthReading && !page.shopKey) return;
    for (const feature of features)
      try {
        feature.read?.({ ctx, page });
      } catch {}
  };
  tell();

  const hasOrder = () => page.result.orders.some((o) => o.orderCode);
  let reading: Promise<void> = Promise.resolve();
  const watch = watchPage(
    () => {
      // One reading at a time, in order: the reader may still be loading when the page changes again.
      reading = reading.then(async () => {
        // Counted in the reading: asking whether the extension is gone may build `runtime` now (extension-api.ts).
        const since = performance.now();
        askRuntimeFromNowOn();
        if (ctx.isInvalid) return watch.settle();
        const next = await read(page, since);
        // It needed the extension just now, and this copy's is gone.
        if (ctx.isInvalid) return watch.settle();
        // The same page, still no order: nothing new to tell.
        if (next.unchanged) return recordReading(next);
        page = next;
        start = performance.now();
        tell();
        watch.content(page.watchContent);
        if (hasOrder()) watch.settle();
        recordReading(page);
        performance.measure('nongsan-so:features-again', { start, end: performance.now() });
      });
    },
    () => (page.worthReading && !hasOrder() ? WATCH_COMMERCE_MS : WATCH_MS),
    page.watchContent,
    hasOrder(),
  );
  recordReading(page);
  performance.measure('nongsan-so:features', { start, end: performance.now() });
}
