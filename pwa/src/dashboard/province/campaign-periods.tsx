import { useEffect, useRef, useState } from 'preact/hooks';
import { reveal } from '../../../../components/reveal';
import { DateText } from '../../../../components/date-text';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate, parseDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { foldVietnamese } from '../../../../lib/text';
import { usePeriods, type Period } from '../periods';
import { PeriodLimits } from './period-limits';
import { proposedPeriod, vietnamToday } from '../../../../lib/periods';
import { DateField } from '../date-field';

/** A stable id for a new period from its name and start: "Đợt 2 năm 2021" from 01/10/2021 → "2021-10-dot-2-nam-2021". */
export function periodId(name: string, startsOn: string): string {
  const slug = foldVietnamese(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${startsOn.slice(0, 7)}-${slug}`.slice(0, 40).replace(/-$/, '');
}

const empty = { name: '', startsOn: '', endsOn: '', reportDue: '' };

/** The new-period form's starting values: from today (lib/periods.ts), typed as the form shows them. */
function proposal(periods: Period[]) {
  const p = proposedPeriod(periods);
  return { name: p.name, startsOn: formatDate(p.startsOn), endsOn: formatDate(p.endsOn), reportDue: formatDate(p.reportDue) };
}

/** Campaign periods and their report deadlines, as data the province adds and corrects (dates typed dd/mm/yyyy). */
export function CampaignPeriods({ onChanged }: { onChanged: () => void }) {
  const periods = usePeriods();
  const [editing, setEditing] = useState<Period | null>(null);
  const [form, setForm] = useState(empty);
  const [message, setMessage] = useState<Outcome | null>(null);
  // Until someone types, the new-period form holds the proposal made from today and the periods already there.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (periods.data && !editing && !touched) setForm(proposal(periods.data.periods));
  }, [periods.data, editing, touched]);
  const field = (k: keyof typeof empty) => ({
    value: form[k],
    onInput: (e: Event) => {
      setTouched(true);
      setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
    },
  });

  // "Sửa" fills the form under the table: the form's first field takes focus there, so the click visibly does something.
  const firstField = useRef<HTMLInputElement>(null);
  function edit(p: Period) {
    setEditing(p);
    setForm({ name: p.name, startsOn: formatDate(p.startsOn), endsOn: formatDate(p.endsOn), reportDue: formatDate(p.reportDue) });
    setMessage(null);
    if (firstField.current) reveal(firstField.current, { focus: true, block: 'center' });
  }

  async function save(e: Event) {
    e.preventDefault();
    const name = form.name.trim();
    const dates = { startsOn: parseDate(form.startsOn), endsOn: parseDate(form.endsOn), reportDue: parseDate(form.reportDue) };
    if (!name) return setMessage({ text: 'Xin nhập tên đợt.', error: true });
    if (!dates.startsOn || !dates.endsOn || !dates.reportDue) return setMessage({ text: `Ngày cần theo dạng dd/mm/yyyy, ví dụ ${formatDate(vietnamToday())}.`, error: true });
    if (dates.endsOn < dates.startsOn) return setMessage({ text: 'Ngày kết thúc phải sau ngày bắt đầu.', error: true });
    try {
      if (editing) await sendJson('PATCH', `/api/province/periods/${encodeURIComponent(editing.id)}`, { name, ...dates });
      else await sendJson('POST', '/api/province/periods', { id: periodId(name, dates.startsOn), name, ...dates });
      setMessage({ text: editing ? `Đã lưu ${name}.` : `Đã thêm ${name}.`, error: false });
      setEditing(null);
      setTouched(false);
      periods.reload();
      onChanged();
    } catch (err) {
      setMessage({ text: `${editing ? 'Chưa lưu được' : 'Chưa thêm được'} đợt: ${describeError(err)}`, error: true });
    }
  }

  return (
    <section aria-labelledby="periods-h">
      <h2 id="periods-h">Đợt vận động và hạn báo cáo</h2>
      <StatusMessage error={periods.error} />
      <div class="data-table">
        <table>
          <caption>Các đợt</caption>
          <thead>
            <tr>
              <th scope="col">Tên đợt</th>
              <th scope="col">Từ ngày</th>
              <th scope="col">Đến ngày</th>
              <th scope="col">Hạn báo cáo</th>
              <th scope="col">Sửa</th>
            </tr>
          </thead>
          <tbody>
            {periods.data?.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td><DateText iso={p.startsOn} /></td>
                <td><DateText iso={p.endsOn} /></td>
                <td><DateText iso={p.reportDue} /></td>
                <td>
                  <button type="button" class="secondary" onClick={() => edit(p)} aria-label={`Sửa ${p.name}`}>
                    Sửa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={save}>
        <fieldset>
          <legend>{editing ? `Sửa ${editing.name}` : 'Thêm đợt mới'}</legend>
          {editing && <p class="dash-muted">Đơn hàng đã nhận vẫn thuộc đợt đã được tính khi nhận.</p>}
          <div class="dash-row">
            <label>
              Tên đợt
              <input ref={firstField} {...field('name')} />
            </label>
            <DateField label="Từ ngày" {...field('startsOn')} />
            <DateField label="Đến ngày" {...field('endsOn')} />
            <DateField label="Hạn báo cáo" {...field('reportDue')} />
          </div>
          <button type="submit">{editing ? 'Lưu thay đổi' : 'Thêm đợt'}</button>{' '}
          {editing && (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setEditing(null);
                setTouched(false);
              }}
            >
              Hủy sửa
            </button>
          )}
          <StatusMessage message={message} />
        </fieldset>
      </form>
      {editing && <PeriodLimits key={editing.id} period={editing} />}
    </section>
  );
}
