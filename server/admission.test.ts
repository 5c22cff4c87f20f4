import { describe, expect, it } from 'vitest';
import { admission } from './admission';

/** One turn of the event loop: what setImmediate callbacks queued before it ran. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('requests start a few per turn of the event loop, in the order they came', () => {
  it('starts the first ones at once and the others in later turns, first come first served', async () => {
    const turns = admission(2);
    const started: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) void Promise.resolve(turns.enter()).then(() => started.push(name));
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    expect(turns.waiting).toBe(3);
    await turn();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    await turn();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(turns.waiting).toBe(0);
  });

  it('lets a request that comes while others wait queue behind them, even when the turn is new', async () => {
    const turns = admission(1);
    const started: string[] = [];
    const enter = (name: string) => void Promise.resolve(turns.enter()).then(() => started.push(name));
    enter('first');
    enter('second');
    enter('third');
    await turn();
    enter('late');
    await turn();
    await turn();
    await turn();
    expect(started).toEqual(['first', 'second', 'third', 'late']);
  });

  it('starts a request at once on a quiet collector', async () => {
    const turns = admission(1);
    expect(turns.enter()).toBeUndefined();
    await turn();
    await turn();
    expect(turns.enter()).toBeUndefined();
  });
});
