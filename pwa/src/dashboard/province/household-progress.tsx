import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { DataTable, type Column } from '../../../../components/data-table';
import { formatDate, formatNumber, parseDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { InlineField } from '../inline-field';
import type { CommuneProgress } from '../../../../lib/api/kiosk';

export type { CommuneProgress };


/** Progress bar text and fill for a percentage against the target. */
function Progress({ percent, target }: { percent: number | null; target: number }) {
  if (percent === null) return <span class="dash-muted">Chưa có số hộ</span>;
  return (
    <span>
      {formatNumber(percent)}% {percent >= target ? '✓ đạt' : `(còn thiếu ${formatNumber(target - percent)}%)`}
      <span class="dash-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (percent / target) * 100)}%` }} />
      </span>
    </span>
  );
}

/** Each commune's share of households with both a digital shop and an e-payment account, vs 50% by the district's deadline. */
export function HouseholdProgress() {
  const { data, error, reload } = useLoad<{ targetPercent: number; communes: CommuneProgress[] }>('/api/kiosk/progress');
  // The province enters what no public source gives: each commune's household count, each district's deadline. What
  // came of it is said under the field that was saved (components: InlineField).
  async function save(path: string, body: unknown, done: string, what: string): Promise<Outcome> {
    try {
      await sendJson('PATCH', path, body);
      reload();
      return { text: done };
    } catch (e) {
      return { text: `Chưa lưu được ${what}: ${describeError(e)}`, error: true };
    }
  }
  async function saveHouseholds(c: CommuneProgress, text: string): Promise<Outcome> {
    const n = text.trim() === '' ? null : Number(text.replace(/\./g, ''));
    if (n !== null && (!Number.isInteger(n) || n < 0)) return { text: `Số hộ của ${c.communeName} cần là số nguyên không âm (để trống nếu chưa rõ).`, error: true };
    return save(`/api/province/communes/${c.communeCode}`, { householdCount: n }, `Đã lưu số hộ của ${c.communeName}: ${n === null ? 'chưa rõ' : formatNumber(n)}.`, `số hộ của ${c.communeName}`);
  }
  async function saveDeadline(d: { code: string; name: string }, text: string): Promise<Outcome> {
    const iso = text.trim() === '' ? null : parseDate(text);
    if (text.trim() !== '' && !iso) return { text: `Hạn của ${d.name} cần là một ngày dạng dd/mm/yyyy.`, error: true };
    return save(`/api/province/districts/${d.code}`, { signupDeadline: iso }, `Đã lưu hạn của ${d.name}: ${iso ? formatDate(iso) : 'chưa đặt'}.`, `hạn của ${d.name}`);
  }
  if (error) return <StatusMessage error={`Chưa xem được tiến độ hộ đăng ký: ${error}`} />;
  if (!data) return <p>Đang tải…</p>;
  const target = data.targetPercent;
  const reached = data.communes.filter((c) => c.percentBoth !== null && c.percentBoth >= target).length;
  const districts = summariseDistricts(data.communes);
  const columns: Column<CommuneProgress>[] = [
    { key: 'communeName', label: 'Xã, phường, thị trấn', value: (c) => c.communeName },
    { key: 'districtName', label: 'Huyện, thành phố', value: (c) => c.districtName },
    {
      key: 'householdCount',
      label: 'Số hộ',
      kind: 'number',
      value: (c) => c.householdCount,
      render: (c) => <InlineField label={`Số hộ của ${c.communeName}`} saveLabel={`Lưu số hộ của ${c.communeName}`} initial={c.householdCount === null ? '' : String(c.householdCount)} numeric placeholder="chưa rõ" onSave={(t) => saveHouseholds(c, t)} />,
    },
    { key: 'signedUp', label: 'Đã đăng ký', kind: 'number', value: (c) => c.signedUp },
    { key: 'shopsOpened', label: 'Có cửa hàng số', kind: 'number', value: (c) => c.shopsOpened },
    { key: 'paymentAccounts', label: 'Có tài khoản thanh toán', kind: 'number', value: (c) => c.paymentAccounts },
    { key: 'percentBoth', label: `Tỷ lệ (mục tiêu ${target}%)`, kind: 'number', value: (c) => c.percentBoth, render: (c) => <Progress percent={c.percentBoth} target={target} /> },
    { key: 'deadline', label: 'Hạn của huyện', kind: 'date', value: (c) => c.deadline },
  ];
  return (
    <section aria-labelledby="hh-h">
      <h2 id="hh-h">Hộ nông dân mở cửa hàng số và tài khoản thanh toán</h2>
      <p>
        {reached} trong {data.communes.length} xã đã đạt mục tiêu {target}% số hộ có cả cửa hàng số và tài khoản thanh toán điện tử.
      </p>
      <div class="data-table">
        <table>
          <caption>Theo huyện</caption>
          <thead>
            <tr>
              <th scope="col">Huyện, thành phố</th>
              <th scope="col" class="num">Số hộ</th>
              <th scope="col" class="num">Có cả hai</th>
              <th scope="col">Tỷ lệ</th>
              <th scope="col">Hạn</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.name}</th>
                <td class="num">{d.households === null ? '—' : formatNumber(d.households)}</td>
                <td class="num">{formatNumber(d.both)}</td>
                <td>
                  <Progress percent={d.percent} target={target} />
                </td>
                <td>
                  <InlineField label={`Hạn của ${d.name}`} saveLabel={`Lưu hạn của ${d.name}`} initial={d.deadline ? formatDate(d.deadline) : ''} placeholder="dd/mm/yyyy" onSave={(t) => saveDeadline(d, t)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DataTable caption="Theo xã" columns={columns} rows={data.communes} rowKey={(c) => c.communeCode} searchLabel="Tìm xã hoặc huyện (không cần gõ dấu)" />
    </section>
  );
}

/** Adds communes up per district; the percentage only over communes whose household count is known. */
export function summariseDistricts(communes: CommuneProgress[]) {
  const by = new Map<string, { code: string; name: string; households: number | null; both: number; bothKnown: number; deadline: string | null }>();
  for (const c of communes) {
    const d = by.get(c.districtCode) ?? { code: c.districtCode, name: c.districtName, households: null, both: 0, bothKnown: 0, deadline: c.deadline };
    d.both += c.both;
    if (c.householdCount !== null) {
      d.households = (d.households ?? 0) + c.householdCount;
      d.bothKnown += c.both;
    }
    by.set(c.districtCode, d);
  }
  return [...by.values()].map((d) => ({ ...d, percent: d.households ? Math.round((d.bothKnown / d.households) * 1000) / 10 : null }));
}
