import { describe, expect, it } from 'vitest';
import { admission } from './admission';

/** One turn of the event loop: what setImmediate callbacks queued before it ran. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock the test moves: each turn of the loop "takes" `step` ms. */
function clock(step: number) {
  let t = 0;
  return { now: () => t, tick: () => (t += step) };
}

describe('requests start a few per turn of the event loop, in the order they came', () => {
  it('starts one per turn while turns run longer than allowed, first come first served', async () => {
    const time = clock(20);
    const turns = admission(5, time.now);
    const started: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) void Promise.resolve(turns.enter()).then(() => started.push(name));
    await Promise.resolve();
    expect(started).toEqual(['a']);
    expect(turns.waiting).toBe(3);
    for (const expected of [['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) {
      time.tick();
      await turn();
      expect(started).toEqual(expected);
    }
    expect(turns.perTurn).toBe(1);
  });

  it('starts more per turn when turns are short: as many as fill the allowed time', async () => {
    const time = clock(1);
    const turns = admission(5, time.now);
    const started: number[] = [];
    for (let i = 0; i < 12; i++) void Promise.resolve(turns.enter()).then(() => started.push(i));
    await Promise.resolve();
    expect(started).toEqual([0]);
    // The first turn started its one and took 1 ms of the 5 allowed: the next starts five.
    time.tick();
    await turn();
    expect(turns.perTurn).toBe(5);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    time.tick();
    await turn();
    expect(turns.perTurn).toBe(25);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('lets a request that comes while others wait queue behind them, even when the turn is new', async () => {
    const time = clock(20);
    const turns = admission(5, time.now);
    const started: string[] = [];
    const enter = (name: string) => void Promise.resolve(turns.enter()).then(() => started.push(name));
    enter('first');
    enter('second');
    enter('third');
    time.tick();
    await turn();
    enter('late');
    for (let i = 0; i < 3; i++) {
      time.tick();
      await turn();
    }
    expect(started).toEqual(['first', 'second', 'third', 'late']);
  });

  it('starts a request at once on a quiet collector, and does not count the quiet spell as a long turn', async () => {
    let t = 0;
    const turns = admission(5, () => t);
    expect(turns.enter()).toBeUndefined();
    t += 1;
    await turn();
    expect(turns.perTurn).toBe(5);
    await turn();
    t += 60_000;
    expect(turns.enter()).toBeUndefined();
    t += 1;
    await turn();
    expect(turns.perTurn).toBe(5);
  });
});
