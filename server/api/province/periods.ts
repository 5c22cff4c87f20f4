/**
 * Campaign periods and their report deadlines, as data the province edits (everyone reads them: public/periods.ts). Routes:
 *   POST  /api/province/periods         {id (a-z0-9-), name, startsOn, endsOn, reportDue} → 201 the period; 409.12 id taken
 *   PATCH /api/province/periods/:id     {name?, startsOn?, endsOn?, reportDue?} → the period.
 *         Orders already received keep the period they were counted in.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import { Problem, readJson } from '../../problem';
import type { AuthEnv } from '../../auth/require-role';
import { listPeriods } from '../../periods';
import type { Period } from '../../../lib/periods';

export function provincePeriodRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.post('/', async (c) => {
    const b = (await readJson(c.req.raw)) as Record<string, unknown> | null;
    if (typeof b?.id !== 'string' || !/^[a-z0-9-]{3,40}$/.test(b.id)) throw new Problem('400.2', { field: 'id', detail: 'Mã đợt 3–40 ký tự: chữ thường không dấu, số, gạch.' });
    const p = checked({ id: b.id, name: b.name, startsOn: b.startsOn, endsOn: b.endsOn, reportDue: b.reportDue });
    if (await db.selectFrom('periods').select('id').where('id', '=', p.id).executeTakeFirst()) throw new Problem('409.12', { field: 'id' });
    await db.insertInto('periods').values({ id: p.id, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, report_due: p.reportDue }).execute();
    return c.json(p, 201);
  });

  r.patch('/:id', async (c) => {
    const before = (await listPeriods(db)).find((p) => p.id === c.req.param('id'));
    if (!before) throw new Problem('404.1');
    const b = ((await readJson(c.req.raw)) ?? {}) as Record<string, unknown>;
    const p = checked({ ...before, ...pick(b, ['name', 'startsOn', 'endsOn', 'reportDue']) });
    await db.updateTable('periods').set({ name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, report_due: p.reportDue }).where('id', '=', p.id).execute();
    return c.json(p);
  });

  return r;
}

function pick(b: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
}

const isDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function checked(p: Record<string, unknown>): Period {
  const name = typeof p.name === 'string' ? p.name.normalize('NFC').trim() : '';
  if (name.length < 2 || name.length > 120) throw new Problem('400.2', { field: 'name', detail: 'Tên đợt cần 2–120 ký tự.' });
  for (const f of ['startsOn', 'endsOn', 'reportDue'] as const) if (!isDate(p[f])) throw new Problem('400.2', { field: f, detail: 'Ngày theo dạng yyyy-mm-dd.' });
  if ((p.startsOn as string) > (p.endsOn as string)) throw new Problem('400.2', { field: 'endsOn', detail: 'Ngày kết thúc phải sau ngày bắt đầu.' });
  if ((p.reportDue as string) < (p.startsOn as string)) throw new Problem('400.2', { field: 'reportDue', detail: 'Hạn báo cáo phải sau ngày bắt đầu.' });
  return { id: p.id as string, name, startsOn: p.startsOn as string, endsOn: p.endsOn as string, reportDue: p.reportDue as string };
}
