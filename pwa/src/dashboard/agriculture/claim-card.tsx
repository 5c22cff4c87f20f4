import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../../components/status-message';
import { formatDate } from '../../../../lib/format';
import { expiryFormatMessage, parseExpiry } from '../../../../lib/kiosk/certificate-details';
import { marketplaceLabels, isMarketplace } from '../../../../lib/marketplaces/hosts';
import type { ClaimView } from '../../../../lib/api/agriculture';
import { claimKindLabels, claimStatusLabels, ocopStarChoices } from '../../../../lib/quality/claims';
import { describeError, sendJson } from '../api';
import { DateField } from '../date-field';

/** One claim: the household as far as the check needs, what the kiosk typed, and verify / refuse with a reason. */
export function ClaimCard({ claim: c, onDone }: { claim: ClaimView; onDone: () => void }) {
  const [number, setNumber] = useState(c.number ?? '');
  const [issuer, setIssuer] = useState(c.issuer ?? '');
  const [expires, setExpires] = useState(c.expiresOn ? formatDate(c.expiresOn) : '');
  const [stars, setStars] = useState(c.stars === null ? '' : String(c.stars));
  const [reason, setReason] = useState(c.refusalReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const h = c.household;
  const title = `${claimKindLabels[c.kind]} — ${h.headName}`;

  async function decide(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', `/api/agriculture/claims/${encodeURIComponent(c.id)}/decision`, body);
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  function verify(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = { decision: 'verified' };
    if (c.kind !== 'ocop') body.number = number;
    if (c.kind === 'vietgap') body.issuer = issuer;
    if (c.kind !== 'traceability') {
      const iso = expires.trim() ? parseExpiry(expires) : null;
      if (expires.trim() && !iso) return setError(expiryFormatMessage);
      body.expiresOn = iso;
    }
    if (c.kind === 'ocop') body.stars = stars ? Number(stars) : null;
    void decide(body);
  }

  function refuse() {
    if (reason.trim().length < 3) return setError('Ghi lý do không xác nhận để báo lại cho hộ.');
    void decide({ decision: 'refused', reason });
  }

  return (
    <li class="dash-review-card" aria-label={title}>
      <h3>
        {title} <span class={`dash-badge dash-badge--${c.status === 'verified' ? 'active' : c.status === 'unverified' ? 'late' : 'expired'}`}>{claimStatusLabels[c.status]}</span>
      </h3>
      <p>
        Thôn {h.village}, {h.communeName}, {h.districtName}. Cửa hàng: {h.shopName} ({isMarketplace(h.marketplace) ? marketplaceLabels[h.marketplace] : h.marketplace})
        {h.shopUrl && (
          <>
            {' '}
            — <a href={h.shopUrl} target="_blank" rel="noopener noreferrer">{h.shopUrl}</a>
          </>
        )}
        .
      </p>
      {h.products.length > 0 && <p>Sản phẩm: {h.products.map((p) => p.name).join(', ')}.</p>}
      {c.submitted && <p>Hộ khai: „{c.submitted}”.</p>}
      {c.decidedAt && (
        <p class="dash-muted">
          {claimStatusLabels[c.status === 'expired' ? 'verified' : c.status]} ngày {formatDate(c.decidedAt)}
          {c.decidedBy ? `, ${c.decidedBy}` : ''}
          {c.refusalReason ? `. Lý do: ${c.refusalReason}` : ''}.
        </p>
      )}
      <form onSubmit={verify}>
        <div class="dash-row">
          {c.kind !== 'ocop' && (
            <label>
              {c.kind === 'vietgap' ? 'Số giấy chứng nhận' : 'Mã truy xuất nguồn gốc'}
              <input value={number} onInput={(e) => setNumber(e.currentTarget.value)} />
            </label>
          )}
          {c.kind === 'vietgap' && (
            <label>
              Tổ chức cấp
              <input value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
            </label>
          )}
          {c.kind === 'ocop' && (
            <label>
              Số sao OCOP
              <select value={stars} onChange={(e) => setStars(e.currentTarget.value)}>
                <option value="">— Chọn —</option>
                {ocopStarChoices.map((n) => (
                  <option key={n} value={String(n)}>
                    {n} sao
                  </option>
                ))}
              </select>
            </label>
          )}
          {c.kind !== 'traceability' && (
            <DateField label="Hết hạn ngày" placeholder="30/06/2027" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
          )}
        </div>
        <button type="submit" disabled={busy}>
          Xác minh
        </button>
        <div class="dash-row">
          <label>
            Lý do không xác nhận
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="button" class="secondary" disabled={busy} onClick={refuse}>
            Không xác nhận
          </button>
        </div>
      </form>
      <StatusMessage error={error} />
    </li>
  );
}
