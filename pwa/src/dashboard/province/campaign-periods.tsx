import { useState } from 'preact/hooks';
import { formatDate, parseDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { foldVietnamese } from '../fold';
import { usePeriods } from '../periods';

/** A stable id for a new period from its name and start: "Đợt 2 năm 2021" from 01/10/2021 → "2021-10-dot-2-nam-2021". */
export function periodId(name: string, startsOn: string): string {
  const slug = foldVietnamese(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${startsOn.slice(0, 7)}-${slug}`.slice(0, 40).replace(/-$/, '');
}

/** Campaign periods and their report deadlines, as data the province edits (dates typed dd/mm/yyyy). */
export function CampaignPeriods({ onChanged }: { onChanged: () => void }) {
  const periods = usePeriods();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [reportDue, setReportDue] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function add(e: Event) {
    e.preventDefault();
    const dates = { startsOn: parseDate(startsOn), endsOn: parseDate(endsOn), reportDue: parseDate(reportDue) };
    const bad = (Object.keys(dates) as (keyof typeof dates)[]).find((k) => !dates[k]);
    if (!name.trim()) return setMessage({ text: 'Xin nhập tên đợt.', error: true });
    if (bad) return setMessage({ text: 'Ngày cần theo dạng dd/mm/yyyy, ví dụ 30/09/2021.', error: true });
    if (dates.endsOn! < dates.startsOn!) return setMessage({ text: 'Ngày kết thúc phải sau ngày bắt đầu.', error: true });
    try {
      await sendJson('POST', '/api/province/periods', { id: periodId(name, dates.startsOn!), name: name.trim(), ...dates });
      setMessage({ text: `Đã thêm ${name.trim()}.`, error: false });
      setName('');
      setStartsOn('');
      setEndsOn('');
      setReportDue('');
      periods.reload();
      onChanged();
    } catch (err) {
      setMessage({ text: `Chưa thêm được đợt: ${describeError(err)}`, error: true });
    }
  }

  return (
    <section aria-labelledby="periods-h">
      <h2 id="periods-h">Đợt vận động và hạn báo cáo</h2>
      {periods.error && <p role="alert" class="dash-error">{periods.error}</p>}
      <div class="dash-table">
        <table>
          <caption>Các đợt</caption>
          <thead>
            <tr>
              <th scope="col">Tên đợt</th>
              <th scope="col">Từ ngày</th>
              <th scope="col">Đến ngày</th>
              <th scope="col">Hạn báo cáo</th>
            </tr>
          </thead>
          <tbody>
            {periods.data?.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{formatDate(p.startsOn)}</td>
                <td>{formatDate(p.endsOn)}</td>
                <td>{formatDate(p.reportDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={add}>
        <fieldset>
          <legend>Thêm đợt mới</legend>
          <div class="dash-row">
            <label>
              Tên đợt
              <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label>
              Từ ngày (dd/mm/yyyy)
              <input inputMode="numeric" placeholder="01/10/2021" value={startsOn} onInput={(e) => setStartsOn(e.currentTarget.value)} />
            </label>
            <label>
              Đến ngày (dd/mm/yyyy)
              <input inputMode="numeric" placeholder="31/12/2021" value={endsOn} onInput={(e) => setEndsOn(e.currentTarget.value)} />
            </label>
            <label>
              Hạn báo cáo (dd/mm/yyyy)
              <input inputMode="numeric" placeholder="31/12/2021" value={reportDue} onInput={(e) => setReportDue(e.currentTarget.value)} />
            </label>
          </div>
          <button type="submit">Thêm đợt</button>
        </fieldset>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'dash-error' : 'dash-ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
