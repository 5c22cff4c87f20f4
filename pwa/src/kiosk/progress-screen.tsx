import { useEffect, useState } from 'preact/hooks';
import { get, set } from 'idb-keyval';
import { kioskCollector, type Device } from './device';
import type { CommuneProgress } from '../../../lib/api/kiosk';
import { formatDate, formatNumber } from '../../../lib/format';
import { HandoverPanel } from './handover-panel';
import type { Session } from '.';

const channelNames = { kiosk: 'Ki-ốt xã', postmart: 'Bưu điện', voso: 'Viettel Post' } as const;

/**
 * The commune's progress toward its target from every channel (kiosk, Bưu điện, Viettel Post; each household once),
 * from the collector; the last copy is shown offline.
 */
export function ProgressScreen({ device, session, onChanged }: { device: Device; session: Session; onChanged: () => void }) {
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
          {/* Named after the screen: the channel table below has its own caption. */}
          <table class="progress-table" aria-labelledby="progress-title">
            <thead>
              <tr><th scope="col">Xã</th><th scope="col">Số hộ</th><th scope="col">Đã đăng ký</th><th scope="col">Có cửa hàng</th><th scope="col">Có tài khoản</th><th scope="col">Cả hai</th><th scope="col">Sản phẩm đã đăng</th><th scope="col">Mục tiêu</th><th scope="col">Hạn</th></tr>
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
                  <td>{c.productsListed === undefined ? '—' : formatNumber(c.productsListed)}</td>
                  <td>{c.targetPercent}%{c.householdCount !== null && ` = ${formatNumber(Math.ceil((c.householdCount * c.targetPercent) / 100))} hộ`}</td>
                  <td>{c.deadline ? formatDate(c.deadline) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* A copy saved before the channels were counted has no split: it shows the totals only. */}
          {data.communes.some((c) => c.channels) && (
            <table class="progress-table">
              <caption>Theo kênh: hộ có cửa hàng / có tài khoản thanh toán / sản phẩm đã đăng</caption>
              <thead>
                <tr><th scope="col">Xã</th>{Object.values(channelNames).map((n) => <th scope="col" key={n}>{n}</th>)}</tr>
              </thead>
              <tbody>
                {data.communes.filter((c) => c.channels).map((c) => (
                  <tr key={c.communeCode}>
                    <th scope="row">{c.communeName}</th>
                    {(Object.keys(channelNames) as (keyof typeof channelNames)[]).map((ch) => (
                      <td key={ch}>{formatNumber(c.channels[ch].shops)} / {formatNumber(c.channels[ch].payments)} / {formatNumber(c.channels[ch].productsListed)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <HandoverPanel device={device} session={session} onImported={onChanged} />
    </section>
  );
}
