import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../../components/status-message';
import { DataTable, type Column } from '../../../../components/data-table';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './scope';
import type { ShopRow } from '../../../../lib/api/province';

export type { ShopRow };

const columns: Column<ShopRow>[] = [
  { key: 'shop', label: 'Cửa hàng', value: (s) => s.shop },
  { key: 'buyers', label: 'Người mua', kind: 'number', value: (s) => s.buyers },
  { key: 'orders', label: 'Đơn hàng', kind: 'number', value: (s) => s.orders },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (s) => s.quantity },
  { key: 'amountVnd', label: 'Số tiền', kind: 'vnd', value: (s) => s.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (s) => s.kg },
];

const orders = { kg: 'khối lượng (kg)', amount: 'số tiền', quantity: 'số lượng' } as const;

/**
 * The shops civil servants bought the most farm products from ("cửa hàng được cán bộ mua nhiều"), by volume. Not the
 * leading accounts ("đầu tàu", leading-accounts.tsx): those Sở TT&TT picks; this is only what staff bought.
 */
export function MostBoughtShops({ scope }: { scope: Scope }) {
  const [by, setBy] = useState<keyof typeof orders>('kg');
  const { data, error } = useLoad<{ shops: ShopRow[] }>(`/api/province/most-bought-shops?${scopeQuery(scope)}&by=${by}&limit=50`);
  return (
    <section aria-labelledby="shops-h">
      <h2 id="shops-h">Cửa hàng được cán bộ mua nhiều</h2>
      <p class="dash-muted">Các cửa hàng bán được nhiều nông sản nhất cho cán bộ trong đợt (hoặc tháng) đã chọn.</p>
      <label>
        Xếp hạng theo
        <select value={by} onChange={(e) => setBy(e.currentTarget.value as keyof typeof orders)}>
          {Object.entries(orders).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <StatusMessage error={error} />
      {data && <DataTable key={by} caption={`50 cửa hàng đứng đầu theo ${orders[by]}`} columns={columns} rows={data.shops} rowKey={(s) => s.shop} searchLabel="Tìm cửa hàng (không cần gõ dấu)" />}
    </section>
  );
}
