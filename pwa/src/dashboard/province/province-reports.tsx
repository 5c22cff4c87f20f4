import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate, formatNumber, formatVnd } from '../../../../lib/format';
import type { ProvinceReport } from '../../../../lib/api/province';
import { describeError, sendJson } from '../api';
import { DocumentFieldsForm, draftFields, emptyDraft } from '../document-fields';
import { ExportButton } from '../export-button';
import { useLoad } from '../use-load';

type ProvinceReportSummary = Omit<ProvinceReport, 'snapshot'>;

/** Sở TT&TT's báo cáo tổng hợp to UBND tỉnh: made from the submitted reports, kept by version, downloaded in Word. */
export function ProvinceReports({ periodId }: { periodId: string }) {
  const list = useLoad<{ reports: ProvinceReportSummary[] }>(`/api/province/reports?period=${encodeURIComponent(periodId)}`);
  const [draft, setDraft] = useState(emptyDraft('GIÁM ĐỐC'));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);

  async function create() {
    setBusy(true);
    setMessage(null);
    try {
      const r = await sendJson<ProvinceReport>('POST', '/api/province/reports', { periodId, ...draftFields(draft) });
      const t = r.snapshot.totals;
      setMessage({ text: `Đã lập báo cáo tổng hợp lần ${r.version}: ${formatNumber(t.participants)} người tham gia, ${formatNumber(t.farmItems)} mặt hàng, ${formatVnd(t.amountVnd)}. Tải văn bản Word ở bảng dưới.`, error: false });
      setOpen(false);
      list.reload();
    } catch (e) {
      setMessage({ text: `Chưa lập được báo cáo: ${describeError(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="province-reports-h">
      <h3 id="province-reports-h">Báo cáo tổng hợp gửi Ủy ban nhân dân tỉnh</h3>
      <p class="dash-muted">Lập từ báo cáo đã nộp của các cơ quan (lần nộp mới nhất); cơ quan chưa báo cáo được ghi rõ. Mỗi lần lập là một bản mới, bản cũ được giữ.</p>
      <StatusMessage message={message} />
      {open ? (
        <div class="dash-notice" role="group" aria-labelledby="province-report-form-h">
          <h4 id="province-report-form-h">Lập báo cáo tổng hợp</h4>
          <DocumentFieldsForm draft={draft} onChange={setDraft} symbolHint="15/BC-STTTT" />
          <button type="button" disabled={busy} onClick={create}>
            {busy ? 'Đang lập…' : 'Lập báo cáo'}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setOpen(false)}>
            Hủy
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Lập báo cáo tổng hợp (Word)
        </button>
      )}
      <StatusMessage error={list.error} />
      {list.data && list.data.reports.length > 0 && (
        <ul>
          {list.data.reports.map((r) => (
            <li key={r.id}>
              Lần {r.version}, lập ngày {formatDate(r.createdAt)} bởi {r.createdBy}{' '}
              <ExportButton path={`/api/province/reports/${encodeURIComponent(r.id)}/document.docx`} label={`Tải văn bản Word lần ${r.version}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
