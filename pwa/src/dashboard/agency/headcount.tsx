import { useEffect, useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatNumber } from '../../../../lib/format';
import { figureNames } from '../../../../lib/vocabulary';
import type { Headcount } from '../../../../lib/api/agency';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';

/** The agency's own headcount, the base of its participation rate; once Sở TT&TT locks it, it is shown only. */
export function AgencyHeadcount({ onSaved }: { onSaved?: () => void }) {
  const current = useLoad<Headcount>('/api/agency/headcount');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<Outcome | null>(null);
  useEffect(() => setText(current.data?.headcount == null ? '' : String(current.data.headcount)), [current.data]);

  async function save(e: Event) {
    e.preventDefault();
    const headcount = Number(text.replace(/\./g, '').trim());
    if (!Number.isInteger(headcount) || headcount < 1 || headcount > 100_000) return setMessage({ text: `${figureNames.headcount} cần là số nguyên từ 1 đến 100.000.`, error: true });
    try {
      await sendJson('PUT', '/api/agency/headcount', { headcount });
      setMessage({ text: `Đã lưu tổng số CB, CC, VC, NLĐ của cơ quan: ${formatNumber(headcount)} người.` });
      current.reload();
      onSaved?.();
    } catch (err) {
      setMessage({ text: `Chưa lưu được: ${describeError(err)}`, error: true });
    }
  }

  if (current.error) return <StatusMessage error={current.error} />;
  if (!current.data) return null;
  if (current.data.locked)
    return (
      <p class="dash-muted">
        {figureNames.headcount}: {current.data.headcount === null ? 'chưa có' : `${formatNumber(current.data.headcount)} người`} (Sở TT&TT đã khóa; muốn sửa, xin liên hệ Sở).
      </p>
    );
  return (
    <form onSubmit={save} class="dash-row">
      <label>
        {figureNames.headcount} của cơ quan
        <input inputMode="numeric" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit" class="secondary">
        Lưu
      </button>
      <StatusMessage message={message} />
    </form>
  );
}
