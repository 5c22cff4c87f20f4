import { useState } from 'preact/hooks';
import { DateText } from '../../../../components/date-text';
import { Money } from '../../../../components/money';
import { Confirm } from '../../../../components/confirm';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import type { Tally } from '../../../../lib/tally';
import { formatDate, formatNumber } from '../../../../lib/format';
import { describeError, sendJson } from '../api';
import { ExportButton } from '../export-button';
import { DocumentFieldsForm, draftFields, emptyDraft } from '../document-fields';
import type { Period } from '../periods';
import { TallyCards } from '../tally-cards';
import { figureNames } from '../../../../lib/vocabulary';
import { useLoad } from '../use-load';
import { vietnamToday } from '../../../../lib/periods';
import type { ReportSummary, UnitTally } from '../../../../lib/api/agency';
import { UnitFigures } from './unit-figures';

export type SubmittedReport = ReportSummary;

/** The period's live tally, the submit step (numbers locked with who and when) and the versions sent. */
export function AgencyReport({ period }: { period: Period }) {
  const q = `period=${encodeURIComponent(period.id)}`;
  const live = useLoad<{ tally: Tally; units: UnitTally[] | null }>(`/api/agency/tally?${q}`);
  const versions = useLoad<{ reports: SubmittedReport[] }>(`/api/agency/reports?${q}`);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState(emptyDraft('THỦ TRƯỞNG CƠ QUAN'));
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const late = vietnamToday() > period.reportDue;

  async function submit() {
    setBusy(true);
    setMessage(null);
    try {
      const r = await sendJson<SubmittedReport>('POST', '/api/agency/reports', { periodId: period.id, note: note.trim() || null, ...draftFields(draft) });
      setMessage({ text: `Đã gửi báo cáo lần ${r.version} lúc ${formatDate(r.submittedAt)}${r.late ? ' (nộp muộn)' : ''}. Số liệu đã được khóa; tải văn bản báo cáo (Word) ở bảng các lần đã gửi.`, error: false });
      setConfirming(false);
      setNote('');
      live.reload();
      versions.reload();
    } catch (e) {
      setMessage({ text: `Chưa gửi được báo cáo: ${describeError(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  const latest = versions.data?.reports[0];
  const tally = live.data?.tally;
  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">Số liệu {period.name}</h2>
      <p class="dash-muted">
        Hạn gửi báo cáo: <DateText iso={period.reportDue} />. {latest ? `Đã gửi lần ${latest.version} ngày ${formatDate(latest.submittedAt)}${latest.late ? ' (muộn)' : ''}.` : 'Chưa gửi báo cáo.'}
      </p>
      <StatusMessage error={live.error} />
      <StatusMessage error={versions.error} />
      {tally && <TallyCards tally={tally} label="Số liệu hiện tại của cơ quan" base="CB, CC, VC, NLĐ của cơ quan" />}
      {tally && live.data?.units && <UnitFigures units={live.data.units} total={tally} caption="Số liệu hiện tại theo đơn vị trực thuộc" />}
      <StatusMessage message={message} />
      {tally &&
        (confirming ? (
          <Confirm question="Xác nhận gửi báo cáo" confirmLabel="Xác nhận gửi" busyLabel="Đang gửi…" busy={busy} cancelLabel="Hủy" onConfirm={submit} onCancel={() => setConfirming(false)}>
            <p>
              Gửi Sở Thông tin và Truyền thông: {formatNumber(tally.participants)} người tham gia, {formatNumber(tally.farmItems)} mặt hàng, <Money vnd={tally.amountVnd} />, khoảng {formatNumber(tally.kg)} kg.
              {late && ' Đã quá hạn: báo cáo sẽ được ghi là nộp muộn.'} Sau khi gửi, số liệu của lần này được khóa; gửi lại sẽ tạo lần mới và giữ lần cũ.
            </p>
            <label>
              Ghi chú kèm báo cáo (không bắt buộc)
              <textarea rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <DocumentFieldsForm draft={draft} onChange={setDraft} symbolHint="15/BC-SNV" />
          </Confirm>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {latest ? 'Gửi lại báo cáo (lần mới)' : 'Gửi báo cáo cho Sở'}
          </button>
        ))}
      <h3>Tải về</h3>
      <div class="dash-exports">
        <ExportButton path={`/api/agency/export.xlsx?${q}`} label="Tải Excel (XLSX)" />
        <ExportButton path={`/api/agency/export.csv?${q}`} label="Tải CSV" />
        {live.data?.units && <ExportButton path={`/api/agency/export.csv?${q}&table=units`} label="Tải CSV theo đơn vị trực thuộc" />}
      </div>
      {versions.data && versions.data.reports.length > 0 && <Versions reports={versions.data.reports} />}
    </section>
  );
}

function Versions({ reports }: { reports: SubmittedReport[] }) {
  return (
    <div class="data-table">
      <table>
        <caption>Các lần đã gửi (số liệu đã khóa)</caption>
        <thead>
          <tr>
            <th scope="col">Lần</th>
            <th scope="col">Ngày gửi</th>
            <th scope="col">Người gửi</th>
            <th scope="col">Đúng hạn</th>
            <th scope="col">Tải bản đã gửi</th>
            <th scope="col" class="num">{figureNames.participants}</th>
            <th scope="col" class="num">{figureNames.farmItems}</th>
            <th scope="col" class="num">Số lượng</th>
            <th scope="col" class="num">{figureNames.amountVnd}</th>
            <th scope="col" class="num">Ước tính (kg)</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.version}</th>
              <td><DateText iso={r.submittedAt} /></td>
              <td>{r.submittedBy.fullName}</td>
              <td>{r.late ? <span class="dash-badge dash-badge--late">Muộn</span> : <span class="dash-badge dash-badge--submitted">Đúng hạn</span>}</td>
              <td>
                <ExportButton path={`/api/agency/export.xlsx?report=${encodeURIComponent(r.id)}`} label={`Excel lần ${r.version}`} />
                <ExportButton path={`/api/agency/reports/${encodeURIComponent(r.id)}/document.docx`} label={`Văn bản Word lần ${r.version}`} />
              </td>
              <td class="num">{formatNumber(r.tally.participants)}</td>
              <td class="num">{formatNumber(r.tally.farmItems)}</td>
              <td class="num">{formatNumber(r.tally.quantity)}</td>
              <td class="num"><Money vnd={r.tally.amountVnd} /></td>
              <td class="num">{formatNumber(r.tally.kg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
