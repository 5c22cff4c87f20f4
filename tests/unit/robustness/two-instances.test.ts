/**
 * Issue 14: two collector processes on one PostgreSQL behind a small round-robin proxy, as a province that added a
 * machine runs them. The same submission sent 50 times at once is stored once, and the 409.1 race gives one stored
 * version, as with one instance. Guess limits live in the database (issue 11): 300 guesses spread over both
 * instances get exactly the limit of one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../../server/db';
import { createApp } from '../../../server/app';
import { enrolStaff, sampleOrder, type SeededStaff } from '../../../server/testing/seed';
import { call } from './listen';
import { enrolKiosk, household } from './people';
import { expectEachStoredOnce, expectOneContentKept } from './sent-at-once';
import { kill, startCollector } from './collector-process';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';

/** Sends each request to the next instance in turn; counts what each one got. */
async function roundRobin(backends: string[]) {
  const served = backends.map(() => 0);
  let next = 0;
  const server: Server = createServer((req, res) => {
    const i = next++ % backends.length;
    served[i]++;
    const to = new URL(backends[i]);
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('postgres: two instances behind a proxy', () => {
  const procs: ChildProcess[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  let db: Db;
  let staff: SeededStaff;
  let kiosk: Awaited<ReturnType<typeof enrolKiosk>>;
  let cleanup = async () => {};

  beforeAll(async () => {
    const database = await throwawayDatabase('postgres');
    ({ db } = await database.open());
    cleanup = async () => {
      await db.destroy();
      await database.drop();
    };
    const app = createApp({ db, dbKind: 'postgres', startedAt: new Date() });
    staff = await enrolStaff({ db, app }, 'SNV');
    kiosk = await enrolKiosk({ db, app });
    const instances = await Promise.all([startCollector(database.env), startCollector(database.env)]);
    procs.push(...instances.map((i) => i.proc));
    proxy = await roundRobin(instances.map((i) => i.base));
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    for (const p of procs) await kill(p, 'SIGKILL');
    await cleanup();
  });

  const count = async (table: 'staff_orders' | 'households') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('the same orders sent 50 times at once through both instances: stored once, one answer', async () => {
    const orders = [sampleOrder(), sampleOrder({ orderCode: null })];
    const before = await count('staff_orders');
    const served = [...proxy.served];
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(proxy.base, 'POST', '/api/staff/orders', staff.token, { orders })));
    expectEachStoredOnce(answers, orders);
    // Both instances took part.
    expect(proxy.served.map((n, i) => n - served[i])).toEqual([25, 25]);
    expect(await count('staff_orders')).toBe(before + 2);
  });

  it('the same clientId with two contents at once on both instances: one stored, the other refused 409.1', async () => {
    const a = sampleOrder();
    // Another content that still adds up (a total that does not would be held for review: 422.10).
    const b = { ...a, shippingFee: a.shippingFee! + 1000, total: a.total + 1000 };
    const before = await count('staff_orders');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(proxy.base, 'POST', '/api/staff/orders', staff.token, { orders: [i % 2 ? a : b] })));
    expect(await count('staff_orders')).toBe(before + 1);
    const stored = await db.selectFrom('staff_orders').select(['id', 'total']).where('client_id', '=', a.clientId).executeTakeFirstOrThrow();
    expectOneContentKept(answers, a, b, stored);
  });

  it('a kiosk batch sent 50 times at once through both instances: each household stored once, one answer', async () => {
    const batch = Array.from({ length: 5 }, () => household());
    const before = await count('households');
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(proxy.base, 'POST', '/api/kiosk/households', kiosk.token, { households: batch })));
    expectEachStoredOnce(answers, batch);
    expect(await count('households')).toBe(before + 5);
  });

  it('300 parallel device-code guesses through both instances: exactly 20 answered, the rest 429.1', async () => {
    const served = [...proxy.served];
    // Every guess reaches the collectors from the proxy's address: one key, shared by both instances.
    const answers = await Promise.all(Array.from({ length: 300 }, () => call(proxy.base, 'POST', '/api/kiosk/enrol', null, { code: 'QQQQ-3333', deviceName: 'Máy đoán' })));
    expect(proxy.served.map((n, i) => n - served[i])).toEqual([150, 150]);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(280);
    expect(answers.find((a) => a.status === 429)!.body.error.code).toBe('429.1');
  });

  it('300 parallel enrolment-code guesses through both instances: exactly 30 answered (per address)', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => call(proxy.base, 'GET', `/api/enrolment-codes/${['ABCD', 'EFGH', 'JKMN', 'PQRS', 'TUVW', 'XYZ2'][i % 6]}-${'ABCDEFGH'.slice(i % 5, (i % 5) + 4)}`, null)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(270);
  });
});
