/**
 * The public registry of registered households' shops with verified quality facts (no auth), which the extension
 * downloads at most daily to show buyers a note on product pages. Routes:
 *   GET /api/registry/shops → {shops:[{marketplace, shopUrl, commune, district, claims:[{kind:'vietgap', expiresOn} |
 *       {kind:'ocop', stars, expiresOn} | {kind:'traceability', expiresOn}]}]}: only households with a shop link and
 *       at least one verified claim still in date (Vietnam day); no name, phone, ID, certificate number or code.
 *       ETag is a hash of the answer (If-None-Match → 304).
 */
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app';
import type { Registry, RegistryClaim, RegistryShop } from '../../../lib/api/registry';
import { isMarketplace } from '../../../lib/marketplaces/hosts';
import { vietnamToday } from '../../../lib/periods';

export function registryRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.get('/shops', async (c) => {
    const today = vietnamToday();
    const rows = await db
      .selectFrom('household_claims as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .innerJoin('communes as m', 'm.code', 'h.commune_code')
      .innerJoin('districts as d', 'd.code', 'm.district_code')
      .select(['h.id as household_id', 'h.marketplace', 'h.shop_url', 'm.name as commune', 'd.name as district', 'c.kind', 'c.stars', 'c.expires_on'])
      .where('c.decision', '=', 'verified')
      .where((eb) => eb.or([eb('c.expires_on', 'is', null), eb('c.expires_on', '>=', today)]))
      .where('h.shop_url', 'is not', null)
      .orderBy('h.shop_url')
      .orderBy('h.id')
      .orderBy('c.kind')
      .execute();
    const shops = new Map<string, RegistryShop>();
    for (const row of rows) {
      if (!row.shop_url || !isMarketplace(row.marketplace)) continue;
      let shop = shops.get(row.household_id);
      if (!shop) shops.set(row.household_id, (shop = { marketplace: row.marketplace, shopUrl: row.shop_url, commune: row.commune, district: row.district, claims: [] }));
      const claim: RegistryClaim | null =
        row.kind === 'vietgap'
          ? row.expires_on ? { kind: 'vietgap', expiresOn: row.expires_on } : null
          : row.kind === 'ocop'
            ? { kind: 'ocop', stars: Number(row.stars), expiresOn: row.expires_on }
            : { kind: 'traceability', expiresOn: row.expires_on };
      if (claim) shop.claims.push(claim);
    }
    const text = JSON.stringify({ shops: [...shops.values()].filter((s) => s.claims.length) } satisfies Registry);
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    const asked = (c.req.header('If-None-Match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (asked.includes(etag)) return c.body(null, 304);
    return c.body(text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  return r;
}
