import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tabletsFirst, waitsFor } from './tablets-first';

/** A batch the test finishes by hand. */
function pendingBatch() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const work = new Promise<string>((resolve, reject) => {
    finish = () => resolve('stored');
    fail = reject;
  });
  return { work: () => work, finish, fail };
}

describe('a tablet batch goes ahead of order submissions that come while it is stored', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts an order at once when no batch is being stored', () => {
    const rule = tabletsFirst(2000);
    expect(rule.order()).toBeUndefined();
    expect(rule.held).toBe(0);
  });

  it('holds orders while a batch is stored and lets them go, in the order they came, when it ends', async () => {
    const rule = tabletsFirst(2000);
    const started: string[] = [];
    const batch = pendingBatch();
    const stored = rule.batch(batch.work);
    for (const name of ['a', 'b', 'c']) void Promise.resolve(rule.order()).then(() => started.push(name));
    await vi.advanceTimersByTimeAsync(1999);
    expect(started).toEqual([]);
    expect(rule.held).toBe(3);
    batch.finish();
    expect(await stored).toBe('stored');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(rule.held).toBe(0);
    // Nothing stored any more: the next order goes at once.
    expect(rule.order()).toBeUndefined();
  });

  it('holds orders until the last of overlapping batches ends', async () => {
    const rule = tabletsFirst(2000);
    const started: string[] = [];
    const first = pendingBatch();
    const second = pendingBatch();
    const both = [rule.batch(first.work), rule.batch(second.work)];
    void Promise.resolve(rule.order()).then(() => started.push('order'));
    first.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([]);
    second.finish();
    await Promise.all(both);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['order']);
  });

  it('holds an order no longer than the longest wait, and lets everyone held behind it go with it', async () => {
    const rule = tabletsFirst(2000);
    const started: string[] = [];
    const batch = pendingBatch();
    void rule.batch(batch.work);
    void Promise.resolve(rule.order()).then(() => started.push('first'));
    await vi.advanceTimersByTimeAsync(1500);
    void Promise.resolve(rule.order()).then(() => started.push('second'));
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['first', 'second']);
    // The batch is still being stored: a new order waits again.
    void Promise.resolve(rule.order()).then(() => started.push('third'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(started).toEqual(['first', 'second']);
    batch.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['first', 'second', 'third']);
  });

  it('lets held orders go when a batch fails, and passes the failure on', async () => {
    const rule = tabletsFirst(2000);
    const started: string[] = [];
    const batch = pendingBatch();
    const stored = rule.batch(batch.work);
    void Promise.resolve(rule.order()).then(() => started.push('order'));
    batch.fail(new Error('database gone'));
    await expect(stored).rejects.toThrow('database gone');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['order']);
    expect(rule.order()).toBeUndefined();
  });
});

describe('which requests the rule concerns', () => {
  it('knows a tablet batch and an order submission by method and path, whatever the host or query', () => {
    expect(waitsFor('POST', 'http://127.0.0.1:8080/api/kiosk/households')).toBe('tablet batch');
    expect(waitsFor('POST', 'https://nongsan.example.gov.vn/api/staff/orders?x=1')).toBe('order');
    expect(waitsFor('POST', 'http://[::1]:8080/api/staff/orders')).toBe('order');
  });

  it('leaves every other request alone', () => {
    expect(waitsFor('GET', 'http://127.0.0.1:8080/api/kiosk/households')).toBeNull();
    expect(waitsFor('GET', 'http://127.0.0.1:8080/api/staff/orders')).toBeNull();
    expect(waitsFor('DELETE', 'http://127.0.0.1:8080/api/staff/orders/abc')).toBeNull();
    expect(waitsFor('POST', 'http://127.0.0.1:8080/api/staff/orders/abc/photos')).toBeNull();
    expect(waitsFor('POST', 'http://127.0.0.1:8080/api/kiosk/photos')).toBeNull();
    expect(waitsFor('POST', 'http://127.0.0.1:8080/')).toBeNull();
    expect(waitsFor('POST', 'http://127.0.0.1:8080')).toBeNull();
  });
});
