/**
 * The agency's numbers, its submitted reports and exports (agency token; only its own agency). Routes:
 *   GET  /api/agency/tally?period=|month=yyyy-mm → {scope, tally, units, report:{version, submittedAt, late}|null} live numbers (lib/tally.ts);
 *                                                  `units` the figures by sub-unit (lines add up to `tally`), null without sub-units
 *   POST /api/agency/reports {periodId, note?, docNumber?, signerName?, signerPosition?, recipients?, parentBody?}
 *                                                → 201 report: snapshot of tally + units + participants, locked with who/when, and what the
 *                                                   official document needs (lib/api/fields.ts documentFieldsSchema);
 *                                                   submitting again makes version n+1 and keeps the old; late when after reportDue (Vietnam date)
 *   GET  /api/agency/reports?period=             → {reports:[report without participants]} newest first
 *   GET  /api/agency/reports/:id                 → report with its participants and its figures by sub-unit
 *   GET  /api/agency/reports/:id/document.docx   → "bao-cao-<AGENCY>-<period>-lan-<n>.docx", a báo cáo to Sở TT&TT in the
 *        Nghị định 30/2020 layout with the numbers locked at submission (server/reports/documents/agency-document.ts)
 *   GET  /api/agency/export.xlsx|export.csv?period=|month=|report=<id>
 *        → file "bao-cao-<AGENCY>-<yyyy-mm-dd>.xlsx|csv" (a submitted version when report= is given, else live numbers);
 *        the XLSX has a sheet by sub-unit when the agency has them; CSV is the participants table (with each person's
 *        sub-unit) and a totals row, or with &table=units the figures by sub-unit
 */
import { Hono, type Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../app';
import type { Tally } from '../../../lib/tally';
import { formatDate } from '../../../lib/format';
import type { AgencyReportTable } from '../../db/schema-staff';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { submitReportRequest } from '../../../lib/api/agency';
import type { AuthEnv } from '../../auth/require-role';
import { agencyFigures, agencyTally, scopeOf, tallyByUnit, unitsOf, type ParticipantRow, type UnitTally } from '../../reports/tally';
import { agencyTables, participantSheetName, unitSheetName } from '../../reports/agency-export';
import { download, toCsv, toXlsx } from '../../export/table';
import { vietnamToday } from '../../../lib/periods';
import { documentColumns, documentFieldsOf } from '../../reports/documents/fields';
import { agencyReportDocx } from '../../reports/documents/agency-document';

export function agencyReportRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/tally', async (c) => {
    const agency = c.get('principal').agencyCode!;
    const scope = await scopeOf(db, c.req.query());
    const latest = 'periodId' in scope ? await latestReport(db, agency, scope.periodId) : undefined;
    return c.json({ scope, tally: await agencyTally(db, agency, scope), units: await tallyByUnit(db, agency, scope), report: latest ? summary(latest) : null });
  });

  r.post('/reports', body(submitReportRequest), async (c) => {
    const p = c.get('principal');
    const agency = p.agencyCode!;
    const { periodId, note } = c.req.valid('json');
    const period = await db.selectFrom('periods').selectAll().where('id', '=', periodId).executeTakeFirst();
    if (!period) throw new Problem('400.2', { field: 'periodId' });
    const doc = documentColumns(c.req.valid('json'));
    const user = await db.selectFrom('users').select('full_name').where('id', '=', p.subjectId).executeTakeFirstOrThrow();
    const scope = { periodId: period.id };
    const figures = await agencyFigures(db, agency, scope);
    const tally = figures.tally;
    const units = await tallyByUnit(db, agency, scope);
    const people = figures.participants.filter((x) => x.participated);
    const now = new Date();
    const row = await db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('agency_reports').select((eb) => eb.fn.max('version').as('v')).where('agency_code', '=', agency).where('period_id', '=', period.id).executeTakeFirst();
      const values = {
        id: randomUUID(),
        agency_code: agency,
        period_id: period.id,
        version: Number(last?.v ?? 0) + 1,
        tally: JSON.stringify(tally),
        participants: JSON.stringify(people),
        units: units && JSON.stringify(units),
        note,
        submitted_by: p.subjectId,
        submitted_by_name: user.full_name,
        submitted_at: now.toISOString(),
        late: vietnamToday() > period.report_due ? 1 : 0,
        ...doc,
      };
      await trx.insertInto('agency_reports').values(values).execute();
      return values;
    });
    return c.json(full(row), 201);
  });

  r.get('/reports', async (c) => {
    let q = db.selectFrom('agency_reports').selectAll().where('agency_code', '=', c.get('principal').agencyCode!);
    if (c.req.query('period')) q = q.where('period_id', '=', c.req.query('period')!);
    const rows = await q.orderBy('submitted_at', 'desc').orderBy('version', 'desc').execute();
    return c.json({ reports: rows.map(summary) });
  });

  r.get('/reports/:id', async (c) => {
    const row = await db.selectFrom('agency_reports').selectAll().where('id', '=', c.req.param('id')).where('agency_code', '=', c.get('principal').agencyCode!).executeTakeFirst();
    if (!row) throw new Problem('404.1');
    return c.json(full(row));
  });

  r.get('/reports/:id/document.docx', async (c) => {
    const { body: file, fileName } = await agencyReportDocx(db, c.get('principal').agencyCode!, c.req.param('id'));
    return download(c, file, fileName, 'docx');
  });

  const exportFile = (format: 'xlsx' | 'csv') => async (c: Context<AuthEnv>) => {
    const code = c.get('principal').agencyCode!;
    const agency = await db.selectFrom('agencies').select(['code', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
    let input: { scopeLabel: string; tally: Tally; units: UnitTally[] | null; participants: ParticipantRow[]; status: string };
    const reportId = c.req.query('report');
    if (reportId) {
      const row = await db.selectFrom('agency_reports').selectAll().where('id', '=', reportId).where('agency_code', '=', code).executeTakeFirst();
      if (!row) throw new Problem('404.1', { field: 'report' });
      const period = await db.selectFrom('periods').select('name').where('id', '=', row.period_id).executeTakeFirstOrThrow();
      input = { scopeLabel: period.name, tally: JSON.parse(row.tally), units: unitsOf(row), participants: JSON.parse(row.participants), status: statusLine(row) };
    } else {
      const scope = await scopeOf(db, c.req.query());
      const latest = 'periodId' in scope ? await latestReport(db, code, scope.periodId) : undefined;
      input = {
        scopeLabel: scope.label,
        ...(await agencyFigures(db, code, scope)),
        units: await tallyByUnit(db, code, scope),
        status: `Số liệu tạm tính đến ${formatDate(new Date().toISOString())}${latest ? ` (đã nộp lần ${latest.version})` : ' (chưa nộp)'}.`,
      };
    }
    const tables = agencyTables({ agency, ...input });
    const fileName = `bao-cao-${agency.code}-${vietnamToday()}`;
    if (format === 'xlsx') return download(c, await toXlsx(tables), `${fileName}.xlsx`, 'xlsx');
    if (c.req.query('table') === 'units') {
      const byUnit = tables.find((t) => t.name === unitSheetName);
      if (!byUnit) throw new Problem('404.1', { field: 'table', detail: 'Cơ quan chưa có đơn vị trực thuộc.' });
      return download(c, toCsv(byUnit), `${fileName}-theo-don-vi.csv`, 'csv');
    }
    return download(c, toCsv(tables.find((t) => t.name === participantSheetName)!), `${fileName}.csv`, 'csv');
  };
  r.get('/export.xlsx', exportFile('xlsx'));
  r.get('/export.csv', exportFile('csv'));

  return r;
}

async function latestReport(db: Db, agency: string, periodId: string) {
  return db.selectFrom('agency_reports').selectAll().where('agency_code', '=', agency).where('period_id', '=', periodId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

function statusLine(r: Selectable<AgencyReportTable>) {
  return `Đã nộp lần ${r.version} lúc ${formatDate(r.submitted_at)} bởi ${r.submitted_by_name}${Number(r.late) ? ' (nộp muộn)' : ''}.`;
}

function summary(r: Selectable<AgencyReportTable>) {
  return {
    id: r.id,
    agencyCode: r.agency_code,
    periodId: r.period_id,
    version: Number(r.version),
    tally: JSON.parse(r.tally) as Tally,
    note: r.note,
    submittedBy: { id: r.submitted_by, fullName: r.submitted_by_name },
    submittedAt: r.submitted_at,
    late: Number(r.late) === 1,
    document: documentFieldsOf(r),
  };
}

const full = (r: Selectable<AgencyReportTable>) => ({ ...summary(r), participants: JSON.parse(r.participants) as ParticipantRow[], units: unitsOf(r) });
