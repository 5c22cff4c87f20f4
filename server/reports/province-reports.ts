import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DocumentFields } from '../../lib/api/fields';
import type { ProvinceReport, ProvinceSnapshot } from '../../lib/api/province';
import type { Db } from '../db';
import type { ProvinceReportTable } from '../db/schema-staff';
import { Problem } from '../problem';
import { provinceRollup } from './rollup';

export async function createProvinceReport(db: Db, fields: DocumentFields & { periodId: string }, by: { id: string; fullName: string }): Promise<ProvinceReport> {
  const period = await db.selectFrom('periods').selectAll().where('id', '=', fields.periodId).executeTakeFirst();
  if (!period) throw new Problem('400.2', { field: 'periodId', detail: 'Không có đợt này.' });
  const rollup = await provinceRollup(db, { periodId: period.id, label: period.name });
  const agencies = rollup.agencies
    .filter((a) => a.active)
    .map((a) => ({ code: a.code, name: a.name, group: a.group, state: a.report.state, reportId: a.report.id, version: a.report.version, submittedAt: a.report.submittedAt, tally: a.tally }));
  const snapshot: ProvinceSnapshot = {
    period: { id: period.id, name: period.name, startsOn: period.starts_on, endsOn: period.ends_on },
    provinceHeadcount: rollup.provinceHeadcount,
    agencies,
    totals: rollup.totals,
    counts: { submitted: rollup.counts.submitted, late: rollup.counts.late, 'not-yet': rollup.counts['not-yet'] },
  };
  const row = await db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('province_reports').select((eb) => eb.fn.max('version').as('v')).where('period_id', '=', period.id).executeTakeFirst();
    const values = {
      id: randomUUID(),
      period_id: period.id,
      version: Number(last?.v ?? 0) + 1,
      snapshot: JSON.stringify(snapshot),
      doc_number: fields.docNumber || null,
      signer_name: fields.signerName || null,
      signer_position: fields.signerPosition || null,
      recipients: fields.recipients?.length ? JSON.stringify(fields.recipients) : null,
      created_by: by.id,
      created_by_name: by.fullName,
      created_at: new Date().toISOString(),
    };
    await trx.insertInto('province_reports').values(values).execute();
    return values;
  });
  return provinceReportOf(row);
}

export function provinceReportOf(r: Selectable<ProvinceReportTable>): ProvinceReport {
  return {
    id: r.id,
    periodId: r.period_id,
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    document: { docNumber: r.doc_number, signerName: r.signer_name, signerPosition: r.signer_position, recipients: r.recipients ? (JSON.parse(r.recipients) as string[]) : null, parentBody: null },
    snapshot: JSON.parse(r.snapshot) as ProvinceSnapshot,
  };
}

export async function provinceReport(db: Db, id: string): Promise<ProvinceReport> {
  const row = await db.selectFrom('province_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Problem('404.1');
  return provinceReportOf(row);
}

export async function provinceReports(db: Db, periodId?: string): Promise<Omit<ProvinceReport, 'snapshot'>[]> {
  let q = db.selectFrom('province_reports').selectAll();
  if (periodId) q = q.where('period_id', '=', periodId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('version', 'desc').execute();
  return rows.map((r) => {
    const { snapshot: _, ...rest } = provinceReportOf(r);
    return rest;
  });
}
