import { useRef, useState } from 'preact/hooks';
import { Money } from '../../../../components/money';
import { DateText } from '../../../../components/date-text';
import { outcomeOf, StatusMessage, type RowOutcome } from '../../../../components/status-message';
import { useReveal } from '../../../../components/reveal';
import { Confirm } from '../../../../components/confirm';
import { describeError, sendJson } from '../api';
import { DataTable, longListPage, type Column } from '../../../../components/data-table';
import { useLoad } from '../use-load';
import type { AgencyOrderView } from './review-orders';
import type { ParticipantRow } from '../../../../lib/api/agency';
import { marketplaceLabels } from '../../../../lib/marketplaces/hosts';
import { figureNames } from '../../../../lib/vocabulary';

export type { ParticipantRow };


const baseColumns: Column<ParticipantRow>[] = [
  { key: 'fullName', label: 'Họ và tên', value: (p) => p.fullName },
  { key: 'unit', label: 'Đơn vị trực thuộc', value: (p) => p.unit?.name ?? null },
  { key: 'participated', label: 'Đã tham gia', value: (p) => (p.participated ? 'Có' : 'Chưa') },
  { key: 'orders', label: 'Đơn hàng', kind: 'number', value: (p) => p.orders },
  { key: 'farmItems', label: figureNames.farmItems, kind: 'number', value: (p) => p.farmItems },
  { key: 'quantity', label: 'Số lượng', kind: 'number', value: (p) => p.quantity },
  { key: 'amountVnd', label: figureNames.amountVnd, kind: 'vnd', value: (p) => p.amountVnd },
  { key: 'kg', label: 'Ước tính (kg)', kind: 'number', value: (p) => p.kg },
  { key: 'selfDeclared', label: 'Tự khai', kind: 'number', value: (p) => p.selfDeclared },
  { key: 'awaitingReview', label: 'Chờ xem xét', kind: 'number', value: (p) => p.awaitingReview },
  { key: 'enrolledAt', label: 'Ngày đăng ký', kind: 'date', value: (p) => p.enrolledAt },
];

/** Everyone enrolled in the agency and what each counts for in the period. */
export function Participants({ periodId }: { periodId: string }) {
  const { data, error, reload } = useLoad<{ participants: ParticipantRow[] }>(`/api/agency/participants?period=${encodeURIComponent(periodId)}`);
  const [person, setPerson] = useState<ParticipantRow | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RowOutcome | null>(null);
  // "Xem đơn" that opened the list: focus goes back to it when the list closes.
  const opener = useRef<HTMLElement | null>(null);

  // Someone who is not of the agency, or a lost computer: their extension stops sending at once; their orders stay.
  async function revoke(p: ParticipantRow) {
    setRevoking(null);
    try {
      await sendJson('POST', `/api/agency/participants/${encodeURIComponent(p.staffId)}/revoke`);
      setOutcome({ row: p.staffId, text: `Đã thu hồi quyền gửi đơn của ${p.fullName}. Các đơn đã gửi vẫn giữ nguyên.` });
      reload();
    } catch (e) {
      setOutcome({ row: p.staffId, text: `Chưa thu hồi được quyền của ${p.fullName}: ${describeError(e)}`, error: true });
    }
  }
  // The sub-unit column only where the agency has people in sub-units.
  const withUnits = !!data?.participants.some((p) => p.unit);
  const columns: Column<ParticipantRow>[] = [
    ...baseColumns.filter((c) => c.key !== 'unit' || withUnits),
    {
      key: 'orders-list',
      label: 'Đơn hàng đã gửi',
      searchable: false,
      value: () => null,
      render: (p) => (
        <button
          type="button"
          class="secondary"
          onClick={(e) => {
            opener.current = e.currentTarget;
            setPerson(p);
          }}
          aria-label={`Xem đơn của ${p.fullName}`}
        >
          Xem đơn
        </button>
      ),
    },
    {
      key: 'access',
      label: 'Quyền gửi đơn',
      value: (p) => (p.revokedAt ? 'Đã thu hồi' : 'Đang có'),
      render: (p) => (
        <>
          {access(p)}
          <StatusMessage message={outcomeOf(outcome, p.staffId)} />
        </>
      ),
    },
  ];
  const access = (p: ParticipantRow) =>
    revoking === p.staffId ? (
      <Confirm
        question={`Thu hồi quyền gửi đơn của ${p.fullName}? Tiện ích của người này ngừng gửi ngay; đơn đã gửi vẫn giữ.`}
        confirmLabel="Thu hồi"
        cancelLabel="Không thu hồi"
        danger
        onConfirm={() => void revoke(p)}
        onCancel={() => setRevoking(null)}
      />
    ) : p.revokedAt ? (
      'Đã thu hồi'
    ) : (
      <>
        Đang có{' '}
        <button type="button" class="secondary" onClick={() => setRevoking(p.staffId)} aria-label={`Thu hồi quyền của ${p.fullName}`}>
          Thu hồi
        </button>
      </>
    );
  const took = data?.participants.filter((p) => p.participated).length ?? 0;
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h">Người tham gia</h2>
      <StatusMessage error={error} />
      {data && (
        <>
          <p>
            {took} trong {data.participants.length} cán bộ đã đăng ký có mua nông sản trong đợt này.
          </p>
          <DataTable caption="Cán bộ đã đăng ký và số liệu trong đợt" columns={columns} rows={data.participants} rowKey={(p) => p.staffId} pageSize={longListPage} searchLabel="Tìm theo tên (không cần gõ dấu)" empty="Chưa có cán bộ nào đăng ký. Cấp mã đăng ký ở trang “Mã đăng ký”." />
          {person && (
            <PersonOrders
              key={person.staffId}
              person={person}
              onClose={() => {
                setPerson(null);
                opener.current?.focus();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

const stateText: Record<string, string> = { accepted: 'Được tính', flagged: 'Chờ xem xét', rejected: 'Không tính', withdrawn: 'Đã rút' };

/**
 * Every order one person sent (all states), so the focal point can answer "why is mine not counted?". It opens under
 * the table, so it takes focus and is scrolled to: "Xem đơn" visibly does something.
 */
function PersonOrders({ person, onClose }: { person: ParticipantRow; onClose: () => void }) {
  const { data, error } = useLoad<{ orders: AgencyOrderView[] }>(`/api/agency/participants/${encodeURIComponent(person.staffId)}/orders`);
  const heading = useReveal<HTMLHeadingElement>(person, { focus: true, block: 'start' });
  return (
    <section aria-labelledby="person-h" class="dash-notice">
      <h3 id="person-h" tabIndex={-1} ref={heading}>
        Đơn hàng của {person.fullName}
      </h3>
      <StatusMessage error={error} />
      {data && (
        <div class="data-table">
          <table>
            <caption>Các đơn {person.fullName} đã gửi, mới nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Ngày đặt</th>
                <th scope="col">Sàn</th>
                <th scope="col">Mã đơn</th>
                <th scope="col">Nguồn</th>
                <th scope="col">Trạng thái</th>
                <th scope="col" class="num">Nông sản</th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((o) => (
                <tr key={o.id}>
                  <td><DateText iso={o.placedOn} /></td>
                  <td>{marketplaceLabels[o.order.marketplace]}</td>
                  <td>{o.order.orderCode ?? '—'}</td>
                  <td>{o.source === 'manual' ? 'Tự khai' : 'Tiện ích ghi nhận'}</td>
                  <td>
                    {stateText[o.status] ?? o.status}
                    {o.reviewNote ? ` — ${o.reviewNote}` : ''}
                  </td>
                  <td class="num">
                    <Money vnd={o.order.items.filter((i) => i.isFarmProduct && !i.excluded).reduce((s, i) => s + i.lineTotal, 0)} />
                  </td>
                </tr>
              ))}
              {data.orders.length === 0 && (
                <tr>
                  <td colSpan={6}>Người này chưa gửi đơn nào.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        Đóng
      </button>
    </section>
  );
}
