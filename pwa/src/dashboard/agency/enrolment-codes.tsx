import { useState } from 'preact/hooks';
import { renderSVG } from 'uqr';
import { Confirm } from '../../../../components/confirm';
import { DateText } from '../../../../components/date-text';
import { outcomeOf, StatusMessage, type Outcome, type RowOutcome } from '../../../../components/status-message';
import { useReveal } from '../../../../components/reveal';
import { DataTable, longListPage, type Column } from '../../../../components/data-table';
import { formatDate } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { useLoad } from '../use-load';
import type { EnrolmentCodeView } from '../../../../lib/api/agency';
import type { AgencyUnit } from '../../../../lib/api/agency-units';
import type { ExtensionLinks } from '../../../../lib/region';
import { enrolmentSlipSteps } from '../../../../lib/enrolment-slip';

export type EnrolmentCode = EnrolmentCodeView;

const stateText: Record<EnrolmentCode['state'], string> = { active: 'Còn dùng được', expired: 'Hết hạn', revoked: 'Đã thu hồi', 'used-up': 'Đã dùng hết' };

/** Issue enrolment codes to the agency's staff, print them with QR codes, revoke the ones that leaked. */
export function EnrolmentCodes({ agencyName }: { agencyName: string }) {
  const list = useLoad<{ codes: EnrolmentCode[]; extensionLinks: ExtensionLinks }>('/api/agency/enrolment-codes');
  const units = useLoad<{ units: AgencyUnit[] }>('/api/agency/units');
  const [unitId, setUnitId] = useState('');
  const [count, setCount] = useState('10');
  const [maxUses, setMaxUses] = useState('1');
  const [validDays, setValidDays] = useState('30');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);
  const [sheet, setSheet] = useState<EnrolmentCode[] | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<RowOutcome | null>(null);

  async function issue(e: Event) {
    e.preventDefault();
    const n = { count: Number(count), maxUses: Number(maxUses), validDays: Number(validDays) };
    if (!Number.isInteger(n.count) || n.count < 1 || n.count > 500) return setMessage({ text: 'Số mã cần từ 1 đến 500.', error: true });
    if (!Number.isInteger(n.maxUses) || n.maxUses < 1 || n.maxUses > 1000) return setMessage({ text: 'Số người dùng mỗi mã cần từ 1 đến 1000.', error: true });
    if (!Number.isInteger(n.validDays) || n.validDays < 1 || n.validDays > 180) return setMessage({ text: 'Thời hạn cần từ 1 đến 180 ngày.', error: true });
    setBusy(true);
    setMessage(null);
    try {
      const res = await sendJson<{ codes: EnrolmentCode[]; extensionLinks: ExtensionLinks }>('POST', '/api/agency/enrolment-codes', { ...n, label: label.trim() || null, unitId: unitId || null });
      const unit = res.codes[0]?.unit;
      setMessage({ text: `Đã cấp ${res.codes.length} mã${unit ? ` cho ${unit.name}` : ''}, hạn dùng đến ${formatDate(res.codes[0]?.expiresAt ?? '')}.`, error: false });
      setSheet(res.codes);
      list.reload();
    } catch (err) {
      setMessage({ text: `Chưa cấp được mã: ${describeError(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  async function revoke(c: EnrolmentCode) {
    setRevoking(null);
    try {
      await sendJson('POST', `/api/agency/enrolment-codes/${encodeURIComponent(c.code)}/revoke`);
      setRevoked({ row: c.code, text: `Đã thu hồi mã ${c.display}.` });
      list.reload();
    } catch (err) {
      setRevoked({ row: c.code, text: `Chưa thu hồi được mã ${c.display}: ${describeError(err)}`, error: true });
    }
  }

  const columns: Column<EnrolmentCode>[] = [
    { key: 'display', label: 'Mã', value: (c) => c.display, render: (c) => <code>{c.display}</code> },
    { key: 'unit', label: 'Đơn vị trực thuộc', value: (c) => c.unit?.name ?? 'Toàn cơ quan' },
    { key: 'label', label: 'Ghi chú', value: (c) => c.label },
    { key: 'state', label: 'Trạng thái', value: (c) => stateText[c.state], render: (c) => <span class={`dash-badge dash-badge--${c.state}`}>{stateText[c.state]}</span> },
    { key: 'used', label: 'Đã dùng', kind: 'number', value: (c) => c.usedCount, render: (c) => `${c.usedCount}/${c.maxUses}` },
    { key: 'expiresAt', label: 'Hạn dùng', kind: 'date', value: (c) => c.expiresAt },
    { key: 'createdAt', label: 'Ngày cấp', kind: 'date', value: (c) => c.createdAt },
    {
      key: 'actions',
      label: 'Thao tác',
      searchable: false,
      value: () => null,
      render: (c) => (
        <>
          {codeAction(c)}
          <StatusMessage message={outcomeOf(revoked, c.code)} />
        </>
      ),
    },
  ];
  const codeAction = (c: EnrolmentCode) =>
    c.state !== 'active' ? null : revoking === c.code ? (
      <Confirm
        question={`Thu hồi mã ${c.display}? Người đã đăng ký bằng mã này vẫn giữ tài khoản.`}
        confirmLabel="Thu hồi"
        cancelLabel="Không thu hồi"
        danger
        onConfirm={() => void revoke(c)}
        onCancel={() => setRevoking(null)}
      />
    ) : (
      <button type="button" class="secondary" onClick={() => setRevoking(c.code)} aria-label={`Thu hồi mã ${c.display}`}>
        Thu hồi
      </button>
    );

  if (sheet) return <CodeSheet codes={sheet} agencyName={agencyName} links={list.data?.extensionLinks ?? {}} message={message} onClose={() => setSheet(null)} />;
  const active = list.data?.codes.filter((c) => c.state === 'active') ?? [];
  return (
    <section aria-labelledby="codes-h">
      <h2 id="codes-h">Mã đăng ký cho cán bộ</h2>
      <p class="dash-muted">Mỗi cán bộ nhập mã vào tiện ích trên trình duyệt để gắn với cơ quan. Mã ngắn, có hạn dùng và chỉ dùng cho cơ quan này.</p>
      <form onSubmit={issue} class="dash-noprint">
        <div class="dash-row">
          <label>
            Số mã cần cấp
            <input type="number" min={1} max={500} inputMode="numeric" value={count} onInput={(e) => setCount(e.currentTarget.value)} />
          </label>
          <label>
            Số người dùng mỗi mã
            <input type="number" min={1} max={1000} inputMode="numeric" value={maxUses} onInput={(e) => setMaxUses(e.currentTarget.value)} />
          </label>
          <label>
            Hạn dùng (ngày)
            <input type="number" min={1} max={180} inputMode="numeric" value={validDays} onInput={(e) => setValidDays(e.currentTarget.value)} />
          </label>
          {units.data && units.data.units.some((u) => u.active) && (
            <label>
              Đơn vị trực thuộc của người đăng ký
              <select value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
                <option value="">Toàn cơ quan (không thuộc đơn vị trực thuộc nào)</option>
                {units.data.units
                  .filter((u) => u.active)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </select>
            </label>
          )}
          <label>
            Ghi chú (phòng, bộ phận…)
            <input value={label} maxLength={120} onInput={(e) => setLabel(e.currentTarget.value)} />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Đang cấp…' : 'Cấp mã'}
        </button>{' '}
        {active.length > 0 && (
          <button type="button" class="secondary" onClick={() => setSheet(active)}>
            In {active.length} mã còn dùng được
          </button>
        )}
      </form>
      <StatusMessage message={message} />
      <StatusMessage error={list.error} />
      {list.data && <DataTable caption="Các mã đã cấp" columns={columns} rows={list.data.codes} rowKey={(c) => c.code} pageSize={longListPage} empty="Chưa cấp mã nào." />}
    </section>
  );
}

/**
 * A printable sheet: one card per code with the agency's full name, its QR, expiry, where to get the extension and how
 * to enrol (the same words as the collector's print page, lib/enrolment-slip.ts). It replaces the list, so its heading
 * takes focus.
 */
function CodeSheet({ codes, agencyName, links, message, onClose }: { codes: EnrolmentCode[]; agencyName: string; links: ExtensionLinks; message: Outcome | null; onClose: () => void }) {
  const heading = useReveal<HTMLHeadingElement>(codes, { focus: true, block: 'start' });
  const steps = enrolmentSlipSteps(links, location.host);
  return (
    <section aria-labelledby="sheet-h">
      <h2 id="sheet-h" tabIndex={-1} ref={heading}>
        Phiếu mã đăng ký ({codes.length} mã)
      </h2>
      <StatusMessage message={message} />
      <p class="dash-noprint">
        <button type="button" onClick={() => print()}>
          In phiếu
        </button>{' '}
        <button type="button" class="secondary" onClick={onClose}>
          Quay lại danh sách mã
        </button>
      </p>
      <ul class="dash-qr-sheet" role="list">
        {codes.map((c) => (
          <li key={c.code} class="dash-qr-card">
            <span role="img" aria-label={`Mã QR của mã ${c.display}`} dangerouslySetInnerHTML={{ __html: renderSVG(c.display, { border: 2 }) }} />
            <div class="agency">{agencyName}</div>
            <div class="code">{c.display}</div>
            <div>Hạn dùng đến <DateText iso={c.expiresAt} /></div>
            {c.unit && <div>{c.unit.name}</div>}
            {c.label && <div>{c.label}</div>}
            <ul class="how">
              {steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
