import { useState } from 'preact/hooks';
import { DateText } from '../../../../components/date-text';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate, formatNumber, formatPercent, parseDate, parseDecimal } from '../../../../lib/format';
import { vietnamToday } from '../../../../lib/periods';
import { staffShare } from '../../../../lib/marketplace-volume';
import { marketplaces, type Marketplace } from '../../../../lib/marketplaces/hosts';
import { operatorOf, type VolumeAnswer, type VolumeSpan } from '../../../../lib/api/marketplace-volume';
import { describeError, sendJson } from '../api';
import { EmptyState } from '../empty-state';
import { LineChart } from '../line-chart';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './scope';
import { DateField } from '../date-field';

const tonnes = (n: number) => `${formatNumber(n, 3)} tấn`;

/**
 * The marketplaces' own volume against the ~10 tấn/ngày aim, as the operators report it (issue 13, item 3), and the
 * staff purchases as the small, labelled part of it on their own kg scale; the province types the reports in here.
 */
export function MarketplaceVolume({ scope }: { scope: Scope }) {
  const { data, error, reload } = useLoad<VolumeAnswer>(`/api/province/marketplace-volume?${scopeQuery(scope)}`);
  if (error) return <StatusMessage error={error} />;
  if (!data) return <p>Đang tải…</p>;
  const reported = data.days.filter((d) => d.tonnes !== null);
  const bought = data.days.filter((d) => d.staffKg > 0);
  const aim = data.aimTonnesPerDay;
  const average = reported.length ? reported.reduce((s, d) => s + d.tonnes!, 0) / reported.length : 0;
  const partial = reported.filter((d) => d.marketplaces.length < marketplaces.length).length;
  const share = staffShare(data.days);
  const staffKg = reported.reduce((s, d) => s + d.staffKg, 0);
  return (
    <section aria-labelledby="volume-h">
      <h2 id="volume-h">Khối lượng nông sản trên hai sàn, {data.scope.label}</h2>
      {reported.length === 0 ? (
        <EmptyState action={{ href: '#volume-form', label: 'Nhập số liệu khối lượng của các sàn' }}>
          Chưa có số liệu khối lượng của các sàn từ {formatDate(data.scope.from)} đến {formatDate(data.scope.to)}. Mục tiêu khoảng {formatNumber(aim)} tấn/ngày là khối lượng cả hai sàn bán được; số
          đó do Viettel Post (langson.voso.vn) và Bưu điện tỉnh (langson.postmart.vn) báo cáo, theo ngày hoặc theo tuần. Nhập từng báo cáo ở mẫu dưới.
        </EmptyState>
      ) : (
        <>
          <p>
            {reported.length} ngày có báo cáo, trung bình {tonnes(average)}/ngày so với mục tiêu khoảng {formatNumber(aim)} tấn/ngày; {reported.filter((d) => d.tonnes! >= aim).length} ngày đạt mục tiêu.
            {partial > 0 && ` ${partial} ngày chỉ có báo cáo của một sàn (số của ngày đó chưa đủ).`} Báo cáo theo tuần được chia đều cho 7 ngày.
          </p>
          <LineChart
            title="Khối lượng các sàn báo cáo, tấn mỗi ngày"
            summary={`${reported.length} ngày có báo cáo, trung bình ${tonnes(average)} mỗi ngày, mục tiêu ${formatNumber(aim)} tấn mỗi ngày.`}
            points={reported.map((d) => ({ date: d.date, value: d.tonnes! }))}
            format={(n) => formatNumber(n, 3)}
            axisLabel="tấn/ngày"
            target={aim}
            targetLabel={`Mục tiêu ${formatNumber(aim)} tấn/ngày`}
          />
        </>
      )}
      <h3>Phần do cán bộ mua (thang riêng, tính bằng kg)</h3>
      {bought.length === 0 ? (
        <EmptyState>Chưa có đơn nông sản nào của cán bộ được tính trong thời gian này.</EmptyState>
      ) : (
        <>
          <p>
            Cán bộ, công chức mua khoảng {formatNumber(bought.reduce((s, d) => s + d.staffKg, 0))} kg trong {bought.length} ngày (ước tính từ các mặt hàng có ghi khối lượng).{' '}
            {share === null
              ? 'Chưa so được với khối lượng các sàn vì chưa có báo cáo của sàn cho những ngày này.'
              : `Trong những ngày các sàn có báo cáo, cán bộ mua ${formatNumber(staffKg)} kg, bằng ${formatPercent(share)} khối lượng các sàn báo cáo.`}
          </p>
          <LineChart
            title="Cán bộ mua nông sản, kg mỗi ngày"
            summary={`${bought.length} ngày có đơn, tổng khoảng ${formatNumber(bought.reduce((s, d) => s + d.staffKg, 0))} kg.`}
            points={bought.map((d) => ({ date: d.date, value: d.staffKg }))}
            format={(n) => formatNumber(n)}
            axisLabel="kg/ngày"
          />
        </>
      )}
      <VolumeForm onSaved={reload} />
      {data.reports.length > 0 && <VolumeTable answer={data} onDeleted={reload} />}
    </section>
  );
}

/**
 * A fresh id for one report typed in. Not crypto.randomUUID: the dashboard may be opened over plain http on the
 * province's network, where only getRandomValues exists.
 */
const newReportId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const blank = { marketplace: marketplaces[0] as Marketplace, span: 'day' as VolumeSpan, startsOn: '', tonnes: '', source: '' };

/** One operator's report typed in: which marketplace, a day or a week, the tonnes, and where the figure came from. */
function VolumeForm({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState({ ...blank, startsOn: formatDate(vietnamToday()) });
  // One id per report typed, kept across retries so a second click or a resend stores it once.
  const [id, setId] = useState(newReportId);
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof blank) => (e: Event) => setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));

  async function save(e: Event) {
    e.preventDefault();
    const startsOn = parseDate(form.startsOn);
    const t = parseDecimal(form.tonnes);
    if (!startsOn) return setMessage({ text: `Ngày cần theo dạng dd/mm/yyyy, ví dụ ${formatDate(vietnamToday())}.`, error: true });
    if (t === null) return setMessage({ text: 'Khối lượng là một số tấn, ví dụ 8,5 (dấu phẩy trước phần lẻ).', error: true });
    if (form.source.trim().length < 3) return setMessage({ text: 'Ghi nguồn số liệu, ví dụ "Báo cáo tuần của Viettel Post ngày 06/09/2021".', error: true });
    setBusy(true);
    try {
      await sendJson('POST', '/api/province/marketplace-volume', { id, marketplace: form.marketplace, span: form.span, startsOn, tonnes: t, source: form.source });
      setMessage({ text: `Đã lưu ${tonnes(t)} của ${operatorOf[form.marketplace]} ${form.span === 'week' ? 'tuần từ' : 'ngày'} ${formatDate(startsOn)}.` });
      setForm((f) => ({ ...f, tonnes: '', source: '' }));
      setId(newReportId());
      onSaved();
    } catch (err) {
      setMessage({ text: `Chưa lưu được: ${describeError(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id="volume-form" onSubmit={save}>
      <fieldset>
        <legend>Nhập khối lượng theo báo cáo của sàn</legend>
        <div class="dash-row">
          <label>
            Sàn (đơn vị báo cáo)
            <select value={form.marketplace} onChange={set('marketplace')}>
              {marketplaces.map((m) => (
                <option key={m} value={m}>
                  {operatorOf[m]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Số liệu của
            <select value={form.span} onChange={set('span')}>
              <option value="day">một ngày</option>
              <option value="week">một tuần (7 ngày)</option>
            </select>
          </label>
          <DateField label={form.span === 'week' ? 'Ngày đầu tuần' : 'Ngày'} value={form.startsOn} onInput={set('startsOn')} />
          <label>
            Khối lượng (tấn)
            <input inputMode="decimal" value={form.tonnes} onInput={set('tonnes')} />
          </label>
        </div>
        <label>
          Nguồn số liệu (báo cáo nào, ngày nào)
          <input value={form.source} maxLength={300} onInput={set('source')} />
        </label>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu số liệu'}
          </button>
        </p>
        <StatusMessage message={message} />
      </fieldset>
    </form>
  );
}

/** The reports typed so far for the scope, newest first, each removable (a wrong line is deleted, then typed again). */
function VolumeTable({ answer, onDeleted }: { answer: VolumeAnswer; onDeleted: () => void }) {
  const [message, setMessage] = useState<Outcome | null>(null);
  async function remove(id: string, what: string) {
    try {
      await sendJson('DELETE', `/api/province/marketplace-volume/${encodeURIComponent(id)}`);
      setMessage({ text: `Đã xóa ${what}.` });
      onDeleted();
    } catch (err) {
      setMessage({ text: `Chưa xóa được: ${describeError(err)}`, error: true });
    }
  }
  return (
    <div class="data-table">
      <StatusMessage message={message} />
      <table>
        <caption>Số liệu các sàn đã nhập</caption>
        <thead>
          <tr>
            <th scope="col">Sàn</th>
            <th scope="col">Từ ngày</th>
            <th scope="col">Đến ngày</th>
            <th scope="col" class="num">Khối lượng (tấn)</th>
            <th scope="col">Nguồn</th>
            <th scope="col">Xóa</th>
          </tr>
        </thead>
        <tbody>
          {answer.reports.map((r) => {
            const what = `số liệu ${operatorOf[r.marketplace]} ${r.span === 'week' ? 'tuần từ' : 'ngày'} ${formatDate(r.startsOn)}`;
            return (
              <tr key={r.id}>
                <th scope="row">{operatorOf[r.marketplace]}</th>
                <td><DateText iso={r.startsOn} /></td>
                <td><DateText iso={r.endsOn} /></td>
                <td class="num">{formatNumber(r.tonnes, 3)}</td>
                <td>{r.source}</td>
                <td>
                  <button type="button" class="secondary" aria-label={`Xóa ${what}`} onClick={() => remove(r.id, what)}>
                    Xóa
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
