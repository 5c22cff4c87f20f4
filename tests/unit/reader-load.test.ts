import { describe, expect, it } from 'vitest';
import { moduleLoad } from '../../bench/reader-load';

const url = 'chrome-extension://pfbofcljmlcoeilockmnjgooaadoggnb/reader.js';
// As Chromium 156 traced voso's order confirmation with the extension (timestamps and durations in µs, a real trace).
const compile = { name: 'v8.compileModule', ph: 'X', ts: 42867782885, dur: 1856, tdur: 360, pid: 20124, tid: 20124, args: { data: { url } } };
const evaluate = { name: 'v8.evaluateModule', ph: 'X', ts: 42867785180, dur: 3701, tdur: 745, pid: 20124, tid: 20124 };

describe("the reader's load read from a trace", () => {
  it('adds its compile and the evaluation that follows, in thread time', () => {
    expect(moduleLoad([evaluate, compile], url)).toBeCloseTo(1.105, 6);
  });

  it('takes no evaluation from before the compile, nor from another thread', () => {
    const before = { ...evaluate, ts: 42867780000, tdur: 2000 };
    const elsewhere = { ...evaluate, ts: 42867784000, tid: 20130, tdur: 3000 };
    expect(moduleLoad([before, elsewhere, compile, evaluate], url)).toBeCloseTo(1.105, 6);
  });

  it('takes the wall time where no thread time is traced', () => {
    expect(moduleLoad([compile, { ...evaluate, tdur: undefined }], url)).toBeCloseTo(4.061, 6);
  });

  it('throws when the reader is not in the trace, or was not run, rather than calling its load free', () => {
    const other = { ...compile, args: { data: { url: 'chrome-extension://pfbofcljmlcoeilockmnjgooaadoggnb/notice.js' } } };
    expect(() => moduleLoad([other, evaluate], url)).toThrow(`no compile of ${url} in the trace (2 events)`);
    expect(() => moduleLoad([compile], url)).toThrow(`no evaluation of ${url} after its compile in the trace`);
  });
});
