import { useEffect, useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatNumber } from '../../../../lib/format';
import { parseVnd } from '../../../../lib/money';
import type { PeriodLimits as Limits } from '../../../../lib/api/province';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import type { Period } from '../periods';

/**
 * The period's plausibility limits: above either, a person's orders wait for the agency's review instead of
 * being counted silently. Saving checks every person of the period again.
 */
export function PeriodLimits({ period }: { period: Period }) {
  const path = `/api/province/periods/${encodeURIComponent(period.id)}/limits`;
  const current = useLoad<Limits>(path);
  const [orders, setOrders] = useState('');
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState<Outcome | null>(null);
  useEffect(() => {
    if (!current.data) return;
    setOrders(String(current.data.maxOrdersPerPerson));
    setAmount(formatNumber(current.data.maxAmountPerPerson));
  }, [current.data]);

  async function save(e: Event) {
    e.preventDefault();
    const maxOrdersPerPerson = Number(orders.trim());
    const maxAmountPerPerson = parseVnd(amount);
    if (!Number.isInteger(maxOrdersPerPerson) || maxOrdersPerPerson < 1) return setMessage({ text: 'Số đơn tối đa là số nguyên từ 1.', error: true });
    if (maxAmountPerPerson === null || maxAmountPerPerson < 1) return setMessage({ text: 'Số tiền tối đa cần là số đồng, ví dụ 20.000.000.', error: true });
    try {
      await sendJson('PUT', path, { maxOrdersPerPerson, maxAmountPerPerson });
      setMessage({ text: `Đã lưu ngưỡng của ${period.name}; các đơn trong đợt đã được xét lại.`, error: false });
    } catch (err) {
      setMessage({ text: `Chưa lưu được ngưỡng: ${describeError(err)}`, error: true });
    }
  }

  return (
    <form onSubmit={save}>
      <fieldset>
        <legend>Ngưỡng hợp lý của {period.name}</legend>
        <p class="dash-muted">Một người khai vượt ngưỡng thì các đơn của người đó chờ cơ quan xem xét, chưa được tính.</p>
        <StatusMessage error={current.error} />
        <div class="dash-row">
          <label>
            Số đơn tối đa mỗi người
            <input inputMode="numeric" value={orders} onInput={(e) => setOrders(e.currentTarget.value)} />
          </label>
          <label>
            Số tiền nông sản tối đa mỗi người (₫)
            <input inputMode="numeric" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
        </div>
        <button type="submit">Lưu ngưỡng</button>
      </fieldset>
      <StatusMessage message={message} />
    </form>
  );
}
