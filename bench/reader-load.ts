// What Chromium spends loading the page reader on an order page: the content script imports reader.js (a module in
// its isolated world) only on pages worth reading, and waits for it between its own measures ("nongsan-so:read"
// counts detecting and reading, not the wait). The wait is mostly idle (the file comes from the extension), but the
// module's compile and its top-level run are main-thread work no measure inside the script can see. Read from a
// Chromium trace (thread time), as the content script's own start-up is (content-script-start-up.ts). The same traces
// give the thread time of the first reading's tasks as a whole (`readingTasks`).
import type { BrowserContext, Page } from '@playwright/test';
import { traceLoads, type TraceEvent } from './content-script-start-up';

/** One load's compile and evaluation of the module at `url`, and the thread events around them. */
function moduleEvents(events: TraceEvent[], url: string) {
  const sorted = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const compile = sorted.find((e) => e.name === 'v8.compileModule' && e.args?.data?.url === url);
  if (!compile) throw new Error(`no compile of ${url} in the trace (${events.length} events)`);
  const thread = sorted.filter((e) => e.pid === compile.pid && e.tid === compile.tid);
  const evaluate = thread.find((e) => e.name === 'v8.evaluateModule' && e.ts >= compile.ts + (compile.dur ?? 0));
  if (!evaluate) throw new Error(`no evaluation of ${url} after its compile in the trace`);
  return { compile, evaluate, thread };
}

const threadMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

/**
 * Thread milliseconds of one load of the module at `url`: its compile (v8.compileModule, the code cache read
 * included) and its evaluation (the v8.evaluateModule that follows on the same thread: evaluations carry no URL).
 * Throws when either is missing, so a renamed event or a reader that was never loaded cannot pass for a free load.
 */
export function moduleLoad(events: TraceEvent[], url: string): number {
  const { compile, evaluate } = moduleEvents(events, url);
  return threadMs(compile) + threadMs(evaluate);
}

/** The tasks of the renderer's main thread (the trace's toplevel category): what one turn of its loop runs. */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/**
 * Thread milliseconds of the first reading's tasks on one load, as one figure that the machine's load hardly moves
 * (the measures inside the script are wall time): the idle task that starts the reading (in the world that evaluates
 * the module, up to the module's request), the task that compiles the module, the one that evaluates it, and the
 * microtask checkpoint right after it, where the script goes on (reads, sends the reading, records its measures).
 * Needs the toplevel category. Throws when one is missing.
 */
export function readingTasks(events: TraceEvent[], url: string): number {
  const { compile, evaluate, thread } = moduleEvents(events, url);
  const world = (evaluate.args as { worldName?: string } | undefined)?.worldName;
  const within = (outer: TraceEvent, e: TraceEvent) => e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
  const taskOf = (e: TraceEvent) => {
    const task = thread.find((t) => TASKS.has(t.name) && within(t, e));
    if (!task) throw new Error(`no task around ${e.name} in the trace`);
    return task;
  };
  // The script's idle callback: the last one before the compile that calls into the module's world.
  const idle = thread.filter(
    (e) => e.name === 'FireIdleCallback' && e.ts < compile.ts && thread.some((c) => c.name === 'v8.callFunction' && (c.args as { worldName?: string } | undefined)?.worldName === world && within(e, c)),
  ).at(-1);
  if (!idle) throw new Error(`no idle callback of ${world} before the module's compile in the trace`);
  const evaluation = taskOf(evaluate);
  const after = thread.find((e) => TASKS.has(e.name) && e.ts >= evaluation.ts + (evaluation.dur ?? 0));
  if (after?.name !== 'BlinkScheduler_PerformMicrotaskCheckpoint') throw new Error('no microtask checkpoint right after the module\'s evaluation in the trace');
  return [taskOf(idle), taskOf(compile), evaluation, after].reduce((ms, task) => ms + threadMs(task), 0);
}

/**
 * The reader's load on each load of the order pages at `addresses`, and its first reading's tasks (`readingTasks`);
 * `file`: the module of another extension (the floor's, extension-floor.ts).
 */
export async function readerLoads(context: BrowserContext, page: Page, extensionId: string, addresses: string[], rounds: number, file = 'reader.js'): Promise<{ load: number; tasks: number }[]> {
  const url = `chrome-extension://${extensionId}/${file}`;
  const samples: { load: number; tasks: number }[] = [];
  await traceLoads(context, page, addresses, rounds, ['toplevel', 'devtools.timeline', 'v8'], (events) => samples.push({ load: moduleLoad(events, url), tasks: readingTasks(events, url) }));
  return samples;
}
