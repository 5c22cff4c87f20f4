import type { TestDeps } from '../test-databases';
import { createAgencyFocalPoint, sampleOrder } from './seed';

/** A Vietnam-time date, days from today (yyyy-mm-dd). */
export const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

export const hoi = { name: 'Hồi khô Lạng Sơn túi 500g', quantity: 2, unitPrice: 120_000, lineTotal: 240_000, shop: 'HTX Hồi Văn Quan', productUrl: null, weightGrams: 500, isFarmProduct: true, excluded: false };
/** A consistent order placed today: one farm item of 240.000 ₫, shipping 20.000 ₫. */
export const todayOrder = (over: Record<string, unknown> = {}) => sampleOrder({ placedAt: vnDay(), items: [hoi], shippingFee: 20_000, discount: 0, total: 260_000, ...over });

/**
 * A period 'now' that takes today's orders (default limits: 30 orders, 20.000.000 ₫ a person), a focal point of the
 * agency, and the agency's tally for that period as the dashboard reads it.
 */
export async function setUpCurrentPeriod(d: TestDeps, agency: string) {
  if (!(await d.db.selectFrom('periods').select('id').where('id', '=', 'now').executeTakeFirst()))
    await d.db.insertInto('periods').values({ id: 'now', name: 'Đợt hiện tại', starts_on: '2025-01-01', ends_on: '2099-12-31', report_due: '2099-12-31' }).execute();
  const focal = await createAgencyFocalPoint(d.db, agency);
  const tally = async () => (await (await d.app.request('/api/agency/tally?period=now', { headers: focal.auth })).json()).tally;
  return { d, focal, tally };
}
