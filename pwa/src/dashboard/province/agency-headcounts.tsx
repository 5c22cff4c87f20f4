import { useState } from 'preact/hooks';
import { outcomeOf, StatusMessage, type Outcome, type RowOutcome } from '../../../../components/status-message';
import { DataTable, type Column } from '../../../../components/data-table';
import { formatNumber } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { InlineField } from '../inline-field';
import type { AgencyView } from '../../../../lib/api/province';
import { figureNames } from '../../../../lib/vocabulary';
import { AgencyUnits } from '../agency/units';

export type AgencyRow = AgencyView;

/** The province keeps each agency's headcount (28,385 across the province) current: the rate depends on it. */
export function AgencyHeadcounts() {
  const list = useLoad<{ agencies: AgencyRow[] }>('/api/province/agencies');
  const [locked, setLocked] = useState<RowOutcome | null>(null);
  // The agency whose sub-units the province has opened below the table.
  const [unitsOf, setUnitsOf] = useState<AgencyRow | null>(null);
  const total = list.data?.agencies.reduce((s, a) => s + (a.headcount ?? 0), 0) ?? 0;

  async function save(a: AgencyRow, text: string): Promise<Outcome> {
    const headcount = text.trim() === '' ? null : Number(text.replace(/\./g, ''));
    if (headcount !== null && (!Number.isInteger(headcount) || headcount < 0 || headcount > 100_000)) return { text: `Tổng số CB, CC, VC, NLĐ của ${a.name} cần là số nguyên không âm.`, error: true };
    try {
      await sendJson('PATCH', `/api/province/agencies/${encodeURIComponent(a.code)}`, { headcount });
      list.reload();
      return { text: `Đã lưu tổng số CB, CC, VC, NLĐ của ${a.name}: ${headcount === null ? 'chưa rõ' : formatNumber(headcount)}.` };
    } catch (e) {
      return { text: `Chưa lưu được tổng số CB, CC, VC, NLĐ của ${a.name}: ${describeError(e)}`, error: true };
    }
  }

  async function lock(a: AgencyRow, headcountLocked: boolean) {
    try {
      await sendJson('PATCH', `/api/province/agencies/${encodeURIComponent(a.code)}`, { headcountLocked });
      setLocked({ row: a.code, text: `Đã ${headcountLocked ? 'khóa' : 'mở khóa'} tổng số CB, CC, VC, NLĐ của ${a.name}.` });
      list.reload();
    } catch (e) {
      setLocked({ row: a.code, text: `Chưa ${headcountLocked ? 'khóa' : 'mở khóa'} được: ${describeError(e)}`, error: true });
    }
  }

  const columns: Column<AgencyRow>[] = [
    { key: 'code', label: 'Mã', value: (a) => a.code },
    { key: 'name', label: 'Cơ quan', value: (a) => a.name },
    { key: 'enrolledStaff', label: 'Cán bộ đã đăng ký', kind: 'number', value: (a) => a.enrolledStaff },
    { key: 'focalPoints', label: 'Tài khoản đầu mối', kind: 'number', value: (a) => a.focalPoints },
    {
      key: 'headcount',
      label: figureNames.headcount,
      kind: 'number',
      value: (a) => a.headcount,
      render: (a) => (
        <InlineField label={`${figureNames.headcount} của ${a.name}`} saveLabel={`Lưu tổng số CB, CC, VC, NLĐ của ${a.name}`} initial={a.headcount === null ? '' : String(a.headcount)} numeric onSave={(t) => save(a, t)} />
      ),
    },
    {
      key: 'headcountLocked',
      label: 'Khóa (cơ quan không tự sửa)',
      value: (a) => (a.headcountLocked ? 'Đã khóa' : 'Cơ quan tự nhập'),
      render: (a) => (
        <>
          <button type="button" class="secondary" onClick={() => void lock(a, !a.headcountLocked)} aria-label={`${a.headcountLocked ? 'Mở khóa' : 'Khóa'} tổng số CB, CC, VC, NLĐ của ${a.name}`}>
            {a.headcountLocked ? 'Mở khóa' : 'Khóa'}
          </button>
          <StatusMessage message={outcomeOf(locked, a.code)} />
        </>
      ),
    },
    {
      key: 'units',
      label: 'Đơn vị trực thuộc',
      searchable: false,
      value: () => null,
      render: (a) => (
        <button type="button" class="secondary" onClick={() => setUnitsOf(a)} aria-label={`Xem đơn vị trực thuộc của ${a.name}`}>
          Xem
        </button>
      ),
    },
  ];
  return (
    <section aria-labelledby="hc-h">
      <h2 id="hc-h">Cơ quan và số CB, CC, VC, NLĐ</h2>
      {list.data && <p>{figureNames.headcount} các cơ quan đã nhập: {formatNumber(total)} người.</p>}
      <StatusMessage error={list.error} />
      {list.data && <DataTable caption={`${figureNames.headcount} từng cơ quan`} columns={columns} rows={list.data.agencies} rowKey={(a) => a.code} searchLabel="Tìm cơ quan (không cần gõ dấu)" />}
      {unitsOf && <AgencyUnits key={unitsOf.code} path={`/api/province/agencies/${encodeURIComponent(unitsOf.code)}/units`} agencyName={unitsOf.name} />}
    </section>
  );
}
