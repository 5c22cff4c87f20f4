import { DataTable, type Column } from '../../../../components/data-table';
import { Money } from '../../../../components/money';
import { formatNumber } from '../../../../lib/format';
import type { Tally } from '../../../../lib/tally';
import type { UnitTally } from '../../../../lib/api/agency';
import { figureNames } from '../../../../lib/vocabulary';

const columns: Column<UnitTally>[] = [
  { key: 'name', label: 'Đơn vị trực thuộc', value: (u) => u.name },
  { key: 'participants', label: figureNames.participants, kind: 'number', value: (u) => u.tally.participants },
  { key: 'farmItems', label: figureNames.farmItems, kind: 'number', value: (u) => u.tally.farmItems },
  { key: 'amountVnd', label: figureNames.amountVnd, kind: 'vnd', value: (u) => u.tally.amountVnd },
];

/** The three figures by sub-unit, the agency's totals under them (the lines add up to them: server/reports/tally.ts). */
export function UnitFigures({ units, total, caption }: { units: UnitTally[]; total: Tally; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={units}
      rowKey={(u) => u.unitId ?? 'co-quan'}
      searchLabel="Tìm đơn vị (không cần gõ dấu)"
      footer={
        <tr>
          <th scope="row">Tổng cộng</th>
          <td class="num">{formatNumber(total.participants)}</td>
          <td class="num">{formatNumber(total.farmItems)}</td>
          <td class="num">
            <Money vnd={total.amountVnd} />
          </td>
        </tr>
      }
    />
  );
}
