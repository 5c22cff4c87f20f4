// The hot queries' plans on PostgreSQL (a throwaway cluster, or TEST_DATABASE_URL): a province's worth of rows
// (28,385 staff, 85,155 orders, 170,310 items, 20,000 households), then every query that submitting an order, syncing a
// kiosk batch, checking a token, an agency's tally, participants and figures by sub-unit and the province roll-up run, captured as they
// run and put through EXPLAIN. Figure: sequential scans of the big tables in those plans (0: every hot query is
// answered by an index). The offending plans are printed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { Db } from '../server/db';
import { throwawayDatabase } from '../server/testing/throwaway-database';
import type { Database } from '../server/db/schema';
import { hashToken, issueToken, principalOf } from '../server/auth/tokens';
import { ingestOrders } from '../server/staff/orders';
import { receiveHouseholds } from '../server/kiosk/households';
import { agencyTally, participantRows, tallyByUnit } from '../server/reports/tally';
import { provinceRollup } from '../server/reports/rollup';
import { sampleOrder } from '../server/testing/seed';
import { household } from '../tests/unit/robustness/people';
import type { Figures } from './figures';

const bigTables = new Set(['staff', 'staff_orders', 'staff_order_items', 'households', 'tokens', 'household_photos']);

/** Fills the tables with set-based SQL: fast, and the planner sees a province's row counts. */
async function seed(db: Db) {
  await sql`insert into staff (id, agency_code, full_name, installation_id, enrolment_code, enrolled_at)
    select 's' || i, (select code from agencies order by code offset (i % 42) limit 1), 'Cán bộ ' || i, 'inst' || i, 'BENCH', '2021-08-01T00:00:00Z'
    from generate_series(1, 28385) i`.execute(db);
  await sql`insert into tokens (token_hash, role, subject_id, agency_code, created_at, expires_at, revoked_at)
    select 'th' || i, 'staff', 's' || i, 'SNV', '2021-08-01T00:00:00Z', null, null from generate_series(1, 28385) i`.execute(db);
  await sql`insert into staff_orders (id, client_id, staff_id, agency_code, period_id, marketplace, order_code, placed_at, placed_on, source, order_status,
      shipping_fee, discount, total, content_hash, body, state, counted, farm_items, farm_quantity, farm_amount, farm_grams, farm_items_without_weight, received_at, updated_at)
    select 'o' || i, 'c' || i, s.id, s.agency_code, '2021-dot-1', 'voso', 'VS' || i, '2021-08-20T03:15:00Z', '2021-08-20', 'detected', 'placed',
      20000, 0, 290000, 'h' || i, '{}', 'accepted', 1, 1, 2, 240000, 1000, 0, '2021-08-20T03:15:00Z', '2021-08-20T03:15:00Z'
    from generate_series(1, 85155) i join staff s on s.id = 's' || (1 + i % 28385)`.execute(db);
  await sql`insert into staff_order_items (order_id, line_no, name, quantity, unit_price, line_total, is_farm_product, excluded)
    select o.id, l, 'Hồi khô túi 500g', 1, 120000, 120000, 1, 0 from staff_orders o cross join generate_series(0, 1) l`.execute(db);
  const device = randomUUID();
  await sql`insert into households (id, client_id, content_hash, commune_code, village, head_name, phone, id_number, id_kind, marketplace, shop_name, payment,
      has_payment_account, details, device_id, officer_name, registered_at, received_at, updated_at)
    select 'hh' || i, 'hc' || i, 'x', (select code from communes order by code offset (i % 200) limit 1), 'Thôn 1', 'Hộ ' || i,
      '09' || lpad(i::text, 8, '0'), '020' || lpad(i::text, 9, '0'), 'cccd', 'voso', 'Cửa hàng ' || i, 'bank', 1, '{}', ${device}, 'Cán bộ xã',
      '2021-09-01T00:00:00Z', '2021-09-01T00:00:00Z', '2021-09-01T00:00:00Z'
    from generate_series(1, 20000) i`.execute(db);
  await sql`analyze`.execute(db);
}

/** A parameter as SQL text; an array (one per column: the kiosk batch's statements) as an array literal. */
const literal = (p: unknown): string => {
  if (p === null) return 'null';
  const text = Array.isArray(p) ? `{${p.map((e) => (e === null ? 'NULL' : `"${String(e).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}` : String(p);
  return `'${text.replace(/'/g, "''")}'`;
};

/** Relations read by a Seq Scan anywhere in an EXPLAIN (FORMAT JSON) plan. */
function seqScans(node: any, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan') out.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

export async function run(): Promise<Figures> {
  const tools = (await import('../scripts/ensure-tools.mjs' as string)) as { ensurePostgres(): { url: string; stop(): void } };
  const server = tools.ensurePostgres();
  const database = await throwawayDatabase('postgres', server.url);
  const { db } = await database.open();
  const url = new URL(database.env.DATABASE_URL);
  const captured: CompiledQuery[] = [];
  const spyPool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  spyPool.on('error', () => {});
  const spy = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: spyPool }),
    log: (e) => {
      if (e.level === 'query') captured.push(e.query);
    },
  });
  try {
    await seed(db);
    const { token } = await issueToken(db, { role: 'staff', subjectId: 's1', agencyCode: 'SNV' }, null);
    // What the hot paths run, against the seeded rows.
    await principalOf(spy, token);
    await ingestOrders(spy, { tokenHash: hashToken(token), checked: Promise.resolve({ staffId: 's1', agencyCode: 'SNV' }) }, Array.from({ length: 5 }, () => sampleOrder()));
    await receiveHouseholds(spy, randomUUID(), 'all', Array.from({ length: 20 }, () => household()));
    await agencyTally(spy, 'SNV', { periodId: '2021-dot-1' });
    await participantRows(spy, 'SNV', { periodId: '2021-dot-1' });
    // A district People's Committee's figures by sub-unit (its communes).
    await tallyByUnit(spy, 'UBND-178', { periodId: '2021-dot-1' });
    await provinceRollup(spy, { periodId: '2021-dot-1', label: 'Đợt 1' });

    const offending: string[] = [];
    for (const q of captured) {
      if (!/^\s*(select|update|delete|with)/i.test(q.sql)) continue;
      const { rows } = await sql<{ 'QUERY PLAN': any }>`explain (format json) ${sql.raw(q.sql)}`.execute(db).catch(async () => {
        // Parameters: EXPLAIN of a parameterised statement through a prepared statement.
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        try {
          await client.query(`prepare q as ${q.sql}`);
          const r = await client.query(`explain (format json) execute q(${q.parameters.map(literal).join(', ')})`);
          return { rows: r.rows };
        } finally {
          await client.end();
        }
      });
      const plan = rows[0]['QUERY PLAN'][0].Plan;
      const scans = seqScans(plan).filter((t) => bigTables.has(t));
      if (scans.length) offending.push(`${scans.join(', ')}: ${q.sql.slice(0, 300)}`);
    }
    for (const o of offending) process.stderr.write(`  sequential scan of ${o}\n`);
    return {
      'plans.postgres.hot-queries': { value: captured.length, unit: 'count', target: 1, better: 'higher' },
      'plans.postgres.seq-scans': { value: offending.length, unit: 'count', target: 0, better: 'lower' },
    };
  } finally {
    await spy.destroy();
    await db.destroy();
    await database.drop();
    server.stop();
  }
}
