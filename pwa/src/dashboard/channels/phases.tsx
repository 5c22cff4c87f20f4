import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate, parseDate } from '../../../../lib/format';
import type { Phase } from '../../../../lib/channels/phases';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import { districts } from '../province/accounts/account';
import { DateField } from '../date-field';

const districtName = new Map(districts.map((d) => [d.code, d.name]));

/**
 * The campaign's phases (province): which districts must reach the target by which deadline, for any year
 * (2021: phase 1 by 20/9, phase 2 by 31/12). A district is in one phase per year.
 */
export function Phases() {
  const { data, error, reload } = useLoad<{ phases: Phase[] }>('/api/channels/phases');
  const [editing, setEditing] = useState<Phase | null>(null);
  const [message, setMessage] = useState<Outcome | null>(null);

  async function remove(p: Phase) {
    if (!confirm(`Xóa “${p.name}”? Các huyện của giai đoạn này trở về hạn riêng của huyện.`)) return;
    try {
      await sendJson('DELETE', `/api/province/phases/${p.id}`);
      setMessage({ text: `Đã xóa ${p.name}.` });
      reload();
    } catch (e) {
      setMessage({ text: `Chưa xóa được: ${describeError(e)}`, error: true });
    }
  }

  return (
    <section aria-labelledby="phases-h">
      <h2 id="phases-h">Giai đoạn và hạn của các huyện</h2>
      <StatusMessage error={error} message={message} />
      {data && (
        <div class="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">Giai đoạn</th>
                <th scope="col">Bắt đầu</th>
                <th scope="col">Hạn</th>
                <th scope="col">Huyện</th>
                <th scope="col">Sửa</th>
              </tr>
            </thead>
            <tbody>
              {data.phases.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.startsOn ? formatDate(p.startsOn) : '—'}</td>
                  <td>{formatDate(p.deadline)}</td>
                  <td>{p.districtCodes.map((c) => districtName.get(c) ?? c).join(', ') || '—'}</td>
                  <td>
                    <button type="button" class="secondary" onClick={() => setEditing(p)}>
                      Sửa
                    </button>{' '}
                    <button type="button" class="secondary" onClick={() => void remove(p)}>
                      Xóa
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PhaseForm
        key={editing?.id ?? 'new'}
        phase={editing}
        onSaved={(name) => {
          setMessage({ text: `Đã lưu ${name}.` });
          setEditing(null);
          reload();
        }}
        onError={(text) => setMessage({ text, error: true })}
      />
    </section>
  );
}

function PhaseForm({ phase, onSaved, onError }: { phase: Phase | null; onSaved: (name: string) => void; onError: (text: string) => void }) {
  const [name, setName] = useState(phase?.name ?? '');
  const [startsOn, setStartsOn] = useState(phase?.startsOn ? formatDate(phase.startsOn) : '');
  const [deadline, setDeadline] = useState(phase ? formatDate(phase.deadline) : '');
  const [picked, setPicked] = useState<string[]>(phase?.districtCodes ?? []);

  async function save(e: Event) {
    e.preventDefault();
    const due = parseDate(deadline);
    const start = startsOn.trim() ? parseDate(startsOn) : null;
    if (!name.trim()) return onError('Đặt tên cho giai đoạn.');
    if (!due) return onError('Hạn cần là một ngày dạng dd/mm/yyyy.');
    if (startsOn.trim() && !start) return onError('Ngày bắt đầu cần dạng dd/mm/yyyy (hoặc để trống).');
    const id = phase?.id ?? `gd-${due}-${Math.random().toString(36).slice(2, 6)}`;
    try {
      await sendJson('PUT', `/api/province/phases/${id}`, { name: name.trim(), startsOn: start, deadline: due, districtCodes: picked });
      onSaved(name.trim());
    } catch (err) {
      onError(`Chưa lưu được giai đoạn: ${describeError(err)}`);
    }
  }

  return (
    <form onSubmit={save}>
      <fieldset>
        <legend>{phase ? `Sửa ${phase.name}` : 'Thêm giai đoạn'}</legend>
        <div class="dash-row">
          <label>
            Tên giai đoạn
            <input value={name} placeholder="Giai đoạn 1 năm 2021" onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <DateField label="Bắt đầu, không bắt buộc" value={startsOn} size={10} onInput={(e) => setStartsOn(e.currentTarget.value)} />
          <DateField label="Hạn đạt mục tiêu" value={deadline} placeholder="20/09/2021" size={10} onInput={(e) => setDeadline(e.currentTarget.value)} />
        </div>
        <fieldset>
          <legend>Các huyện của giai đoạn</legend>
          <div class="dash-row">
            {districts.map((d) => (
              <label key={d.code} class="dash-radio">
                <input type="checkbox" checked={picked.includes(d.code)} onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, d.code] : picked.filter((c) => c !== d.code))} /> {d.name}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit">Lưu giai đoạn</button>
      </fieldset>
    </form>
  );
}
