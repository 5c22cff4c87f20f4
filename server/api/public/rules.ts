/**
 * Adapter rules served to the extension as versioned JSON data (the province uploads them: province/rules.ts). Routes:
 *   GET /api/rules            (no auth) → {version, sites:{voso?, postmart?}, uploadedAt}, ETag = version (If-None-Match → 304);
 *                             404.11 when the province has uploaded none (the extension keeps its bundled copy)
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem } from '../../problem';

export function rulesRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.get('/', async (c) => {
    const row = await db.selectFrom('adapter_rules').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!row) throw new Problem('404.11');
    const etag = `"${row.version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.json({ version: Number(row.version), sites: JSON.parse(row.sites), uploadedAt: row.uploaded_at });
  });

  return r;
}
