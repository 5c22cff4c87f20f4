import { useEffect, useState } from 'preact/hooks';
import { get, set } from 'idb-keyval';
import { kioskCollector, type Device } from './device';
import type { CommuneProgress } from '../../../lib/api/kiosk';
import { formatDate, formatNumber } from '../../../lib/format';
import { HandoverPanel } from './handover-panel';

/** The commune's progress toward its target, from the collector; the last copy is shown offline. */
export function ProgressScreen({ device, onChanged }: { device: Device; onChanged: () => void }) {
  const [data, setData] = useState<{ communes: CommuneProgress[]; at: string } | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    const cacheKey = `kiosk-progress-${device.id}`;
    void get(cacheKey).then((c) => c && setData(c));
    kioskCollector(device)
      .get<{ communes: CommuneProgress[] }>('/api/kiosk/progress')
      .then(async ({ communes }) => {
        const fresh = { communes, at: new Date().toISOString() };
        setData(fresh);
        setNote('');
        await set(cacheKey, fresh);
      })
      .catch(() => setNote('Không có mạng: đang xem số liệu lần tải trước.'));
  }, []);

  return (
    <section aria-labelledby="progress-title">
      <h1 id="progress-title">Tiến độ của xã</h1>
      {note && <p role="status">{note}</p>}
      {!data ? (
        <p>Chưa có số liệu. Cần có mạng để tải lần đầu.</p>
      ) : (
        <>
          <p class="muted">Số liệu lúc {new Date(data.at).toLocaleTimeString('vi-VN')} {formatDate(data.at)}</p>
          <table class="progress-table">
            <thead>
              <tr><th scope="col">Xã</th><th scope="col">Số hộ</th><th scope="col">Đã đăng ký</th><th scope="col">Có cửa hàng</th><th scope="col">Có tài khoản</th><th scope="col">Cả hai</th><th scope="col">Mục tiêu</th><th scope="col">Hạn</th></tr>
            </thead>
            <tbody>
              {data.communes.map((c) => (
                <tr key={c.communeCode}>
                  <th scope="row">{c.communeName}</th>
                  <td>{c.householdCount === null ? 'chưa nhập' : formatNumber(c.householdCount)}</td>
                  <td>{formatNumber(c.signedUp)}</td>
                  <td>{formatNumber(c.shopsOpened)}</td>
                  <td>{formatNumber(c.paymentAccounts)}</td>
                  <td>{formatNumber(c.both)}{c.percentBoth !== null && ` (${formatNumber(c.percentBoth)}%)`}</td>
                  <td>{c.targetPercent}%{c.householdCount !== null && ` = ${formatNumber(Math.ceil((c.householdCount * c.targetPercent) / 100))} hộ`}</td>
                  <td>{c.deadline ? formatDate(c.deadline) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <HandoverPanel device={device} onImported={onChanged} />
    </section>
  );
}
