import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app';
import { Problem, readJson } from '../problem';

/** Households registered at commune kiosks. Idempotent on the kiosk's client id. */
export function householdRoutes({ db }: AppDeps) {
  const r = new Hono();

  r.post('/', async (c) => {
    const body = (await readJson(c.req.raw)) as Record<string, unknown>;
    const clientId = text(body?.clientId, 'clientId', 64);
    const communeCode = text(body?.communeCode, 'communeCode', 5);
    const headName = text(body?.headName, 'headName', 120).normalize('NFC');
    const existing = await db.selectFrom('households').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    if (existing) {
      if (existing.commune_code !== communeCode || existing.head_name !== headName) throw new Problem('409.1', { field: 'clientId' });
      return c.json(view(existing), 200);
    }
    const row = { id: randomUUID(), client_id: clientId, commune_code: communeCode, head_name: headName, received_at: new Date().toISOString() };
    await db.insertInto('households').values(row).onConflict((oc) => oc.column('client_id').doNothing()).execute();
    return c.json(view(row), 201);
  });

  r.get('/', async (c) => {
    const rows = await db.selectFrom('households').selectAll().orderBy('received_at', 'desc').limit(500).execute();
    return c.json({ households: rows.map(view) });
  });

  return r;
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || !v.trim() || v.length > max) throw new Problem('400.2', { field });
  return v.trim();
}

function view(row: { id: string; client_id: string; commune_code: string; head_name: string; received_at: string }) {
  return { id: row.id, clientId: row.client_id, communeCode: row.commune_code, headName: row.head_name, receivedAt: row.received_at };
}
