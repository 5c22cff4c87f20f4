/**
 * Leading accounts ("tài khoản đầu tàu", province token): people or households with a shop whom Sở TT&TT picks to
 * spread the practice in their commune. Routes:
 *   GET  /api/province/leading-accounts            → {accounts:[{id, name, communeCode, communeName, districtName, shopUrl, reason,
 *                                                     nominatedAt, retiredAt, households, withShop, productsListed}]} active first
 *   POST /api/province/leading-accounts            {id, name, communeCode, shopUrl, reason} → 201 the account; the same id and content
 *                                                  again → 200 the account; the same id with other content → 409.1; a shop link already
 *                                                  an active leading account → 409.80; not a voso/postmart page → 400.81
 *   POST /api/province/leading-accounts/:id/retire → the account with retiredAt (the first retirement's time when retired again); 404.80
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { leadingAccountRequest } from '../../../lib/api/province';
import type { AuthEnv } from '../../auth/require-role';
import { leadingAccountViews } from '../../leading/accounts';

export function provinceLeadingAccountRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json({ accounts: await leadingAccountViews(db) }));

  r.post('/', body(leadingAccountRequest), async (c) => {
    const b = c.req.valid('json');
    const before = await db.selectFrom('leading_accounts').selectAll().where('id', '=', b.id).executeTakeFirst();
    if (before) {
      const same = before.name === b.name && before.commune_code === b.communeCode && before.shop_url === b.shopUrl && before.reason === b.reason;
      if (!same) throw new Problem('409.1', { field: 'id' });
      return c.json((await leadingAccountViews(db, b.id))[0], 200);
    }
    if (!(await db.selectFrom('communes').select('code').where('code', '=', b.communeCode).executeTakeFirst())) throw new Problem('400.2', { field: 'communeCode', detail: 'Chọn xã.' });
    const taken = await db.selectFrom('leading_accounts').select('id').where('shop_url', '=', b.shopUrl).where('retired_at', 'is', null).executeTakeFirst();
    if (taken) throw new Problem('409.80', { field: 'shopUrl' });
    await db
      .insertInto('leading_accounts')
      .values({ id: b.id, commune_code: b.communeCode, name: b.name, shop_url: b.shopUrl, reason: b.reason, nominated_by: c.get('principal').subjectId, nominated_at: new Date().toISOString(), retired_at: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return c.json((await leadingAccountViews(db, b.id))[0], 201);
  });

  r.post('/:id/retire', async (c) => {
    const id = c.req.param('id');
    await db.updateTable('leading_accounts').set({ retired_at: new Date().toISOString() }).where('id', '=', id).where('retired_at', 'is', null).execute();
    const view = (await leadingAccountViews(db, id))[0];
    if (!view) throw new Problem('404.80');
    return c.json(view);
  });

  return r;
}
