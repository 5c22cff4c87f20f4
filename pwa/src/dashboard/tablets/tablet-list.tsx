import { useState } from 'preact/hooks';
import { Confirm } from '../../../../components/confirm';
import { DataTable, longListPage, type Column } from '../../../../components/data-table';
import { outcomeOf, StatusMessage, type RowOutcome } from '../../../../components/status-message';
import { communeName } from '../province/accounts/account';
import type { KioskDeviceView } from '../../../../lib/api/kiosk';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';

/**
 * Enrolled commune tablets (an officer: the ones they enrolled; the province: all). Revoking one (lost, stolen, the
 * officer left) stops it at once; what it already sent stays. Asks first: the tablet must be enrolled again after.
 */
export function TabletList({ showOfficer }: { showOfficer: boolean }) {
  const list = useLoad<{ devices: KioskDeviceView[] }>('/api/kiosk/devices');
  const [asking, setAsking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RowOutcome | null>(null);

  async function revoke(d: KioskDeviceView) {
    setAsking(null);
    try {
      await sendJson('POST', `/api/kiosk/devices/${encodeURIComponent(d.id)}/revoke`);
      setOutcome({ row: d.id, text: `Đã thu hồi máy “${d.name}”. Máy không gửi hay tải được dữ liệu nữa.` });
      list.reload();
    } catch (e) {
      setOutcome({ row: d.id, text: `Chưa thu hồi được máy “${d.name}”: ${describeError(e)}`, error: true });
    }
  }

  const columns: Column<KioskDeviceView>[] = [
    { key: 'name', label: 'Tên máy', value: (d) => d.name },
    ...(showOfficer ? [{ key: 'officer', label: 'Cán bộ kích hoạt', value: (d: KioskDeviceView) => d.enrolledBy.fullName }] : []),
    { key: 'communes', label: 'Xã', value: (d) => d.communeCodes.map(communeName).join('; ') || null },
    { key: 'createdAt', label: 'Ngày kích hoạt', kind: 'date', value: (d) => d.createdAt },
    { key: 'expiresAt', label: 'Hết hạn nếu không dùng', kind: 'date', value: (d) => d.expiresAt },
    {
      key: 'state',
      label: 'Trạng thái',
      value: (d) => (d.revokedAt ? 'Đã thu hồi' : d.expiresAt ? 'Đang dùng' : 'Hết hạn'),
      render: (d) => (
        <>
          {state(d)}
          <StatusMessage message={outcomeOf(outcome, d.id)} />
        </>
      ),
    },
  ];
  const state = (d: KioskDeviceView) =>
    asking === d.id ? (
      <Confirm
        question={`Thu hồi máy “${d.name}”? Máy sẽ ngừng ngay; muốn dùng lại phải kích hoạt lại.`}
        confirmLabel="Thu hồi"
        cancelLabel="Không thu hồi"
        danger
        onConfirm={() => void revoke(d)}
        onCancel={() => setAsking(null)}
      />
    ) : d.revokedAt ? (
      'Đã thu hồi'
    ) : (
      <>
        {d.expiresAt ? 'Đang dùng' : 'Hết hạn'}{' '}
        <button type="button" class="secondary" onClick={() => setAsking(d.id)} aria-label={`Thu hồi máy ${d.name}`}>
          Thu hồi
        </button>
      </>
    );
  return (
    <section aria-labelledby="tablets-h">
      <h2 id="tablets-h">Máy tính bảng của xã</h2>
      <StatusMessage error={list.error} />
      {list.data && <DataTable caption="Máy tính bảng đã kích hoạt" columns={columns} rows={list.data.devices} rowKey={(d) => d.id} pageSize={longListPage} empty="Chưa có máy nào được kích hoạt." />}
    </section>
  );
}
