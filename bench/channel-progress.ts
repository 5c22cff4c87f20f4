// Issue 13 item 2 at a province's size, on SQLite and PostgreSQL (a throwaway cluster, or TEST_DATABASE_URL):
// 100,000 operators' rows (50,000 each from Viettel Post and Bưu điện) and 20,000 kiosk signups, one in five of them
// also on an operator's list by its ID number. Figures: the province's progress from every channel as the dashboard
// asks for it (GET /api/channels/progress, median of 5; target 100 ms: it reads the stored per-commune figures), a
// kiosk batch of 50 households stored with its figures, and counting every commune from scratch (what migration
// 0821 does once on an existing database).
import { randomUUID } from 'node:crypto';
import { createApp } from '../server/app';
import { createProvinceUser } from '../server/testing/seed';
import { identityHash } from '../server/channels/identity';
import { rebuildProgress } from '../server/channels/progress-store';
import { receiveHouseholds } from '../server/kiosk/households';
import { throwawayDatabase } from '../server/testing/throwaway-database';
import { household } from '../tests/unit/robustness/people';
import { communesOf, langSon } from '../lib/region';
import type { Db, DbKind } from '../server/db';
import { median, round, type Figures } from './figures';

const operatorRows = 100_000;
const kioskSignups = 20_000;

async function seed(db: Db) {
  const province = await createProvinceUser(db);
  const communes = communesOf(langSon).map((c) => c.code);
  const now = new Date().toISOString();
  const importId = randomUUID();
  await db.insertInto('operator_imports').values({ id: importId, operator: 'voso', file_name: 'bench.csv', imported_by: province.id, imported_at: now, rows: operatorRows, added: operatorRows, changed: 0, unchanged: 0, refused: 0 }).execute();
  const idOf = (i: number) => `02018${String(i).padStart(7, '0')}`;
  const device = randomUUID();
  for (let i = 0; i < kioskSignups; i += 500)
    await db
      .insertInto('households')
      .values(
        Array.from({ length: Math.min(500, kioskSignups - i) }, (_, j) => {
          const n = i + j;
          return {
            id: randomUUID(), client_id: randomUUID(), code: `B${n}`, content_hash: 'x', commune_code: communes[n % communes.length], village: 'Thôn 1', head_name: `Hộ ${n}`,
            phone: `094${String(n).padStart(7, '0')}`, id_number: idOf(n), id_kind: 'cccd' as const, marketplace: 'voso', shop_name: `Cửa hàng ${n}`, payment: 'viettelmoney',
            has_payment_account: 1, details: JSON.stringify({ products: [{ category: 'trai_cay', name: 'Na' }], notes: '' }), device_id: device, officer_name: 'Cán bộ xã',
            registered_at: now, received_at: now, updated_at: now, shop_url: n % 2 ? `https://langson.voso.vn/shop/k${n}` : null, shop_opened_at: n % 2 ? now : null,
            payment_opened_at: now, products_listed_at: n % 2 ? now : null, guided_by: null, leading_account_id: null,
          };
        }),
      )
      .execute();
  for (let i = 0; i < operatorRows; i += 500)
    await db
      .insertInto('operator_households')
      .values(
        Array.from({ length: Math.min(500, operatorRows - i) }, (_, j) => {
          const n = i + j;
          // Every fifth of the first 20,000 rows of each operator is a kiosk household by its ID number.
          const half = n % 2 ? 'postmart' : 'voso';
          const k = Math.floor(n / 2);
          return {
            operator: half, row_key: `shop:${half}${n}`, commune_code: communes[k % communes.length], head_name: `Hộ ${k}`,
            phone_hash: identityHash('phone', `08${String(n).padStart(8, '0')}`), id_hash: k < kioskSignups && k % 5 === 0 ? identityHash('id', idOf(k)) : null,
            shop_id: `${half}${n}`, shop_url: null, shop_opened: 1, payment_opened: n % 3 ? 1 : 0, products_listed: n % 7, content_hash: 'x', import_id: importId, updated_at: now,
          };
        }),
      )
      .execute();
  return province;
}

async function benchOne(kind: DbKind, url?: string): Promise<Figures> {
  const database = await throwawayDatabase(kind, url);
  const { db } = await database.open();
  try {
    process.stderr.write(`  ${kind}: seeding ${operatorRows} operators' rows and ${kioskSignups} kiosk signups…\n`);
    const province = await seed(db);
    const t0 = performance.now();
    await db.transaction().execute((trx) => rebuildProgress(trx));
    const rebuildMs = performance.now() - t0;
    const app = createApp({ db, dbKind: kind, startedAt: new Date() });
    const read = async () => {
      const res = await app.request('/api/channels/progress', { headers: { Authorization: `Bearer ${province.token}` } });
      if (res.status !== 200) throw new Error(`progress answered ${res.status}`);
      const body = (await res.json()) as { communes: { signedUp: number }[] };
      const signedUp = body.communes.reduce((s, c) => s + c.signedUp, 0);
      if (signedUp !== kioskSignups) throw new Error(`progress counted ${signedUp} signups`);
    };
    await read();
    const readMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await read();
      readMs.push(performance.now() - t);
    }
    const communes = communesOf(langSon).map((c) => c.code);
    const batchMs: number[] = [];
    for (let b = 0; b < 5; b++) {
      const batch = Array.from({ length: 50 }, (_, i) => household({ communeCode: communes[(b * 50 + i) % communes.length] }));
      const t = performance.now();
      const results = await receiveHouseholds(db, randomUUID(), 'all', batch);
      batchMs.push(performance.now() - t);
      const refused = results.find((r) => r.status !== 'accepted');
      if (refused) throw new Error(`a kiosk batch was refused: ${JSON.stringify(refused)}`);
    }
    return {
      [`channels.${kind}.progress-read-100k`]: { value: round(median(readMs), 0), unit: 'ms', target: 100, better: 'lower' },
      [`channels.${kind}.kiosk-batch-50-with-progress`]: { value: round(median(batchMs), 0), unit: 'ms', better: 'lower' },
      [`channels.${kind}.progress-rebuild-120k`]: { value: round(rebuildMs, 0), unit: 'ms', better: 'lower' },
    };
  } finally {
    await db.destroy();
    await database.drop();
  }
}

export async function run(): Promise<Figures> {
  const tools = (await import('../scripts/ensure-tools.mjs' as string)) as { ensurePostgres(): { url: string; stop(): void } };
  const server = tools.ensurePostgres();
  try {
    return { ...(await benchOne('sqlite')), ...(await benchOne('postgres', server.url)) };
  } finally {
    server.stop();
  }
}
