import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import type { ClaimList } from '../../../../lib/api/agriculture';
import { claimKindLabels, claimStatusLabels, expiringWithinDays, type ClaimStatus } from '../../../../lib/quality/claims';
import { useLoad } from '../use-load';
import { ClaimCard } from './claim-card';

const shown: { id: ClaimStatus | 'all'; label: string }[] = [
  { id: 'unverified', label: 'Chờ xác minh' },
  { id: 'verified', label: 'Đã xác minh, còn hạn' },
  { id: 'refused', label: 'Không xác nhận' },
  { id: 'expired', label: 'Đã hết hạn' },
  { id: 'all', label: 'Tất cả' },
];

/**
 * Sở NN&PTNT: the households' VietGAP, OCOP and traceability claims to verify or refuse, and the certificates that
 * expire within 30 days. Only what checking a certificate needs is shown (no phone, ID number or photo).
 */
export function AgricultureView() {
  const [status, setStatus] = useState<ClaimStatus | 'all'>('unverified');
  const list = useLoad<ClaimList>(`/api/agriculture/claims?status=${status}`);
  const expiring = useLoad<ClaimList>('/api/agriculture/claims/expiring');
  const changed = () => {
    list.reload();
    expiring.reload();
  };
  return (
    <main class="dash-wide">
      <h1>Kiểm tra chất lượng sản phẩm của hộ</h1>
      <section aria-labelledby="agri-expiring-h">
        <h2 id="agri-expiring-h">Giấy chứng nhận sắp hết hạn (trong {expiringWithinDays} ngày)</h2>
        <StatusMessage error={expiring.error} />
        {expiring.data &&
          (expiring.data.claims.length ? (
            <ul>
              {expiring.data.claims.map((c) => (
                <li key={c.id}>
                  {claimKindLabels[c.kind]} {c.number ?? ''} của {c.household.headName} ({c.household.communeName}, {c.household.districtName}): hết hạn ngày{' '}
                  {formatDate(c.expiresOn!)}
                </li>
              ))}
            </ul>
          ) : (
            <p>Không có giấy chứng nhận nào hết hạn trong {expiringWithinDays} ngày tới.</p>
          ))}
      </section>
      <section aria-labelledby="agri-claims-h">
        <h2 id="agri-claims-h">Thông tin hộ khai</h2>
        <fieldset>
          <legend>Hiển thị</legend>
          <div class="dash-row">
            {shown.map((s) => (
              <label key={s.id} class="dash-radio">
                <input type="radio" name="claim-status" checked={status === s.id} onChange={() => setStatus(s.id)} /> {s.label}
              </label>
            ))}
          </div>
        </fieldset>
        <StatusMessage error={list.error} />
        {list.data && (
          <>
            <p aria-live="polite">
              {list.data.claims.length
                ? `${list.data.claims.length} mục${status === 'all' ? '' : ` ${claimStatusLabels[status as ClaimStatus].toLowerCase()}`}.`
                : 'Không có mục nào.'}
            </p>
            <ul class="dash-review-list">
              {list.data.claims.map((c) => (
                <ClaimCard key={`${c.id}-${c.status}-${c.decidedAt}`} claim={c} onDone={changed} />
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
