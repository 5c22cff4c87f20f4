// Retention, for `npm run admin -- purge --before <date>`: removes what SECURITY.md ("Retention") says is no longer
// needed, and keeps every count the province reports.
import { randomUUID } from 'node:crypto';
import { formatDate } from '../../lib/format';
import type { Db } from '../db';
import { keepHouseholdsTogether, kioskRef, operatorRef, progressTransaction, trackProgress } from '../channels/progress-store';

/** What a purge removes (or would remove), for the operator. */
export interface PurgePlan {
  /** The cut-off, yyyy-mm-dd (Vietnam time): data whose time ran out before this day. */
  before: string;
  households: { count: number; photos: number };
  /** Operators' rows whose shop was open before the cut-off that still hold a phone's or an ID's hash. */
  operatorRows: number;
  orders: { periods: { id: string; name: string; reportDue: string; orders: number; items: number; keptOrders: number; keptAgencies: string[] }[] };
}

/** Reads the cut-off as the operator types it: dd/mm/yyyy or yyyy-mm-dd. Null when it is not a real date. */
export function parseCutOff(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim()) ?? null;
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Midnight of `day` in Vietnam (UTC+7) as the ISO instant the tables store. */
const startOfVnDay = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/**
 * Households whose shop was opened before the cut-off and still hold something personal: a phone number, a
 * citizen ID number or photos (their notes go with them). Their name, village, shop and statuses stay: they are the commune's count.
 */
function householdsToClear(db: Db, before: string) {
  return db
    .selectFrom('households')
    .where('shop_opened_at', 'is not', null)
    .where('shop_opened_at', '<', startOfVnDay(before))
    .where((eb) =>
      eb.or([
        eb('phone', '!=', ''),
        eb('id_number', '!=', ''),
        eb.exists(eb.selectFrom('household_photos').select('household_photos.id').whereRef('household_photos.household_client_id', '=', 'households.client_id')),
      ]),
    );
}

/**
 * Operators' rows that said the shop was open before the cut-off (the last list that changed them is older) and still
 * hold a phone's or an ID number's hash, or a key made of the number itself (the import keys a row without a shop id
 * by its phone or ID number, lib/channels/operator-row.ts). SECURITY.md treats those hashes as the numbers.
 */
function operatorRowsToClear(db: Db, before: string) {
  return db
    .selectFrom('operator_households')
    .where('shop_opened', '=', 1)
    .where('updated_at', '<', startOfVnDay(before))
    .where((eb) => eb.or([eb('phone_hash', 'is not', null), eb('id_hash', 'is not', null), eb('row_key', 'like', 'phone:%'), eb('row_key', 'like', 'id:%')]));
}

/** Agencies that submitted a report for the period: its numbers are kept in that snapshot. */
const reported = (db: Db, periodId: string) => db.selectFrom('agency_reports').select('agency_code').where('period_id', '=', periodId);

export async function planPurge(db: Db, before: string): Promise<PurgePlan> {
  const households = await householdsToClear(db, before).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const photos = await db
    .selectFrom('household_photos')
    .innerJoin('households', 'households.client_id', 'household_photos.household_client_id')
    .where('households.shop_opened_at', 'is not', null)
    .where('households.shop_opened_at', '<', startOfVnDay(before))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const operatorRows = await operatorRowsToClear(db, before).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const periods = await db.selectFrom('periods').selectAll().where('report_due', '<', before).orderBy('starts_on').execute();
  const orders: PurgePlan['orders']['periods'] = [];
  for (const p of periods) {
    const removed = await db
      .selectFrom('staff_orders')
      .where('period_id', '=', p.id)
      .where('agency_code', 'in', reported(db, p.id))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const items = await db
      .selectFrom('staff_order_items')
      .innerJoin('staff_orders', 'staff_orders.id', 'staff_order_items.order_id')
      .where('staff_orders.period_id', '=', p.id)
      .where('staff_orders.agency_code', 'in', reported(db, p.id))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const kept = await db
      .selectFrom('staff_orders')
      .where('period_id', '=', p.id)
      .where('agency_code', 'not in', reported(db, p.id))
      .select(['agency_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('agency_code')
      .orderBy('agency_code')
      .execute();
    orders.push({
      id: p.id,
      name: p.name,
      reportDue: p.report_due,
      orders: Number(removed.n),
      items: Number(items.n),
      keptOrders: kept.reduce((s, k) => s + Number(k.n), 0),
      keptAgencies: kept.map((k) => k.agency_code),
    });
  }
  return { before, households: { count: Number(households.n), photos: Number(photos.n) }, operatorRows: Number(operatorRows.n), orders: { periods: orders } };
}

/** Carries out the purge in one transaction; returns what it removed. */
export async function purge(db: Db, before: string): Promise<PurgePlan> {
  // The whole store: a purge touches every household with a shop opened before the date.
  return progressTransaction(
    db,
    async (trx) => {
      const plan = await planPurge(trx, before);
      const households = await householdsToClear(trx, before).select(['id', 'client_id']).execute();
      const clientIds = households.map((h) => h.client_id);
      const operatorRows = (await operatorRowsToClear(trx, before).select(['operator', 'row_key']).execute()).map((o) => ({ ...o, newKey: /^(phone|id):/.test(o.row_key) ? `purged:${randomUUID()}` : o.row_key }));
      const losing = [...households.map((h) => kioskRef(h.id)), ...operatorRows.map((o) => operatorRef(o.operator, o.row_key))];
      const progress = await trackProgress(trx, { refs: [...losing, ...operatorRows.map((o) => operatorRef(o.operator, o.newKey))], keys: [] });
      // A household the kiosk and an operator both list stays one household once their phone and ID hashes are gone.
      await keepHouseholdsTogether(trx, losing, randomUUID);
      for (const o of operatorRows)
        await trx.updateTable('operator_households').set({ phone_hash: null, id_hash: null, row_key: o.newKey }).where('operator', '=', o.operator).where('row_key', '=', o.row_key).execute();
      for (let i = 0; i < clientIds.length; i += 500) {
        const chunk = clientIds.slice(i, i + 500);
        await trx.deleteFrom('household_photos').where('household_client_id', 'in', chunk).execute();
        const rows = await trx.selectFrom('households').select(['client_id', 'details']).where('client_id', 'in', chunk).execute();
        for (const h of rows) {
          const details = { ...JSON.parse(h.details), notes: '' };
          await trx.updateTable('households').set({ phone: '', id_number: '', phone_hash: null, id_hash: null, details: JSON.stringify(details) }).where('client_id', '=', h.client_id).execute();
        }
      }
      // The figures stay what they were (the match keys above); counted again, they say so.
      await progress.after();
      for (const p of plan.orders.periods) {
        const orderIds = trx.selectFrom('staff_orders').select('id').where('period_id', '=', p.id).where('agency_code', 'in', reported(trx, p.id));
        await trx.deleteFrom('staff_order_items').where('order_id', 'in', orderIds).execute();
        await trx.deleteFrom('staff_order_photos').where('order_id', 'in', orderIds).execute();
        await trx.deleteFrom('staff_orders').where('period_id', '=', p.id).where('agency_code', 'in', reported(trx, p.id)).execute();
      }
      return plan;
    },
    { wholeStore: true },
  );
}

/** The plan in the operator's words (Vietnamese, dd/mm/yyyy). */
export function describePurge(plan: PurgePlan, done: boolean): string {
  const verb = done ? 'Đã xóa' : 'Sẽ xóa';
  const lines = [`Dữ liệu hết thời hạn lưu trước ngày ${formatDate(plan.before)}:`];
  lines.push(
    plan.households.count
      ? `- Hộ đã mở cửa hàng trước ngày đó: ${plan.households.count} hộ — ${verb.toLowerCase()} ${plan.households.photos} ảnh, số điện thoại, số CCCD/CMND và ghi chú; giữ tên hộ, thôn, cửa hàng và trạng thái (số hộ theo xã không đổi).`
      : '- Không có hộ nào cần xóa thông tin cá nhân.',
  );
  lines.push(
    plan.operatorRows
      ? `- Dòng danh sách của Bưu điện, Viettel Post có cửa hàng mở trước ngày đó: ${plan.operatorRows} dòng — ${verb.toLowerCase()} mã băm số điện thoại và số CCCD/CMND; giữ xã, tên hộ, cửa hàng và số liệu (tiến độ theo xã không đổi).`
      : '- Không có dòng danh sách nào của Bưu điện, Viettel Post cần xóa mã băm.',
  );
  if (!plan.orders.periods.length) lines.push('- Không có đợt nào có hạn báo cáo trước ngày đó: giữ mọi đơn hàng.');
  for (const p of plan.orders.periods) {
    lines.push(`- ${p.name} (hạn báo cáo ${formatDate(p.reportDue)}): ${verb.toLowerCase()} ${p.orders} đơn hàng, ${p.items} dòng hàng của cán bộ; số liệu còn trong báo cáo các cơ quan đã nộp.`);
    if (p.keptOrders) lines.push(`  Giữ ${p.keptOrders} đơn của ${p.keptAgencies.length} cơ quan chưa nộp báo cáo đợt này (${p.keptAgencies.join(', ')}).`);
  }
  return lines.join('\n');
}
