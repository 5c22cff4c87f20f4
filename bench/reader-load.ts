// What Chromium spends loading the page reader on an order page: the content script imports reader.js (a module in
// its isolated world) only on pages worth reading, and waits for it between its own measures ("nongsan-so:read"
// counts detecting and reading, not the wait). The wait is mostly idle (the file comes from the extension), but the
// module's compile and its top-level run are main-thread work no measure inside the script can see. Read from a
// Chromium trace (thread time), as the content script's own start-up is (content-script-start-up.ts).
import type { BrowserContext, Page } from '@playwright/test';
import { traceLoads, type TraceEvent } from './content-script-start-up';

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

/**
 * The reader's load on each load of the order pages at `addresses`; `file`: the module of another extension (the floor's,
 * extension-floor.ts).
 */
export async function readerLoads(context: BrowserContext, page: Page, extensionId: string, addresses: string[], rounds: number, file = 'reader.js'): Promise<number[]> {
  const url = `chrome-extension://${extensionId}/${file}`;
  const samples: number[] = [];
  await traceLoads(context, page, addresses, rounds, ['devtools.timeline', 'v8'], (events) => samples.push(moduleLoad(events, url)));
  return samples;
}
