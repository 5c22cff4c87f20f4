import { DataTable, type Column } from '../data-table';
import { useLoad } from '../use-load';

export interface ParticipantRow {
  staffId: string;
  fullName: string;
  enrolledAt: string;
  participated: boolean;
  orders: number;
  farmItems: number;
  quantity: number;
  amountVnd: number;
  kg: number;
  awaitingReview: number;
  selfDeclared: number;
}

const columns: Column<ParticipantRow>[] = [
  { key: 'fullName', label: 'Họ và tên', value: (p) => p.fullName },
  { key: 'participated', label: 'Đã tham gia', value: (p) => (p.participated ? 'Có' : 'Chưa') },
  { key: 'orders', label: 'Đơn hàng', kind: 'number', value: (p) => p.orders },
  { key: 'farmItems', label: 'Mặt hàng nông sản', kind: 'number', value: (p) => p.farmItems },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (p) => p.quantity },
  { key: 'amountVnd', label: 'Số tiền', kind: 'vnd', value: (p) => p.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (p) => p.kg },
  { key: 'selfDeclared', label: 'Tự khai', kind: 'number', value: (p) => p.selfDeclared },
  { key: 'awaitingReview', label: 'Chờ xem xét', kind: 'number', value: (p) => p.awaitingReview },
  { key: 'enrolledAt', label: 'Ngày đăng ký', kind: 'date', value: (p) => p.enrolledAt },
];

/** Everyone enrolled in the agency and what each counts for in the period. */
export function Participants({ periodId }: { periodId: string }) {
  const { data, error } = useLoad<{ participants: ParticipantRow[] }>(`/api/agency/participants?period=${encodeURIComponent(periodId)}`);
  const took = data?.participants.filter((p) => p.participated).length ?? 0;
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h">Người tham gia</h2>
      {error && <p role="alert" class="dash-error">{error}</p>}
      {data && (
        <>
          <p>
            {took} trong {data.participants.length} cán bộ đã đăng ký có mua nông sản trong đợt này.
          </p>
          <DataTable caption="Cán bộ đã đăng ký và số liệu trong đợt" columns={columns} rows={data.participants} rowKey={(p) => p.staffId} searchLabel="Tìm theo tên (không cần gõ dấu)" empty="Chưa có cán bộ nào đăng ký. Cấp mã đăng ký ở trang “Mã đăng ký”." />
        </>
      )}
    </section>
  );
}
