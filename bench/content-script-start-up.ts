// What Chromium spends evaluating the content script itself on each page load: compiling and running the top level of
// marketplace.js in its isolated world, before any performance measure of the script can start. Read
// from a Chromium trace (thread time), since the script cannot time its own evaluation.
import type { BrowserContext, Page } from '@playwright/test';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** The trace events that evaluate a script: the whole (EvaluateScript), or its compile and run where no whole is traced. */
const EVALUATION = new Set(['EvaluateScript', 'v8.compile', 'v8.run']);

/**
 * Thread milliseconds spent evaluating the script at `url` in one trace: the outermost evaluation events for that URL
 * (EvaluateScript holds its v8.compile and v8.run: they are not counted again). Throws when there is none, so a wrong
 * address or a renamed event cannot pass for a free start-up. `pid`: the renderer process that evaluated it.
 */
export function scriptEvaluation(events: TraceEvent[], url: string): { ms: number; pid: number } {
  const ofScript = events.filter((e) => e.ph === 'X' && EVALUATION.has(e.name) && (e.args?.data?.url ?? e.args?.fileName) === url);
  if (!ofScript.length) throw new Error(`no evaluation of ${url} in the trace (${events.length} events)`);
  // Outer before inner: earlier first, then longer, then EvaluateScript (which holds the others) on a tie.
  const sorted = [...ofScript].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0) || Number(b.name === 'EvaluateScript') - Number(a.name === 'EvaluateScript'));
  const outermost: TraceEvent[] = [];
  for (const e of sorted)
    if (!outermost.some((o) => o.pid === e.pid && o.tid === e.tid && e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0))) outermost.push(e);
  return { ms: outermost.reduce((ms, e) => ms + (e.tdur ?? e.dur ?? 0), 0) / 1000, pid: outermost[0].pid };
}

/** One load's evaluation, and whether it was the first in its renderer process (unknown for the first load traced). */
export interface StartUpSample {
  ms: number;
  newProcess?: boolean;
}

/**
 * Loads each address `rounds` times in `page`, tracing each load (with `categories`) until the content script's first
 * reading is measured, and hands each load's trace events to `take`. Every event of the script's start-up and of the
 * reader's load comes before that reading, so they are in the trace by then.
 */
export async function traceLoads(context: BrowserContext, page: Page, addresses: string[], rounds: number, categories: string[], take: (events: TraceEvent[]) => void): Promise<void> {
  const cdp = await context.newCDPSession(page);
  let events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  try {
    for (let i = 0; i < rounds; i++)
      for (const address of addresses) {
        events = [];
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
        await page.goto(address, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:features').length > 0);
        const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        await complete;
        take(events);
      }
  } finally {
    await cdp.detach();
  }
}

/**
 * The content script's start-up on each load. A navigation to another site gets a new renderer process, where the
 * script is compiled afresh and its first run sets up the extension API: about three times the cost of a later page
 * of the same site.
 */
export async function contentScriptStartUp(context: BrowserContext, page: Page, extensionId: string, addresses: string[], rounds: number): Promise<StartUpSample[]> {
  const url = `chrome-extension://${extensionId}/marketplace.js`;
  const samples: StartUpSample[] = [];
  let lastPid: number | undefined;
  await traceLoads(context, page, addresses, rounds, ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'], (events) => {
    const { ms, pid } = scriptEvaluation(events, url);
    samples.push({ ms, newProcess: lastPid === undefined ? undefined : pid !== lastPid });
    lastPid = pid;
  });
  return samples;
}
