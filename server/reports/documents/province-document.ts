import { formatDate, formatNumber } from '../../../lib/format';
import { langSon } from '../../../lib/region';
import type { ReportState } from '../../../lib/api/province';
import type { ProvinceReport } from '../../../lib/api/province';
import { officialDocumentDocx } from './official-document';
import { directiveRef, figureCells, figureColumns, figureLines, positionLines, subjectOf, vnDate } from './wording';

const stateWords: Record<ReportState, string> = { submitted: 'Đã báo cáo', late: 'Báo cáo muộn', 'not-yet': 'Chưa báo cáo' };

/** Sở TT&TT's báo cáo tổng hợp to UBND tỉnh, from a snapshot (server/reports/province-reports.ts). */
export async function provinceReportDocx(r: ProvinceReport): Promise<{ body: Buffer; fileName: string }> {
  const s = r.snapshot;
  const office = langSon.provinceOffice;
  const reported = s.counts.submitted + s.counts.late;
  const body = await officialDocumentDocx({
    parentBody: office.parentBody,
    issuer: office.name,
    docNumber: r.document.docNumber,
    symbol: office.symbol,
    place: office.place,
    date: vnDate(r.createdAt),
    subject: subjectOf(s.period.name),
    to: ['Ủy ban nhân dân tỉnh'],
    body: [
      `Thực hiện ${directiveRef}, ${office.name} tổng hợp báo cáo của các cơ quan, đơn vị về kết quả ${s.period.name} (từ ngày ${formatDate(s.period.startsOn)} đến ngày ${formatDate(s.period.endsOn)}) như sau:`,
      `Số cơ quan, đơn vị đã báo cáo: ${reported}/${s.agencies.length}${s.counts.late ? ` (trong đó ${s.counts.late} báo cáo muộn)` : ''}; chưa báo cáo: ${s.counts['not-yet']}. Tổng số CB, CC, VC, NLĐ toàn tỉnh (kể cả cấp xã): ${formatNumber(s.provinceHeadcount)} người.`,
      ...figureLines(s.totals),
    ],
    table: {
      caption: 'Kết quả của từng cơ quan, đơn vị',
      columns: figureColumns('Cơ quan, đơn vị', [{ header: 'Tình trạng báo cáo', widthMm: 22 }]),
      rows: s.agencies.map((a, i) => [String(i + 1), a.name, stateWords[a.state], ...figureCells(a.tally)]),
      totals: ['', 'Toàn tỉnh', '', ...figureCells(s.totals)],
    },
    closing: `Trên đây là báo cáo tổng hợp kết quả thực hiện Công văn số ${langSon.directive.number}, ${office.name} kính báo cáo Ủy ban nhân dân tỉnh./.`,
    recipients: r.document.recipients ?? [],
    signerPosition: positionLines(r.document.signerPosition, 'GIÁM ĐỐC'),
    signerName: r.document.signerName ?? r.createdBy,
  });
  return { body, fileName: `bao-cao-tong-hop-${s.period.id}-lan-${r.version}.docx` };
}
