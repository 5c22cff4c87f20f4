import { DataTable, type Column } from '../data-table';
import { useLoad } from '../use-load';
import { scopeQuery, type Scope } from './province-view';

export interface ShopRow {
  shop: string;
  marketplace: string;
  buyers: number;
  quantity: number;
  amountVnd: number;
  kg: number;
}

const columns: Column<ShopRow>[] = [
  { key: 'shop', label: 'Cửa hàng', value: (s) => s.shop },
  { key: 'marketplace', label: 'Sàn', value: (s) => (s.marketplace === 'voso' ? 'Voso' : s.marketplace === 'postmart' ? 'Postmart' : s.marketplace) },
  { key: 'buyers', label: 'Người mua', kind: 'number', value: (s) => s.buyers },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (s) => s.quantity },
  { key: 'amountVnd', label: 'Số tiền', kind: 'vnd', value: (s) => s.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (s) => s.kg },
];

/** Leading shops ("đầu tàu") by volume bought: the ones a province would showcase and support. */
export function LeadingShops({ scope }: { scope: Scope }) {
  const { data, error } = useLoad<{ shops: ShopRow[] }>(`/api/province/leading-shops?${scopeQuery(scope)}`);
  if (error) return <p role="alert" class="dash-error">{error}</p>;
  if (!data) return <p>Đang tải…</p>;
  return (
    <section aria-labelledby="shops-h">
      <h2 id="shops-h">Cửa hàng đầu tàu</h2>
      <p class="dash-muted">Cửa hàng bán được nhiều nông sản nhất cho cán bộ trong kỳ, xếp theo khối lượng.</p>
      <DataTable caption="Cửa hàng theo khối lượng bán" columns={columns} rows={data.shops} rowKey={(s) => `${s.marketplace}:${s.shop}`} initialSort={{ key: 'kg', dir: 'desc' }} searchLabel="Tìm cửa hàng (không cần gõ dấu)" />
    </section>
  );
}
