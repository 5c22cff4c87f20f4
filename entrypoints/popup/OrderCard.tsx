import { useState } from 'preact/hooks';
import { Money } from '../../components/money';
import { StatusMessage } from '../../components/status-message';
import { effectiveItem, orderCheck, stillMissing, type ItemOverrides, type RecordedItem } from '../../lib/capture';
import { formatDate, formatNumber, formatVnd } from '../../lib/format';
import { parseVnd } from '../../lib/money';
import { parseWeightGrams } from '../../lib/weight';
import type { StoredOrder } from '../shared/db';
import { acceptCheck, correctItem, correctOrder, setOrderExcluded } from '../shared/orders/correct';
import { deleteManualOrder } from '../shared/orders/manual';
import { decisionOfOrder, orderState } from '../shared/orders/submit';
import { fieldNames, parseDecimal, stateWords } from '../shared/words';
import { marketplaceHostOf } from '../../lib/marketplaces/hosts';

/** One recorded order: its state with the collector, its items, what is missing, and the person's choices. */
export function OrderCard({ order: o }: { order: StoredOrder }) {
  const state = orderState(o);
  const check = orderCheck(o);
  const id = `order-${o.key.replace(/[^\w-]/g, '_')}`;
  return (
    <article class={`order${o.excluded ? ' excluded' : ''}${o.status === 'cancelled' ? ' cancelled' : ''}`} aria-labelledby={id} data-order-code={o.orderCode ?? ''}>
      <h3 id={id}>
        {o.orderCode ? `Đơn ${o.orderCode}` : 'Đơn chưa có mã'} · {marketplaceHostOf[o.marketplace]}
        {o.placedAt && ` · ${formatDate(o.placedAt)}`}
      </h3>
      <p>
        <span class={`state ${state}`}>
          {stateWords[state]}
        </span>{' '}
        {o.source === 'manual' && <span class="state">Tự khai</span>}{' '}
        {o.status === 'cancelled' && <span class="state rejected">Đã hủy — không tính</span>}
      </p>
      {['rejected', 'flagged', 'agency-excluded'].includes(state) && <Why order={o} />}
      {/* Accepted, with the collector's note (its numbered code is in the sentence): an item it counted otherwise. */}
      {state === 'sent' && o.submission.reason && <p>Ghi chú của máy chủ: {o.submission.reason}</p>}
      {!o.orderCode && <OrderCodeField order={o} />}
      {o.missing.includes('items') && <p class="missing">Trang không cho biết sản phẩm của đơn này: hãy xóa đơn và thêm bằng tay.</p>}
      <ul class="items">
        {o.items.map((item, n) => (
          <ItemRow key={n} orderKey={o.key} index={n} item={item} />
        ))}
      </ul>
      <div class="foot">
      {o.total !== null ? <p>Tổng đơn: <Money vnd={o.total} /></p> : <p class="missing">Tổng đơn: chưa rõ</p>}
      {check && (
        <div class="missing check">
          <p>
            <strong>Cần kiểm tra:</strong> các sản phẩm cộng lại <Money vnd={check.itemsTotal} />, nhưng theo tổng đơn phải là <Money vnd={check.expected} />. Có thể trang thiếu sản phẩm
            hoặc đọc sai giá: hãy sửa sản phẩm, hoặc xác nhận nếu đúng như trang. Đơn chưa được gửi khi chưa kiểm tra.
          </p>
          <button type="button" onClick={() => acceptCheck(o.key)}>
            Đúng như trang
          </button>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => setOrderExcluded(o.key, !o.excluded)}>
          {o.excluded ? 'Tính lại đơn này' : 'Không tính đơn này'}
        </button>
        {o.source === 'manual' && (
          <button type="button" onClick={() => deleteManualOrder(o.key)}>
            Xóa đơn tự khai
          </button>
        )}
      </div>
      </div>
    </article>
  );
}

/** Why the agency does not count a sent order: its note, or the collector's reason with its numbered code. */
function Why({ order }: { order: StoredOrder }) {
  const d = decisionOfOrder(order);
  if (!d.why) return null;
  return (
    <p class={d.kind === 'held' ? 'why' : 'why error'}>
      {d.why}
      {d.code && ` (mã ${d.code})`}
    </p>
  );
}

function OrderCodeField({ order }: { order: StoredOrder }) {
  const [code, setCode] = useState('');
  return (
    <form
      class="missing"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) void correctOrder(order.key, { orderCode: code.trim() });
      }}
    >
      <label>
        Thiếu mã đơn hàng — điền mã trong email hoặc trang “Lịch sử đơn hàng”
        <input type="text" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
      </label>
      <button type="submit">Lưu mã đơn</button>
    </form>
  );
}

function ItemRow({ orderKey, index, item }: { orderKey: string; index: number; item: RecordedItem }) {
  const [editing, setEditing] = useState(false);
  const e = effectiveItem(item);
  const missing = stillMissing(item);
  const show = (field: string, text: string) => (missing.includes(field) ? <span class="missing">chưa rõ {fieldNames[field]}</span> : text);
  return (
    <li class={e.excluded ? 'excluded' : ''}>
      <span class="name">{e.name}</span>
      {e.isFarmProduct ? ' · nông sản' : ' · không phải nông sản'}
      <br />
      {show('quantity', `SL ${formatNumber(e.quantity)}`)} × {show('unitPrice', formatVnd(e.unitPrice))} = {missing.includes('quantity') || missing.includes('unitPrice') ? '…' : formatVnd(e.lineTotal)} ·{' '}
      {e.weightGrams !== null ? `${formatNumber(e.weightGrams / 1000, 3)} kg/đơn vị` : show('weightGrams', '')}
      {!!missing.length && <span class="muted"> — điền phần còn thiếu bằng nút “Sửa”.</span>}
      <div class="actions">
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Sửa
        </button>
        <button type="button" onClick={() => correctItem(orderKey, index, { excluded: !e.excluded })}>
          {e.excluded ? 'Tính lại sản phẩm này' : 'Không tính sản phẩm này'}
        </button>
      </div>
      {editing && <ItemEditor orderKey={orderKey} index={index} item={item} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** Corrects an item; the page's values stay underneath, the person's win. */
function ItemEditor({ orderKey, index, item, onDone }: { orderKey: string; index: number; item: RecordedItem; onDone(): void }) {
  const e = effectiveItem(item);
  const missing = stillMissing(item);
  const [quantity, setQuantity] = useState(missing.includes('quantity') ? '' : String(e.quantity));
  const [price, setPrice] = useState(missing.includes('unitPrice') ? '' : String(e.unitPrice));
  const [kg, setKg] = useState(e.weightGrams === null ? '' : formatNumber(e.weightGrams / 1000, 3));
  const [farm, setFarm] = useState(e.isFarmProduct);
  const [error, setError] = useState('');
  const save = async (ev: Event) => {
    ev.preventDefault();
    const q = parseDecimal(quantity);
    const p = parseVnd(price);
    const g = kg.trim() ? parseWeightGrams(/[a-zA-Zạ]/.test(kg) ? kg : `${kg} kg`) : null;
    if (q === null || !Number.isInteger(q)) return setError('Số lượng phải là số nguyên lớn hơn 0.');
    if (p === null || p <= 0) return setError('Đơn giá phải là số tiền, ví dụ 120.000.');
    if (kg.trim() && g === null) return setError('Khối lượng chưa đọc được, ví dụ 0,5 hoặc 2 kg.');
    const o: ItemOverrides = { isFarmProduct: farm };
    if (q !== item.quantity || missing.includes('quantity')) o.quantity = q;
    if (p !== item.unitPrice || missing.includes('unitPrice')) o.unitPrice = p;
    if (g !== null && g !== item.weightGrams) o.weightGrams = g;
    await correctItem(orderKey, index, o);
    onDone();
  };
  return (
    <form onSubmit={save} aria-label={`Sửa ${e.name}`}>
      <fieldset>
        <legend>Sửa sản phẩm</legend>
        <label>
          Số lượng <input inputMode="numeric" value={quantity} onInput={(ev) => setQuantity(ev.currentTarget.value)} />
        </label>
        <label>
          Đơn giá (₫) <input inputMode="numeric" value={price} onInput={(ev) => setPrice(ev.currentTarget.value)} />
        </label>
        <label>
          Khối lượng mỗi đơn vị (kg) <input inputMode="decimal" value={kg} onInput={(ev) => setKg(ev.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={farm} onChange={(ev) => setFarm(ev.currentTarget.checked)} /> Là nông sản
        </label>
        <StatusMessage error={error} />
        <div class="actions">
          <button class="primary" type="submit">
            Lưu
          </button>
          <button type="button" onClick={onDone}>
            Hủy
          </button>
        </div>
      </fieldset>
    </form>
  );
}
