import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate, formatNumber } from '../../lib/format';
import { effectiveItem } from '../../lib/capture';
import { orderContribution, tally } from '../../lib/tally';
import { currentPeriod } from '../../lib/periods';
import { db, type StoredOrder } from '../shared/db';
import type { Message } from '../shared/messages';
import { blockers, orderState, submitOrders } from '../shared/orders/submit';
import type { Enrolment } from '../shared/settings';
import { useLiveQuery } from '../shared/use-live-query';
import { OrderCard } from './OrderCard';
import { Money } from '../../components/money';
import { NumberCards } from '../../components/number-cards';
import { StatusMessage, type Outcome } from '../../components/status-message';


export function Orders({ enrolment, onAdd }: { enrolment: Enrolment | null; onAdd(): void }) {
  const periods = enrolment?.periods ?? [];
  const [periodId, setPeriodId] = useState<string | null>(null);
  const period = periods.find((p) => p.id === periodId) ?? currentPeriod(periods) ?? null;
  const orders = useLiveQuery(
    async () => {
      const all = period ? await db().orders.where('placedOn').between(period.startsOn, period.endsOn, true, true).toArray() : await db().orders.toArray();
      return all.sort((a, b) => (b.placedAt ?? b.recordedAt).localeCompare(a.placedAt ?? a.recordedAt));
    },
    [period?.id],
  );
  const outside = useLiveQuery(async () => (period ? (await db().orders.count()) - (await db().orders.where('placedOn').between(period.startsOn, period.endsOn, true, true).count()) : 0), [period?.id]);
  const waiting = useLiveQuery(() => db().outbox.toArray(), []);
  const [message, setMessage] = useState<Outcome | null>(null);

  if (!orders) return null;
  const toSend = orders.filter((o) => ['unsent', 'changed', 'rejected'].includes(orderState(o)) || (o.excluded && o.submission.collectorClientId));
  const send = async () => {
    setMessage(null);
    try {
      const n = await submitOrders(toSend.map((o) => o.key));
      const blocked = toSend.filter((o) => blockers(o).length).length;
      await browser.runtime.sendMessage({ type: 'flush-outbox' } satisfies Message).catch(() => {});
      setMessage({ text: `Đã đưa ${n} đơn vào hàng chờ gửi.${blocked ? ` ${blocked} đơn còn thiếu thông tin, hãy điền rồi gửi lại.` : ''}` });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };
  const pendingErrors = (waiting ?? []).filter((w) => w.lastError);

  return (
    <section aria-labelledby="orders-h">
      <h2 id="orders-h">
        Đơn hàng đã ghi nhận <span class="en">Recorded orders</span>
      </h2>
      {periods.length > 1 && (
        <label>
          Đợt vận động
          <select value={period?.id} onChange={(e) => setPeriodId(e.currentTarget.value)}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({formatDate(p.startsOn)}–{formatDate(p.endsOn)})
              </option>
            ))}
          </select>
        </label>
      )}
      {period && (
        <p class="period">
          {period.name}: {formatDate(period.startsOn)} – {formatDate(period.endsOn)}, báo cáo trước {formatDate(period.reportDue)}
        </p>
      )}
      <Totals orders={orders} />
      {orders.length === 0 && <p>Chưa có đơn hàng nào trong đợt này. Mua hàng trên langson.voso.vn hoặc langson.postmart.vn, tiện ích sẽ tự ghi nhận.</p>}
      {orders.map((o) => (
        <OrderCard key={o.key} order={o} />
      ))}
      {!!outside && <p class="en">{outside} đơn ngoài đợt này không được hiển thị. ({outside} orders outside this period.)</p>}
      <div class="actions">
        <button class="primary" type="button" onClick={send} disabled={!toSend.length}>
          Gửi {toSend.length ? `(${toSend.length} đơn)` : ''}
        </button>
        <button type="button" onClick={onAdd}>
          Thêm đơn tự khai
        </button>
      </div>
      <StatusMessage message={message} />
      {!!waiting?.length && (
        <div class="outbox" role="status">
          <p>
            {waiting.length} mục đang chờ gửi{pendingErrors.length ? `: ${pendingErrors[0].lastError}` : '.'}
          </p>
          {!!pendingErrors.length && (
            <button type="button" onClick={() => browser.runtime.sendMessage({ type: 'flush-outbox' } satisfies Message).catch(() => {})}>
              Gửi lại ngay
            </button>
          )}
        </div>
      )}
      <p class="note">
        Đơn mua trong ứng dụng điện thoại của sàn (app Voso, Postmart) tiện ích không nhìn thấy được: hãy thêm bằng tay (“Thêm đơn tự khai”).{' '}
        <span class="en">Purchases in the marketplaces’ phone apps cannot be seen: add them by hand.</span>
      </p>
    </section>
  );
}

/** Totals the agency will count: placed orders the person did not exclude, farm-product items only. */
function Totals({ orders }: { orders: StoredOrder[] }) {
  const t = tally(
    orders.map((o) => ({ personId: 'me', counted: o.status === 'placed' && !o.excluded, contribution: orderContribution(o.items.map(effectiveItem)) })),
  );
  return (
    <>
      <NumberCards
        label="Tổng cộng"
        cards={[
          { label: 'Đơn hàng', value: formatNumber(t.orders) },
          { label: 'Sản phẩm nông sản', value: formatNumber(t.farmItems) },
          { label: 'Số lượng', value: formatNumber(t.quantity) },
          { label: 'Thành tiền', value: <Money vnd={t.amountVnd} /> },
          { label: 'Khối lượng (ước tính)', value: `${formatNumber(t.kg)} kg` },
        ]}
      />
      {t.itemsWithoutWeight > 0 && <p class="missing">{t.itemsWithoutWeight} sản phẩm chưa rõ khối lượng: hãy điền để tính đủ số kg.</p>}
    </>
  );
}
