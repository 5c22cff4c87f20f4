/**
 * The operators' lists of shops, payment accounts and products (province: every commune; district: its own). Routes:
 *   GET  /api/channels/column-maps/:operator         → {operator, columns, fields:[{field, label, required}]} (postmart | voso; 404.1 other)
 *   PUT  /api/channels/column-maps/:operator {columns} → the same: which header is which field, remembered for the operator
 *   POST /api/channels/imports/:operator/preview?file=… body = the XLSX or CSV → ImportOutcome, nothing written
 *   POST /api/channels/imports/:operator?file=…        body = the same file → ImportOutcome, written (400.68 without the
 *        commune and head-name columns chosen); the same file again: every row unchanged
 *   GET  /api/channels/imports                        → {imports:[{id, operator, fileName, importedAt, rows, added, changed, unchanged, refused}]}
 * A file is up to 32 MB (413.61) and 100.000 rows (413.60), read as it arrives; 400.67 when it is not a sheet.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { districtScope } from '../../channels/scope';
import { importOperatorList } from '../../channels/operator-import';
import { columnMapRequest } from '../../../lib/api/channels';
import { fieldLabels, isOperator, operatorFields, requiredFields, type ColumnMap, type Operator } from '../../../lib/channels/operator-columns';
import type { Db } from '../../db';

/** The import's own body limit (the API's is 2 MB, app.ts): a province's 50.000-row list is a few MB of CSV. */
export const operatorListMaxBytes = 32 * 1024 * 1024;

export function operatorListRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/column-maps/:operator', async (c) => c.json(await columnMapView(db, operatorOf(c.req.param('operator')))));

  r.put('/column-maps/:operator', body(columnMapRequest), async (c) => {
    const operator = operatorOf(c.req.param('operator'));
    const columns = c.req.valid('json').columns as ColumnMap;
    const now = new Date().toISOString();
    const row = { operator, columns: JSON.stringify(columns), updated_by: c.get('principal').subjectId, updated_at: now };
    await db
      .insertInto('operator_column_maps')
      .values(row)
      .onConflict((oc) => oc.column('operator').doUpdateSet({ columns: row.columns, updated_by: row.updated_by, updated_at: now }))
      .execute();
    return c.json(await columnMapView(db, operator));
  });

  const upload = (commit: boolean) => async (c: Context<AuthEnv>) => {
    const operator = operatorOf(c.req.param('operator') ?? '');
    const { communes } = await districtScope(db, c.get('principal'));
    if (Number(c.req.header('Content-Length') ?? 0) > operatorListMaxBytes) throw new Problem('413.61');
    let tooBig = false;
    const outcome = await importOperatorList(db, {
      operator,
      source: capped(c.req.raw.body, () => (tooBig = true)),
      scope: communes,
      commit,
      userId: c.get('principal').subjectId,
      fileName: (c.req.query('file') ?? '').slice(0, 200) || `${operator}.xlsx`,
    });
    if (tooBig) throw new Problem('413.61');
    if ('problem' in outcome) throw new Problem(outcome.problem);
    if (commit && outcome.missing.length) throw new Problem('400.68', { detail: `Chưa chọn cột: ${outcome.missing.map((f) => fieldLabels[f]).join(', ')}.` });
    return c.json(outcome);
  };
  r.post('/imports/:operator/preview', upload(false));
  r.post('/imports/:operator', upload(true));

  r.get('/imports', async (c) => {
    const p = c.get('principal');
    let q = db.selectFrom('operator_imports').selectAll().orderBy('imported_at', 'desc').limit(200);
    // A district sees the imports its own account made; the province every one.
    if (p.role !== 'province') q = q.where('imported_by', '=', p.subjectId);
    const rows = await q.execute();
    return c.json({
      imports: rows.map((i) => ({ id: i.id, operator: i.operator, fileName: i.file_name, importedAt: i.imported_at, rows: Number(i.rows), added: Number(i.added), changed: Number(i.changed), unchanged: Number(i.unchanged), refused: Number(i.refused) })),
    });
  });

  return r;
}

function operatorOf(s: string): Operator {
  if (!isOperator(s)) throw new Problem('404.1', { field: 'operator', detail: 'Chỉ có danh sách của postmart (Bưu điện) và voso (Viettel Post).' });
  return s;
}

async function columnMapView(db: Db, operator: Operator) {
  const row = await db.selectFrom('operator_column_maps').select('columns').where('operator', '=', operator).executeTakeFirst();
  return {
    operator,
    columns: (row ? JSON.parse(row.columns) : {}) as ColumnMap,
    fields: operatorFields.map((field) => ({ field, label: fieldLabels[field], required: requiredFields.includes(field) })),
  };
}

/** The request body as it arrives, stopping (and saying so) past the import's byte limit. */
async function* capped(stream: ReadableStream<Uint8Array> | null, over: () => void): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  let seen = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    seen += chunk.byteLength;
    if (seen > operatorListMaxBytes) {
      over();
      throw new Error('too large');
    }
    yield chunk;
  }
}
