/**
 * Upgrading a collector whose households carry VietGAP, OCOP and traceability as free text (before 0501): each one
 * present becomes an unverified claim with what was typed kept; a household with none gets no claim.
 */
import { describe, expect, it } from 'vitest';
import { olderCollectorDatabase } from '../../testing/older-collector';
import { migrateToLatest } from '../migrate';

const household = (id: string, details: Record<string, unknown>) => ({
  id, client_id: `client-${id}`, content_hash: 'h', commune_code: '06181', village: 'Thôn Bản Cặp', head_name: 'Hoàng Văn Thụ', phone: `09123456${id.slice(-2)}`,
  id_number: `0201900012${id.slice(-2)}`, id_kind: 'cccd', marketplace: 'voso', shop_name: 'Na nhà Thụ', payment: 'viettelmoney', has_payment_account: 1,
  details: JSON.stringify({ products: [{ category: 'trai_cay', name: 'Na' }], notes: '', ...details }), device_id: 'd1', officer_name: 'Lý Thị Mai',
  registered_at: '2021-09-01T02:00:00.000Z', received_at: '2021-09-01T02:00:00.000Z', updated_at: '2021-09-01T02:00:00.000Z',
  shop_url: null, shop_opened_at: null, payment_opened_at: null, products_listed_at: null,
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: upgrading a collector with households`, () => {
    it('moves free-text VietGAP, OCOP and traceability into unverified claims', async () => {
      const { db, drop } = await olderCollectorDatabase(kind, (name) => name < '0501');
      try {
        await db.insertInto('households').values([
          household('h-01', { vietgap: 'VietGAP-TT-13-09-20-0096 (Na)', ocopStars: 3, traceability: 'Tem QR của HTX' }),
          household('h-02', { vietgap: null, ocopStars: null, traceability: null }),
          household('h-03', { vietgap: '  ', ocopStars: 4 }),
        ]).execute();
        await migrateToLatest(db);
        const claims = await db.selectFrom('household_claims').select(['household_id', 'kind', 'number', 'stars', 'decision', 'submitted', 'issuer', 'expires_on']).orderBy('household_id').orderBy('kind').execute();
        expect(claims.map((c) => ({ ...c, stars: c.stars === null ? null : Number(c.stars) }))).toEqual([
          { household_id: 'h-01', kind: 'ocop', number: null, stars: 3, decision: 'unverified', submitted: '3 sao', issuer: null, expires_on: null },
          { household_id: 'h-01', kind: 'traceability', number: 'Tem QR của HTX', stars: null, decision: 'unverified', submitted: 'Tem QR của HTX', issuer: null, expires_on: null },
          { household_id: 'h-01', kind: 'vietgap', number: 'VietGAP-TT-13-09-20-0096 (Na)', stars: null, decision: 'unverified', submitted: 'VietGAP-TT-13-09-20-0096 (Na)', issuer: null, expires_on: null },
          { household_id: 'h-03', kind: 'ocop', number: null, stars: 4, decision: 'unverified', submitted: '4 sao', issuer: null, expires_on: null },
        ]);
        // The household's own record is as it was.
        const kept = await db.selectFrom('households').select('details').where('id', '=', 'h-01').executeTakeFirstOrThrow();
        expect(JSON.parse(kept.details).vietgap).toBe('VietGAP-TT-13-09-20-0096 (Na)');
      } finally {
        await drop();
      }
    });
  });
}
