/**
 * The province uploads the adapter rules the extension reads (served by public/rules.ts). Routes:
 *   PUT /api/province/rules   {sites, version?} → 201 {version, uploadedAt}; version defaults to newest + 1 and
 *                             must grow; 400.13 with the reason when the rules are not well-formed data; ≤ 512 KB
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';
import { rulesProblem } from '../../staff/validate-rules';

export function provinceRulesRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.put('/', async (c) => {
    const text = await c.req.text();
    if (text.length > 512 * 1024) throw new Problem('413.1');
    let body: { sites?: unknown; version?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Problem('400.1');
    }
    const problem = rulesProblem(body?.sites);
    if (problem) throw new Problem('400.13', { field: 'sites', detail: problem });
    const newest = await db.selectFrom('adapter_rules').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const current = Number(newest?.v ?? 0);
    const version = body.version === undefined ? current + 1 : body.version;
    if (!Number.isSafeInteger(version) || (version as number) <= current)
      throw new Problem('400.13', { field: 'version', detail: `Số phiên bản phải là số nguyên lớn hơn ${current}.` });
    const uploadedAt = new Date().toISOString();
    await db.insertInto('adapter_rules').values({ version: version as number, sites: JSON.stringify(body.sites), uploaded_by: c.get('principal').subjectId, uploaded_at: uploadedAt }).execute();
    return c.json({ version, uploadedAt }, 201);
  });

  return r;
}
