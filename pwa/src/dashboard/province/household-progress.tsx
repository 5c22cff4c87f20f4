import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { DataTable, type Column } from '../../../../components/data-table';
import { formatDate, formatNumber, parseDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { InlineField } from '../inline-field';
import type { CommuneProgress } from '../../../../lib/api/kiosk';
import type { DistrictProgress } from '../../../../lib/api/channels';
import { statusLabels } from '../../../../lib/channels/phases';
import type { Channel } from '../../../../lib/channels/progress';


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

type District = DistrictProgress;

const channelNames: Record<Channel, string> = { kiosk: 'Ki-ốt xã', postmart: 'Bưu điện', voso: 'Viettel Post' };

/**
 * Each commune's and district's share of households with both a digital shop and an e-payment account, from every
 * channel (kiosk, Bưu điện, Viettel Post; each household once), vs the target by the district's phase deadline.
 * The province also enters what no public source gives: household counts and each district's own deadline.
 */
export function HouseholdProgress({ editable = true }: { editable?: boolean }) {
  const { data, error, reload } = useLoad<{ targetPercent: number; communes: CommuneProgress[]; districts: District[] }>('/api/channels/progress');
  // What came of a save is said under the field that was saved (InlineField), not at the top of a long table.
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
  async function saveDeadline(d: { districtCode: string; districtName: string }, text: string): Promise<Outcome> {
    const iso = text.trim() === '' ? null : parseDate(text);
    if (text.trim() !== '' && !iso) return { text: `Hạn của ${d.districtName} cần là một ngày dạng dd/mm/yyyy.`, error: true };
    return save(`/api/province/districts/${d.districtCode}`, { signupDeadline: iso }, `Đã lưu hạn của ${d.districtName}: ${iso ? formatDate(iso) : 'chưa đặt'}.`, `hạn của ${d.districtName}`);
  }
  if (error) return <StatusMessage error={`Chưa xem được tiến độ hộ đăng ký: ${error}`} />;
  if (!data) return <p>Đang tải…</p>;
  const target = data.targetPercent;
  const reached = data.communes.filter((c) => c.percentBoth !== null && c.percentBoth >= target).length;
  const byChannel = (ch: Channel): Column<CommuneProgress> => ({
    key: `ch-${ch}`,
    label: `${channelNames[ch]}: cửa hàng / tài khoản / sản phẩm`,
    value: (c) => c.channels[ch].shops,
    render: (c) => `${formatNumber(c.channels[ch].shops)} / ${formatNumber(c.channels[ch].payments)} / ${formatNumber(c.channels[ch].productsListed)}`,
  });
  const columns: Column<CommuneProgress>[] = [
    { key: 'communeName', label: 'Xã, phường, thị trấn', value: (c) => c.communeName },
    { key: 'districtName', label: 'Huyện, thành phố', value: (c) => c.districtName },
    {
      key: 'householdCount',
      label: 'Số hộ',
      kind: 'number',
      value: (c) => c.householdCount,
      ...(editable ? { render: (c: CommuneProgress) => <InlineField label={`Số hộ của ${c.communeName}`} saveLabel={`Lưu số hộ của ${c.communeName}`} initial={c.householdCount === null ? '' : String(c.householdCount)} numeric placeholder="chưa rõ" onSave={(t) => saveHouseholds(c, t)} /> } : {}),
    },
    { key: 'signedUp', label: 'Đăng ký qua ki-ốt', kind: 'number', value: (c) => c.signedUp },
    { key: 'shopsOpened', label: 'Có cửa hàng số', kind: 'number', value: (c) => c.shopsOpened },
    { key: 'paymentAccounts', label: 'Có tài khoản thanh toán', kind: 'number', value: (c) => c.paymentAccounts },
    { key: 'productsListed', label: 'Sản phẩm đã đăng', kind: 'number', value: (c) => c.productsListed },
    { key: 'percentBoth', label: `Tỷ lệ có cả hai (mục tiêu ${target}%)`, kind: 'number', value: (c) => c.percentBoth, render: (c) => <Progress percent={c.percentBoth} target={target} /> },
    byChannel('kiosk'),
    byChannel('postmart'),
    byChannel('voso'),
    { key: 'deadline', label: 'Hạn', kind: 'date', value: (c) => c.deadline },
  ];
  return (
    <section aria-labelledby="hh-h">
      <h2 id="hh-h">Hộ nông dân mở cửa hàng số và tài khoản thanh toán</h2>
      <p>
        {reached} trong {data.communes.length} xã đã đạt mục tiêu {target}% số hộ có cả cửa hàng số và tài khoản thanh toán điện tử, tính từ mọi kênh (ki-ốt xã, Bưu điện, Viettel Post); mỗi hộ chỉ tính một lần.
      </p>
      <div class="data-table">
        <table>
          <caption>Theo huyện</caption>
          <thead>
            <tr>
              <th scope="col">Huyện, thành phố</th>
              <th scope="col" class="num">Số hộ</th>
              <th scope="col" class="num">Có cửa hàng</th>
              <th scope="col" class="num">Có tài khoản</th>
              <th scope="col" class="num">Có cả hai</th>
              <th scope="col" class="num">Sản phẩm</th>
              <th scope="col">Tỷ lệ</th>
              <th scope="col">Giai đoạn, hạn</th>
              <th scope="col">Tình trạng</th>
            </tr>
          </thead>
          <tbody>
            {data.districts.map((d) => (
              <tr key={d.districtCode}>
                <th scope="row">{d.districtName}</th>
                <td class="num">{d.householdCount === null ? '—' : formatNumber(d.householdCount)}</td>
                <td class="num">{formatNumber(d.shopsOpened)}</td>
                <td class="num">{formatNumber(d.paymentAccounts)}</td>
                <td class="num">{formatNumber(d.both)}</td>
                <td class="num">{formatNumber(d.productsListed)}</td>
                <td>
                  <Progress percent={d.percentBoth} target={target} />
                </td>
                <td>
                  {d.phase ? (
                    `${d.phase.name}: ${d.deadline ? formatDate(d.deadline) : '—'}`
                  ) : editable ? (
                    <InlineField label={`Hạn của ${d.districtName}`} saveLabel={`Lưu hạn của ${d.districtName}`} initial={d.deadline ? formatDate(d.deadline) : ''} placeholder="dd/mm/yyyy" onSave={(t) => saveDeadline(d, t)} />
                  ) : d.deadline ? (
                    formatDate(d.deadline)
                  ) : (
                    '—'
                  )}
                </td>
                <td class={`dash-status-${d.status}`}>{statusLabels[d.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DataTable caption="Theo xã" columns={columns} rows={data.communes} rowKey={(c) => c.communeCode} searchLabel="Tìm xã hoặc huyện (không cần gõ dấu)" />
    </section>
  );
}
