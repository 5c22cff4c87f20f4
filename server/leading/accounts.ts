import type { Db } from '../db';
import type { LeadingAccountRef } from '../../lib/kiosk/guide';
import type { LeadingAccountView } from '../../lib/api/province';

/** The commune of each of these leading accounts (retired ones too: a household queued offline before still counts). */
export async function communesOfLeadingAccounts(db: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('leading_accounts').select(['id', 'commune_code']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.commune_code]));
}

/** The active leading accounts of these communes, as the tablet lists them for "who guided this household": names and ids only. */
export async function leadingAccountsForTablet(db: Db, communes: string[]): Promise<LeadingAccountRef[]> {
  if (!communes.length) return [];
  const rows = await db
    .selectFrom('leading_accounts')
    .select(['id', 'name', 'commune_code'])
    .where('commune_code', 'in', communes)
    .where('retired_at', 'is', null)
    .orderBy('commune_code')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, communeCode: r.commune_code }));
}

interface Spread {
  households: number;
  withShop: number;
  productsListed: number;
}

/**
 * Each leading account's spread ("sức lan tỏa"): the households the kiosk recorded as guided by it, those of them
 * with a shop (a shop link came back in the hand-over), and their products listed (a household marked as having
 * listed its products counts the products it registered with).
 */
async function spreadOf(db: Db, ids: string[]): Promise<Map<string, Spread>> {
  const out = new Map<string, Spread>(ids.map((id) => [id, { households: 0, withShop: 0, productsListed: 0 }]));
  if (!ids.length) return out;
  const rows = await db.selectFrom('households').select(['leading_account_id', 'shop_url', 'products_listed_at', 'details']).where('leading_account_id', 'in', ids).execute();
  for (const r of rows) {
    const s = out.get(r.leading_account_id!)!;
    s.households += 1;
    if (r.shop_url) s.withShop += 1;
    if (r.products_listed_at) s.productsListed += productCount(r.details);
  }
  return out;
}

function productCount(details: string): number {
  try {
    const products = (JSON.parse(details) as { products?: unknown }).products;
    return Array.isArray(products) ? products.length : 0;
  } catch {
    return 0;
  }
}

/** The province's list: every leading account (active first, then retired), with where it is and its spread. */
export async function leadingAccountViews(db: Db, onlyId?: string): Promise<LeadingAccountView[]> {
  let q = db
    .selectFrom('leading_accounts')
    .innerJoin('communes', 'communes.code', 'leading_accounts.commune_code')
    .innerJoin('districts', 'districts.code', 'communes.district_code')
    .select(['leading_accounts.id', 'leading_accounts.name', 'leading_accounts.commune_code', 'communes.name as commune_name', 'districts.name as district_name', 'leading_accounts.shop_url', 'leading_accounts.reason', 'leading_accounts.nominated_at', 'leading_accounts.retired_at']);
  if (onlyId) q = q.where('leading_accounts.id', '=', onlyId);
  const rows = await q.orderBy('leading_accounts.nominated_at').orderBy('leading_accounts.id').execute();
  const spread = await spreadOf(db, rows.map((r) => r.id));
  const views = rows.map((r) => ({
    id: r.id,
    name: r.name,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    districtName: r.district_name,
    shopUrl: r.shop_url,
    reason: r.reason,
    nominatedAt: r.nominated_at,
    retiredAt: r.retired_at,
    ...spread.get(r.id)!,
  }));
  return [...views.filter((v) => !v.retiredAt), ...views.filter((v) => v.retiredAt)];
}
