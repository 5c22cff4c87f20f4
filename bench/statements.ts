// Work per request, free of the machine's load: how many SQL statements (BEGIN/COMMIT not counted) the collector
// runs for one person's order, for a batch of 50 new orders, for a batch of 50 orders from someone over the period's
// limits (every new order held for review), and for a tablet's batch of 50 households. Counted through the real app
// on SQLite, and on PostgreSQL (where a request's locks are statements of their own, and each one a round trip; a
// batch's orders and items go in one statement there).
// An order batch is set-based (server/staff/orders.ts): the same statements for 1 order as for 50.
// On PostgreSQL also how many times a request takes a connection from the pool (10 per collector): each time it may
// queue behind other requests, the kiosks' batches among them, so it is what a request waits for on deadline day.
import type { KyselyPlugin } from 'kysely';
import { storeClientOf, type DbKind } from '../server/db';
import { throwawayDatabase } from '../server/testing/throwaway-database';
import { createApp } from '../server/app';
import { enrolStaff, sampleOrder } from '../server/testing/seed';
import { enrolKiosk, household } from '../tests/unit/robustness/people';
import type { Figures } from './figures';

export async function run(): Promise<Figures> {
  const sqlite = await countOn('sqlite');
  const tools = (await import('../scripts/ensure-tools.mjs' as string)) as { ensurePostgres(): { url: string; stop(): void } };
  const server = tools.ensurePostgres();
  try {
    const postgres = await countOn('postgres', server.url);
    return {
      ...sqlite,
      // the token's check, the locks, the read's two settings, what the batch meets, the orders with their items
      'statements.postgres.order': { ...postgres['statements.order'], target: 5 },
      'statements.postgres.kiosk-50-households': { ...postgres['statements.kiosk-50-households'], target: 6 },
      // the token's check and the batch's transaction on one connection (server/auth/one-connection.ts)
      'connections.postgres.order': { ...postgres['connections.order'], target: 1 },
      'connections.postgres.25-orders': { ...postgres['connections.25-orders'], target: 1 },
      'connections.postgres.kiosk-50-households': { ...postgres['connections.kiosk-50-households'], target: 1 },
    };
  } finally {
    server.stop();
  }
}

async function countOn(kind: DbKind, pgUrl?: string): Promise<Figures> {
  const database = await throwawayDatabase(kind, pgUrl);
  const { db: plain } = await database.open();
  let statements = 0;
  let checkouts = 0;
  const store = storeClientOf(plain);
  // SQLite: counted as their results come back (transformQuery also sees each part of a UNION as it is built); its
  // transactions begin and end in the driver, unseen here. PostgreSQL: counted as the connection is asked to send them,
  // where an order's transaction sends its BEGIN and COMMIT as statements (server/staff/submission-transaction.ts) and
  // a statement not waited for still answers through Kysely (server/db/prepared.ts).
  const counter: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => (kind === 'sqlite' && statements++, a.result) };
  if (store.kind === 'postgres') {
    const counting = new WeakSet<object>();
    store.pool.on('acquire', (client) => {
      checkouts++;
      if (counting.has(client)) return;
      counting.add(client);
      const send = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((...args: unknown[]) => {
        if (typeof args[0] === 'string' && !/^\s*(begin|commit|rollback)\b/i.test(args[0])) statements++;
        return send(...args);
      }) as typeof client.query;
    });
  }
  const db = plain.withPlugin(counter);
  const app = createApp({ db, dbKind: kind, startedAt: new Date() });
  // Enrolment's rate limiters speak to the driver of the database openDb opened: people are enrolled through that.
  const setup = { db: plain, app: createApp({ db: plain, dbKind: kind, startedAt: new Date() }) };
  let lastCheckouts = 0;
  const counted = async (work: () => Response | Promise<Response>) => {
    statements = 0;
    checkouts = 0;
    const res = await work();
    if (res.status !== 200) throw new Error(`answered ${res.status}: ${await res.text()}`);
    lastCheckouts = checkouts;
    return statements;
  };
  const post = (path: string, token: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  try {
    const one = await enrolStaff(setup, 'SNV');
    await counted(() => post('/api/staff/orders', one.token, { orders: [sampleOrder()] })); // token renewed, caches warm
    const perOrder = await counted(() => post('/api/staff/orders', one.token, { orders: [sampleOrder()] }));
    const orderCheckouts = lastCheckouts;
    const fresh = await enrolStaff(setup, 'SNV');
    await counted(() => post('/api/staff/orders', fresh.token, { orders: [sampleOrder()] }));
    const perBatch = await counted(() => post('/api/staff/orders', fresh.token, { orders: Array.from({ length: 25 }, () => sampleOrder()) }));
    const batchCheckouts = lastCheckouts;
    const busy = await enrolStaff(setup, 'SNV');
    // Two batches put the person over both limits (50 orders, then 24.000.000 ₫): the third arrives held.
    for (let i = 0; i < 2; i++) await counted(() => post('/api/staff/orders', busy.token, { orders: Array.from({ length: 50 }, () => sampleOrder()) }));
    const perHeldBatch = await counted(() => post('/api/staff/orders', busy.token, { orders: Array.from({ length: 50 }, () => sampleOrder()) }));
    const tablet = await enrolKiosk(setup, ['06181']);
    await counted(() => post('/api/kiosk/households', tablet.token, { households: [household({ communeCode: '06181' })] }));
    const perKioskBatch = await counted(() => post('/api/kiosk/households', tablet.token, { households: Array.from({ length: 50 }, () => household({ communeCode: '06181' })) }));
    const kioskCheckouts = lastCheckouts;
    return {
      // token, agency and periods, what the batch meets (orders sent before, the person's totals, other claims), orders, items
      'statements.order': { value: perOrder, unit: 'SQL', target: 5, better: 'lower' },
      'statements.25-orders': { value: perBatch, unit: 'SQL', target: 5, better: 'lower' },
      'statements.50-held-orders': { value: perHeldBatch, unit: 'SQL', target: 5, better: 'lower' },
      // token, device's communes; the figures' households with those sent before and the holders of the batch's phones
      // and ID numbers (households, operators' rows), codes (2: the collector's range; the tablet's prefix and the codes
      // held only when it sent codes), households, figures (2). PostgreSQL: the households' locks; both tables in one
      // read; one range statement; the claims and the figures in the households' statement.
      'statements.kiosk-50-households': { value: perKioskBatch, unit: 'SQL', target: 9, better: 'lower' },
      // pool checkouts (PostgreSQL only; SQLite has no pool)
      ...(kind === 'postgres'
        ? {
            'connections.order': { value: orderCheckouts, unit: 'checkouts', better: 'lower' as const },
            'connections.25-orders': { value: batchCheckouts, unit: 'checkouts', better: 'lower' as const },
            'connections.kiosk-50-households': { value: kioskCheckouts, unit: 'checkouts', better: 'lower' as const },
          }
        : {}),
    };
  } finally {
    await plain.destroy();
    await database.drop();
  }
}
