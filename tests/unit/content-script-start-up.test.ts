import { describe, expect, it } from 'vitest';
import { scriptEvaluation } from '../../bench/content-script-start-up';

const url = 'chrome-extension://bnbliddglfjcahdmhboiaedhbaeehadn/marketplace.js';
const page = 'https://langson.voso.vn/app.js';
// As Chromium 156 traced a load of voso's home page (timestamps and durations in µs, from a real trace).
const evaluate = { name: 'EvaluateScript', ph: 'X', ts: 35710536136, dur: 952, tdur: 942, pid: 30065, tid: 30065, args: { data: { url } } };
const compile = { name: 'v8.compile', ph: 'X', ts: 35710536146, dur: 73, tdur: 70, pid: 30065, tid: 30065, args: { data: { url } } };
const run = { name: 'v8.run', ph: 'X', ts: 35710536232, dur: 850, tdur: 845, pid: 30065, tid: 30065, args: { fileName: url } };

describe('the content script evaluation read from a trace', () => {
  it('counts the EvaluateScript once, not its compile and run again', () => {
    expect(scriptEvaluation([evaluate, compile, run], url)).toEqual({ ms: 0.942, pid: 30065 });
  });

  it('counts compile and run where no EvaluateScript is traced', () => {
    expect(scriptEvaluation([compile, run], url)).toEqual({ ms: 0.915, pid: 30065 });
  });

  it("leaves out the page's own scripts", () => {
    const own = { ...evaluate, ts: 35710530000, dur: 4000, tdur: 3900, args: { data: { url: page } } };
    expect(scriptEvaluation([own, evaluate, compile, run], url).ms).toBe(0.942);
  });

  it('adds two evaluations (two frames), and takes the wall time where no thread time is traced', () => {
    const inFrame = { ...evaluate, ts: 35710540000, dur: 500, tdur: undefined };
    expect(scriptEvaluation([evaluate, compile, run, inFrame], url).ms).toBe(1.442);
  });

  it('throws when the script is not in the trace, rather than calling its start-up free', () => {
    expect(() => scriptEvaluation([{ ...evaluate, args: { data: { url: page } } }], url)).toThrow(`no evaluation of ${url} in the trace (1 events)`);
  });
});
