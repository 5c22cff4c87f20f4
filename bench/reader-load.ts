// What Chromium spends loading the page reader on an order page: the content script imports reader.js (a module in
// its isolated world) only on pages worth reading, and waits for it between its own measures ("nongsan-so:read"
// counts detecting and reading, not the wait). The wait is mostly idle (the file comes from the extension), but the
// module's compile and its top-level run are main-thread work no measure inside the script can see. Read from a
// Chromium trace (thread time), as the content script's own start-up is (content-script-start-up.ts).
import type { BrowserContext, Page } from '@playwright/test';
import type { TraceEvent } from './content-script-start-up';

/**
 * Thread milliseconds of one load of the module at `url`: its compile (v8.compileModule, the code cache read
 * included) and its evaluation (the v8.evaluateModule that follows on the same thread: evaluations carry no URL).
 * Throws when either is missing, so a renamed event or a reader that was never loaded cannot pass for a free load.
 */
export function moduleLoad(events: TraceEvent[], url: string): number {
  const sorted = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const compile = sorted.find((e) => e.name === 'v8.compileModule' && e.args?.data?.url === url);
  if (!compile) throw new Error(`no compile of ${url} in the trace (${events.length} events)`);
  const evaluate = sorted.find((e) => e.name === 'v8.evaluateModule' && e.pid === compile.pid && e.tid === compile.tid && e.ts >= compile.ts + (compile.dur ?? 0));
  if (!evaluate) throw new Error(`no evaluation of ${url} after its compile in the trace`);
  return ((compile.tdur ?? compile.dur ?? 0) + (evaluate.tdur ?? evaluate.dur ?? 0)) / 1000;
}

/** Loads each address `rounds` times in `page`, tracing each load until its first reading is measured. */
export async function readerLoads(context: BrowserContext, page: Page, extensionId: string, addresses: string[], rounds: number): Promise<number[]> {
  const url = `chrome-extension://${extensionId}/reader.js`;
  const cdp = await context.newCDPSession(page);
  let events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const samples: number[] = [];
  try {
    for (let i = 0; i < rounds; i++)
      for (const address of addresses) {
        events = [];
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8'] }, transferMode: 'ReportEvents' });
        await page.goto(address, { waitUntil: 'domcontentloaded' });
        // The reading is measured once the reader has run: by then its compile and evaluation are in the trace.
        await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:features').length > 0);
        const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        await complete;
        samples.push(moduleLoad(events, url));
      }
  } finally {
    await cdp.detach();
  }
  return samples;
}
