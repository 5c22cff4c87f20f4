/**
 * The province uploads the adapter rules the extension reads (served by public/rules.ts). Routes:
 *   PUT /api/province/rules   {sites, version?} → 201 {version, uploadedAt}; version defaults to newest + 1 and
 *                             must grow; 400.13 with the reason when the extension could not read them
 *                             (lib/marketplaces/rules.ts, the extension's own check); ≤ 512 KB
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';
import type { MiddlewareHandler } from 'hono';
import { body } from '../../validate';
import { rulesUploadRequest } from '../../../lib/api/province';

export function provinceRulesRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.put('/', atMost(512 * 1024), body(rulesUploadRequest, '400.13'), async (c) => {
    const upload = c.req.valid('json');
    const newest = await db.selectFrom('adapter_rules').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const current = Number(newest?.v ?? 0);
    const version = upload.version ?? current + 1;
    if (!Number.isSafeInteger(version) || version <= current)
      throw new Problem('400.13', { field: 'version', detail: `Số phiên bản phải là số nguyên lớn hơn ${current}.` });
    const uploadedAt = new Date().toISOString();
    await db.insertInto('adapter_rules').values({ version, sites: JSON.stringify(upload.sites), uploaded_by: c.get('principal').subjectId, uploaded_at: uploadedAt }).execute();
    return c.json({ version, uploadedAt }, 201);
  });

  return r;
}

/** Refuses a body over `chars` characters with 413.1 before reading it as rules. */
function atMost(chars: number): MiddlewareHandler {
  return async (c, next) => {
    if ((await c.req.text()).length > chars) throw new Problem('413.1');
    await next();
  };
}
