import { useState } from 'preact/hooks';
import { formatDate, parseDate } from '../../lib/format';
import { vietnamToday } from '../../lib/periods';
import { parseVnd } from '../../lib/money';
import { parseWeightGrams } from '../../lib/weight';
import { isFarmProduct } from '../../lib/farm-products';
import { marketplaceHostOf, marketplaces, type Marketplace } from '../../lib/marketplaces/hosts';
import { addManualOrder } from '../shared/orders/manual';
import { parseDecimal } from '../shared/words';
import { StatusMessage } from '../../components/status-message';

interface Line {
  name: string;
  quantity: string;
  price: string;
  kg: string;
}
const emptyLine = (): Line => ({ name: '', quantity: '1', price: '', kg: '' });

/** An order added by hand — bought in a phone app, or not detected — marked self-declared (tự khai). */
export function ManualOrder({ onDone }: { onDone(): void }) {
  const [marketplace, setMarketplace] = useState<Marketplace>('voso');
  const [orderCode, setOrderCode] = useState('');
  const [date, setDate] = useState(formatDate(vietnamToday()));
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [error, setError] = useState('');
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)));

  const save = async (e: Event) => {
    e.preventDefault();
    const placedOn = parseDate(date);
    if (!placedOn) return setError('Ngày đặt hàng phải có dạng dd/mm/yyyy, ví dụ 05/09/2021.');
    const items = [];
    for (const [n, l] of lines.entries()) {
      const where = `Sản phẩm ${n + 1}`;
      if (!l.name.trim()) return setError(`${where}: xin nhập tên sản phẩm.`);
      const quantity = parseDecimal(l.quantity);
      if (quantity === null || !Number.isInteger(quantity)) return setError(`${where}: số lượng phải là số nguyên lớn hơn 0.`);
      const unitPrice = parseVnd(l.price);
      if (unitPrice === null || unitPrice <= 0) return setError(`${where}: đơn giá phải là số tiền, ví dụ 120.000.`);
      const weightGrams = l.kg.trim() ? parseWeightGrams(/[a-zA-Zạ]/.test(l.kg) ? l.kg : `${l.kg} kg`) : parseWeightGrams(l.name);
      if (l.kg.trim() && weightGrams === null) return setError(`${where}: khối lượng chưa đọc được, ví dụ 0,5 hoặc 2 kg.`);
      items.push({ name: l.name.trim(), quantity, unitPrice, weightGrams, isFarmProduct: isFarmProduct(l.name).isFarmProduct, shop: null });
    }
    try {
      await addManualOrder({ marketplace, orderCode: orderCode.trim() || null, placedOn, items, shippingFee: null });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="manual-h">
      <h2 id="manual-h">
        Thêm đơn tự khai <span class="en">Add an order by hand</span>
      </h2>
      <p>Dùng cho đơn mua trong ứng dụng điện thoại của sàn hoặc đơn tiện ích không nhận ra. Đơn được đánh dấu “tự khai”.</p>
      <label>
        Sàn
        <select value={marketplace} onChange={(e) => setMarketplace(e.currentTarget.value as Marketplace)}>
          {marketplaces.map((m) => (
            <option key={m} value={m}>
              {marketplaceHostOf[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mã đơn hàng (nếu có)
        <input type="text" value={orderCode} onInput={(e) => setOrderCode(e.currentTarget.value)} />
      </label>
      <label>
        Ngày đặt hàng (dd/mm/yyyy)
        <input type="text" value={date} onInput={(e) => setDate(e.currentTarget.value)} placeholder="dd/mm/yyyy" />
      </label>
      {lines.map((l, i) => (
        <fieldset key={i}>
          <legend>Sản phẩm {i + 1}</legend>
          <label>
            Tên sản phẩm <input type="text" value={l.name} onInput={(e) => setLine(i, { name: e.currentTarget.value })} />
          </label>
          <label>
            Số lượng <input inputMode="numeric" value={l.quantity} onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />
          </label>
          <label>
            Đơn giá (₫) <input inputMode="numeric" value={l.price} onInput={(e) => setLine(i, { price: e.currentTarget.value })} />
          </label>
          <label>
            Khối lượng mỗi đơn vị (kg, nếu biết) <input inputMode="decimal" value={l.kg} onInput={(e) => setLine(i, { kg: e.currentTarget.value })} />
          </label>
          {lines.length > 1 && (
            <button type="button" onClick={() => setLines(lines.filter((_, n) => n !== i))}>
              Bỏ sản phẩm {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <StatusMessage error={error} />
      <div class="actions">
        <button type="button" onClick={() => setLines([...lines, emptyLine()])}>
          Thêm sản phẩm
        </button>
        <button class="primary" type="submit">
          Lưu đơn tự khai
        </button>
      </div>
    </form>
  );
}
