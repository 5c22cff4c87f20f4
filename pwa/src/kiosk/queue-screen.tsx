import { useEffect, useState } from 'preact/hooks';
import type { Household } from './household-records';
import { deleteDraft } from './household-records';
import { takeBack } from './sending/send-households';
import { onSync, syncState, type SyncOptions, type SyncState } from './sending/schedule';
import { statusLabels } from '../../../lib/kiosk/household';
import { formatDate } from '../../../lib/format';
import { Confirm } from '../../../components/confirm';

export function stateLabel(h: Household): string {
  if (h.state === 'draft') return 'Bản nháp (chưa đưa vào hàng chờ gửi)';
  if (h.state === 'queued') return h.attempts ? `Chờ gửi (đã thử ${h.attempts} lần)` : 'Chờ gửi';
  if (h.state === 'rejected') return 'Máy chủ từ chối — cần sửa';
  return `Đã gửi — ${statusLabels[h.status ?? 'received']}`;
}

/** Every household of this officer: what waits, what was refused and why, what was sent (each with its record code). */
export function QueueScreen({ households, onOpen, onSync: sync, onChanged }: { households: Household[]; onOpen: (h: Household) => void; onSync: (o?: SyncOptions) => Promise<void>; onChanged: () => void }) {
  const [s, setS] = useState<SyncState>(syncState());
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => onSync(setS), []);
  const waiting = households.filter((h) => h.state === 'queued').length;

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Hàng chờ gửi</h1>
      <div class="sync-bar">
        <button type="button" class="big" onClick={() => void sync({ force: true })} disabled={s.running}>Gửi ngay</button>
        <span>{waiting ? `${waiting} hộ chờ gửi` : 'Không còn hộ nào chờ gửi'}</span>
      </div>
      {(s.running || s.total > 0) && (
        <progress max={Math.max(1, s.total)} value={s.done} aria-label="Tiến độ gửi">{s.done}/{s.total}</progress>
      )}
      <p role="status" class="sync-message">{s.message}</p>
      <ul class="queue">
        {households.map((h) => (
          <li key={h.clientId} class={`queue-item queue-item--${h.state}`}>
            <div>
              <strong>{h.headName || '(chưa có tên)'}</strong> — {h.village || '…'}
              <div class="state">{stateLabel(h)}</div>
              {h.code && <div>Mã hồ sơ: <span class="record-code">{h.code}</span></div>}
              {h.shopUrl && <div>Cửa hàng: <a href={h.shopUrl} target="_blank" rel="noopener">{h.shopUrl}</a></div>}
              {h.problem && <div class="error">{h.problem.message}</div>}
              <div class="muted">Cập nhật {formatDate(h.updatedAt)}</div>
            </div>
            <div class="row">
              {h.state === 'draft' && <button type="button" onClick={() => onOpen(h)}>Tiếp tục nhập</button>}
              {h.state === 'rejected' && <button type="button" onClick={() => onOpen(h)}>Sửa hộ {h.headName}</button>}
              {h.state === 'queued' && <button type="button" onClick={() => void sync({ only: h.clientId })} disabled={s.running}>Gửi lại hộ {h.headName}</button>}
              {h.state === 'queued' && (
                <button type="button" class="secondary" disabled={s.running} onClick={() => void takeBack(h.clientId).then(() => onOpen({ ...h, state: 'draft' }))}>
                  Sửa trước khi gửi
                </button>
              )}
              {h.state === 'sent' && <button type="button" class="secondary" onClick={() => onOpen(h)}>Xem</button>}
              {(h.state === 'draft' || h.state === 'rejected') &&
                (confirming === h.clientId ? (
                  <Confirm
                    question={`Xoá hẳn hộ ${h.headName || 'này'}?`}
                    confirmLabel="Xoá"
                    cancelLabel="Không xoá"
                    danger
                    onConfirm={() => void deleteDraft(h.clientId).then(onChanged).then(() => setConfirming(null))}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <button type="button" class="secondary" onClick={() => setConfirming(h.clientId)}>Xoá nháp</button>
                ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
