import { formatDate } from '../../../lib/format';
import { langSon } from '../../../lib/region';
import type { Tally } from '../../../lib/tally';
import type { Db } from '../../db';
import { Problem } from '../../problem';
import { officialDocumentDocx } from './official-document';
import { directiveRef, figureCells, figureColumns, figureLines, positionLines, subjectOf, vnDate } from './wording';
import { documentFieldsOf } from './fields';
import { unitsOf } from '../tally';

/** Governing body printed above an agency by default; the focal point may enter another when submitting. */
export const defaultParentBody = (kind: string) => (kind === 'co_quan_chuyen_mon' ? langSon.provinceOffice.parentBody : null);

/** An agency's submitted report as a báo cáo to Sở TT&TT, from the numbers locked at submission. */
export async function agencyReportDocx(db: Db, agencyCode: string, reportId: string): Promise<{ body: Buffer; fileName: string }> {
  const row = await db.selectFrom('agency_reports').selectAll().where('id', '=', reportId).where('agency_code', '=', agencyCode).executeTakeFirst();
  if (!row) throw new Problem('404.1');
  const agency = await db.selectFrom('agencies').select(['code', 'name', 'kind']).where('code', '=', agencyCode).executeTakeFirstOrThrow();
  const period = await db.selectFrom('periods').selectAll().where('id', '=', row.period_id).executeTakeFirstOrThrow();
  const tally = JSON.parse(row.tally) as Tally;
  const units = unitsOf(row);
  const office = langSon.provinceOffice.name;
  const fields = documentFieldsOf(row);
  const body = await officialDocumentDocx({
    parentBody: fields.parentBody ?? defaultParentBody(agency.kind),
    issuer: agency.name,
    docNumber: fields.docNumber,
    symbol: agency.code,
    place: langSon.provinceOffice.place,
    date: vnDate(row.submitted_at),
    subject: subjectOf(period.name),
    to: [office],
    body: [
      `Thực hiện ${directiveRef}, ${agency.name} báo cáo kết quả ${period.name} (từ ngày ${formatDate(period.starts_on)} đến ngày ${formatDate(period.ends_on)}) như sau:`,
      ...figureLines(tally),
    ],
    // A district People's Committee reports each commune and unit under it on its own line; their lines add up
    // to the totals (server/reports/tally.ts tallyByUnit, locked at submission).
    table: units
      ? {
          caption: 'Số liệu theo đơn vị trực thuộc',
          columns: figureColumns('Đơn vị trực thuộc'),
          rows: units.map((u, i) => [String(i + 1), u.name, ...figureCells(u.tally)]),
          totals: ['', 'Tổng cộng', ...figureCells(tally)],
        }
      : {
          caption: 'Số liệu theo đơn vị',
          columns: figureColumns('Đơn vị'),
          rows: [['1', agency.name, ...figureCells(tally)]],
          totals: ['', 'Tổng cộng', ...figureCells(tally)],
        },
    closing: `Trên đây là báo cáo kết quả thực hiện Công văn số ${langSon.directive.number} của ${agency.name}, kính gửi ${office} tổng hợp./.`,
    recipients: fields.recipients ?? [],
    signerPosition: positionLines(fields.signerPosition, 'THỦ TRƯỞNG CƠ QUAN'),
    signerName: fields.signerName ?? row.submitted_by_name,
  });
  return { body, fileName: `bao-cao-${agency.code}-${period.id}-lan-${row.version}.docx` };
}
