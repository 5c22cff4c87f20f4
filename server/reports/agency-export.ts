import type { Tally } from '../../lib/tally';
import { formatDate } from '../../lib/format';
import { figureNames } from '../../lib/vocabulary';
import type { Column, Table } from '../export/table';
import type { ParticipantRow, UnitTally } from './tally';
import { noUnitName } from '../../lib/vocabulary';

const totalsOf = (t: Tally) => ({ participants: t.participants, orders: t.orders, farmItems: t.farmItems, quantity: t.quantity, amountVnd: t.amountVnd, kg: t.kg });

/** The tally's columns, shared by the agency report and the province roll-up so both read alike. */
export const tallyColumns: Column[] = [
  { key: 'headcount', header: figureNames.headcount, kind: 'int' },
  { key: 'participants', header: figureNames.participants, kind: 'int' },
  { key: 'participationRate', header: 'Tỷ lệ tham gia', kind: 'percent' },
  { key: 'orders', header: 'Số đơn hàng', kind: 'int' },
  { key: 'farmItems', header: figureNames.farmItems, kind: 'int' },
  { key: 'quantity', header: 'Số lượng (đơn vị)', kind: 'int' },
  { key: 'amountVnd', header: figureNames.amountVnd, kind: 'vnd', width: 20 },
  { key: 'kg', header: 'Ước tính khối lượng (kg)', kind: 'kg' },
];

/** Live numbers beside the submitted ones in the province roll-up, labelled as not reported yet. */
export const liveColumns: Column[] = [
  { key: 'liveParticipants', header: `${figureNames.participants} (chưa nộp / tạm tính)`, kind: 'int' },
  { key: 'liveFarmItems', header: `${figureNames.farmItems} (chưa nộp / tạm tính)`, kind: 'int' },
  { key: 'liveAmountVnd', header: `${figureNames.amountVnd} (chưa nộp / tạm tính)`, kind: 'vnd', width: 20 },
];

export const liveFields = (t: Tally) => ({ liveParticipants: t.participants, liveFarmItems: t.farmItems, liveAmountVnd: t.amountVnd });

const participantColumns: Column[] = [
  { key: 'no', header: 'STT', kind: 'int', width: 6 },
  { key: 'fullName', header: 'Họ và tên', kind: 'text' },
  { key: 'orders', header: 'Số đơn hàng', kind: 'int' },
  { key: 'farmItems', header: figureNames.farmItems, kind: 'int' },
  { key: 'quantity', header: 'Số lượng (đơn vị)', kind: 'int' },
  { key: 'amountVnd', header: figureNames.amountVnd, kind: 'vnd', width: 20 },
  { key: 'kg', header: 'Ước tính khối lượng (kg)', kind: 'kg' },
  { key: 'selfDeclared', header: 'Đơn tự khai', kind: 'int' },
];

/** A sub-unit's line: its figures without the headcount and rate, which are the agency's. */
const unitColumns: Column[] = [
  { key: 'no', header: 'STT', kind: 'int', width: 6 },
  { key: 'name', header: 'Đơn vị trực thuộc', kind: 'text', width: 40 },
  ...tallyColumns.filter((c) => c.key !== 'headcount' && c.key !== 'participationRate'),
];

export const participantSheetName = 'Người tham gia';
export const unitSheetName = 'Theo đơn vị trực thuộc';

export interface AgencyExportInput {
  agency: { code: string; name: string };
  scopeLabel: string;
  tally: Tally;
  /** The figures by sub-unit (they add up to `tally`), or null for an agency without sub-units. */
  units: UnitTally[] | null;
  participants: ParticipantRow[];
  /** "Đã nộp lần 2 lúc …" or "Số liệu tạm tính (chưa nộp)". */
  status: string;
}

/**
 * The agency's numbers on one line; by sub-unit (one line each, the agency's totals under them) when it has
 * sub-units; one line per participant with a totals row.
 */
export function agencyTables(x: AgencyExportInput): Table[] {
  const caption = [`Báo cáo kết quả mua nông sản trực tuyến — ${x.agency.name} (${x.agency.code})`, `${x.scopeLabel}. ${x.status}`, `Xuất ngày ${formatDate(new Date().toISOString())}`];
  const people = x.participants.filter((p) => p.participated);
  return [
    {
      name: 'Tổng hợp',
      caption,
      columns: [{ key: 'agency', header: 'Cơ quan, đơn vị', kind: 'text', width: 40 }, ...tallyColumns],
      rows: [{ agency: x.agency.name, ...x.tally }],
    },
    ...(x.units
      ? [
          {
            name: unitSheetName,
            caption,
            columns: unitColumns,
            rows: x.units.map((u, i) => ({ no: i + 1, name: u.name, ...u.tally })),
            totals: { name: 'Tổng cộng', ...totalsOf(x.tally) },
          },
        ]
      : []),
    {
      name: participantSheetName,
      caption,
      // Each person's sub-unit beside their name, for an agency that has sub-units.
      columns: x.units ? [...participantColumns.slice(0, 2), { key: 'unitName', header: 'Đơn vị trực thuộc', kind: 'text', width: 30 }, ...participantColumns.slice(2)] : participantColumns,
      rows: people.map((p, i) => ({ no: i + 1, ...p, unitName: p.unit?.name ?? noUnitName })),
      totals: {
        fullName: `Tổng cộng (${people.length} người)`,
        orders: x.tally.orders,
        farmItems: x.tally.farmItems,
        quantity: x.tally.quantity,
        amountVnd: x.tally.amountVnd,
        kg: x.tally.kg,
        selfDeclared: people.reduce((s, p) => s + p.selfDeclared, 0),
      },
    },
  ];
}
