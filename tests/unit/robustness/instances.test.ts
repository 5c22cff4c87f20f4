/**
 * Issue 14: a province adds collector instances on one PostgreSQL. Three instances started at the same moment on a
 * fresh database all come up healthy; the migrations run once and the region pack is seeded once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { migrations } from '../../../server/db/migrations';
import { kill, startCollector } from './collector-process';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';

describe('postgres: instances started together', () => {
  const procs: ChildProcess[] = [];
  let cleanup = async () => {};
  afterAll(async () => {
    for (const p of procs) await kill(p, 'SIGKILL');
    await cleanup();
  });

  it('three instances on a fresh database: all healthy, each migration applied once, Lạng Sơn seeded once', { timeout: 120_000 }, async () => {
    const database = await throwawayDatabase('postgres');
    cleanup = database.drop;
    const started = await Promise.allSettled([0, 1, 2].map(() => startCollector(database.env)));
    for (const s of started) if (s.status === 'fulfilled') procs.push(s.value.proc);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up', 'up']);
    for (const s of started) {
      const { base } = (s as PromiseFulfilledResult<Awaited<ReturnType<typeof startCollector>>>).value;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: string }).database).toBe('postgres');
    }

    const { db } = await database.open();
    try {
      const applied = await db.selectFrom('kysely_migration' as any).select('name').orderBy('name').execute();
      expect(applied.map((r: any) => r.name)).toEqual(Object.keys(migrations).sort());
      const count = async (table: 'districts' | 'communes' | 'agencies' | 'periods') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      // The Lạng Sơn pack: 11 districts, 200 communes, 42 agencies, one campaign period.
      expect({ districts: await count('districts'), communes: await count('communes'), agencies: await count('agencies'), periods: await count('periods') }).toEqual({
        districts: 11,
        communes: 200,
        agencies: 42,
        periods: 1,
      });
    } finally {
      await db.destroy();
    }
  });
});
