import type { Db } from '../db';
import type { HouseholdClaimTable } from '../db/schema-quality';
import type { SubmittedHousehold } from '../../lib/kiosk/household';
import type { ClaimView } from '../../lib/api/agriculture';
import { checkVietgap } from '../../lib/vietgap';
import { traceabilityAsNoted, vietgapAsNoted } from '../../lib/kiosk/certificate-details';
import { claimStatus, expiringWithinDays, type ClaimStatus } from '../../lib/quality/claims';
import { addDays } from '../../lib/periods';
import { timeOrderedId } from '../db/time-ordered-id';

type Writer = Pick<Db, 'insertInto'>;

/**
 * The unverified claims a household's kiosk form holds: the VietGAP number (with the issuing body and expiry when the
 * officer noted them), the OCOP stars, the traceability code. What the kiosk noted is pre-filled for the department
 * to check and correct; `submitted` keeps it as the kiosk said it.
 */
export function claimsOfHousehold(
  householdId: string,
  h: Pick<SubmittedHousehold, 'vietgap' | 'vietgapIssuer' | 'vietgapExpiresOn' | 'ocopStars' | 'traceability' | 'traceabilityCode'>,
  now: string,
): HouseholdClaimTable[] {
  const base = { household_id: householdId, issuer: null, expires_on: null, decision: 'unverified' as const, refusal_reason: null, decided_by: null, decided_at: null, created_at: now, updated_at: now };
  const out: HouseholdClaimTable[] = [];
  const vietgap = h.vietgap ? checkVietgap(h.vietgap) : null;
  if (vietgap)
    out.push({ ...base, id: timeOrderedId(), kind: 'vietgap', number: vietgap.number, issuer: h.vietgapIssuer ?? null, expires_on: h.vietgapExpiresOn ?? null, stars: null, submitted: vietgapAsNoted(h) });
  if (h.ocopStars !== null) out.push({ ...base, id: timeOrderedId(), kind: 'ocop', number: null, stars: h.ocopStars, submitted: `${h.ocopStars} sao` });
  // The printed code when the officer noted one; older tablets only had the description, which stands in for it.
  const code = h.traceabilityCode ?? h.traceability;
  if (code) out.push({ ...base, id: timeOrderedId(), kind: 'traceability', number: code, stars: null, submitted: traceabilityAsNoted(h) });
  return out;
}

/** Stores the claims of households just received (a resend finds them there and adds nothing). */
export async function addHouseholdClaims(db: Writer, claims: HouseholdClaimTable[]): Promise<void> {
  for (let i = 0; i < claims.length; i += 100)
    await db
      .insertInto('household_claims')
      .values(claims.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['household_id', 'kind']).doNothing())
      .execute();
}

/** Which claims a list shows: today's status, or the verified certificates expiring within 30 days. */
export type ClaimFilter = { status: ClaimStatus | 'all' } | { expiring: true };

/**
 * Claims as the department sees them (lib/api/agriculture.ts): the household's name, place, shop and products;
 * never its phone, ID number, photos, tablet or officer. The unverified queue lists the oldest first.
 */
export async function claimViews(db: Db, filter: ClaimFilter, today: string, id?: string): Promise<ClaimView[]> {
  let q = db
    .selectFrom('household_claims as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .innerJoin('communes as m', 'm.code', 'h.commune_code')
    .innerJoin('districts as d', 'd.code', 'm.district_code')
    .leftJoin('users as u', 'u.id', 'c.decided_by')
    .select([
      'c.id', 'c.kind', 'c.number', 'c.issuer', 'c.expires_on', 'c.stars', 'c.decision', 'c.refusal_reason', 'c.decided_at', 'c.submitted', 'c.created_at',
      'u.full_name as decided_by_name',
      'h.id as household_id', 'h.head_name', 'h.village', 'h.commune_code', 'm.name as commune_name', 'd.name as district_name',
      'h.marketplace', 'h.shop_name', 'h.shop_url', 'h.details',
    ]);
  if (id) q = q.where('c.id', '=', id);
  else if ('expiring' in filter)
    q = q.where('c.decision', '=', 'verified').where('c.expires_on', '>=', today).where('c.expires_on', '<=', addDays(today, expiringWithinDays)).orderBy('c.expires_on');
  else if (filter.status === 'expired') q = q.where('c.decision', '!=', 'refused').where('c.expires_on', '<', today).orderBy('c.expires_on', 'desc');
  else if (filter.status === 'refused') q = q.where('c.decision', '=', 'refused').orderBy('c.decided_at', 'desc');
  else if (filter.status !== 'all')
    // Unverified or verified, still in date (or with no expiry).
    q = q
      .where('c.decision', '=', filter.status)
      .where((eb) => eb.or([eb('c.expires_on', 'is', null), eb('c.expires_on', '>=', today)]))
      .orderBy(filter.status === 'unverified' ? 'c.created_at' : 'c.decided_at', filter.status === 'unverified' ? 'asc' : 'desc');
  const rows = await q.orderBy('c.id').limit(2000).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    issuer: r.issuer,
    expiresOn: r.expires_on,
    stars: r.stars === null ? null : Number(r.stars),
    status: claimStatus(r.decision, r.expires_on, today),
    refusalReason: r.refusal_reason,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name ?? null,
    submitted: r.submitted,
    household: {
      id: r.household_id,
      headName: r.head_name,
      village: r.village,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      districtName: r.district_name,
      marketplace: r.marketplace,
      shopName: r.shop_name,
      shopUrl: r.shop_url,
      products: productsOf(r.details),
    },
  }));
}

function productsOf(details: string): { category: string; name: string }[] {
  try {
    const products = (JSON.parse(details) as { products?: unknown }).products;
    return Array.isArray(products) ? products.map((p) => ({ category: String(p?.category ?? ''), name: String(p?.name ?? '') })) : [];
  } catch {
    return [];
  }
}
