import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../../components/status-message';
import { formatDate, formatNumber } from '../../../../lib/format';
import { operatorNames, operators, type ColumnMap, type Operator, type OperatorField } from '../../../../lib/channels/operator-columns';
import type { ImportOutcome } from '../../../../lib/api/channels';
import { apiFetch, describeError, sendJson } from '../api';
import { useLoad } from '../use-load';

interface ColumnMapView {
  columns: ColumnMap;
  fields: { field: OperatorField; label: string; required: boolean }[];
}
interface ImportLog {
  id: string;
  operator: Operator;
  fileName: string;
  importedAt: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  refused: number;
}

/**
 * The operators' own lists (Bưu điện's postmart, Viettel Post's voso) of shops, payment accounts and products:
 * choose the file, see every row's problem in a preview, pick once which column is which, then import. Importing the
 * same file again changes nothing.
 */
export function OperatorLists() {
  const [operator, setOperator] = useState<Operator>('postmart');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportOutcome | null>(null);
  const [columns, setColumns] = useState<ColumnMap>({});
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const map = useLoad<ColumnMapView>(`/api/channels/column-maps/${operator}`);
  const log = useLoad<{ imports: ImportLog[] }>('/api/channels/imports');

  async function send(kind: 'preview' | 'import', f: File): Promise<ImportOutcome> {
    const path = `/api/channels/imports/${operator}${kind === 'preview' ? '/preview' : ''}?file=${encodeURIComponent(f.name)}`;
    return (await (await apiFetch(path, { method: 'POST', body: f, timeoutMs: 300_000 })).json()) as ImportOutcome;
  }

  async function look(f: File | null) {
    setFile(f);
    setPreview(null);
    setMessage(null);
    if (!f) return;
    setBusy(true);
    try {
      const p = await send('preview', f);
      setPreview(p);
      setColumns(p.columns);
      if (p.missing.length) setMessage({ text: 'Chọn cột xã và cột họ tên chủ hộ (và các cột khác nếu tệp có) rồi bấm “Lưu cách đọc cột”.', error: true });
    } catch (e) {
      setMessage({ text: `Không đọc được tệp: ${describeError(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  async function saveColumns() {
    const chosen = Object.fromEntries(Object.entries(columns).filter(([, h]) => h)) as ColumnMap;
    try {
      await sendJson('PUT', `/api/channels/column-maps/${operator}`, { columns: chosen });
      map.reload();
      setMessage({ text: `Đã lưu cách đọc cột cho danh sách của ${operatorNames[operator]}; lần sau không cần chọn lại.` });
      if (file) await look(file);
    } catch (e) {
      setMessage({ text: `Chưa lưu được cách đọc cột: ${describeError(e)}`, error: true });
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    try {
      const done = await send('import', file);
      setPreview(done);
      setMessage({ text: `Đã nhập ${file.name}: ${formatNumber(done.added)} hộ mới, ${formatNumber(done.changed)} hộ cập nhật, ${formatNumber(done.unchanged)} hộ không đổi, ${formatNumber(done.refused)} dòng không nhận.` });
      log.reload();
    } catch (e) {
      setMessage({ text: `Chưa nhập được: ${describeError(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  const fields = map.data?.fields ?? [];
  return (
    <section aria-labelledby="ops-h">
      <h2 id="ops-h">Danh sách của Bưu điện và Viettel Post</h2>
      <p>Nhập danh sách hộ đã mở gian hàng, tài khoản thanh toán và số sản phẩm đã đăng do nhân viên Bưu điện, Viettel Post gửi (XLSX hoặc CSV). Hộ trùng số điện thoại hoặc CCCD với hộ đã đăng ký ở ki-ốt xã chỉ tính một lần.</p>
      <div class="dash-row">
        <label>
          Đơn vị gửi danh sách
          <select
            value={operator}
            onChange={(e) => {
              setOperator(e.currentTarget.value as Operator);
              setFile(null);
              setPreview(null);
            }}
          >
            {operators.map((o) => (
              <option key={o} value={o}>
                {operatorNames[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tệp danh sách
          <input type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" disabled={busy} onChange={(e) => void look(e.currentTarget.files?.[0] ?? null)} />
        </label>
      </div>
      <StatusMessage message={message} />
      {busy && <p role="status">Đang đọc tệp…</p>}
      {preview && (
        <>
          <fieldset>
            <legend>Cột nào là gì (lưu một lần cho {operatorNames[operator]})</legend>
            <div class="dash-row">
              {fields.map((f) => (
                <label key={f.field}>
                  {f.label}
                  {f.required ? ' (bắt buộc)' : ''}
                  <select value={columns[f.field] ?? ''} onChange={(e) => setColumns({ ...columns, [f.field]: e.currentTarget.value || undefined })}>
                    <option value="">— Không có —</option>
                    {preview.header.filter(Boolean).map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <button type="button" class="secondary" onClick={() => void saveColumns()}>
              Lưu cách đọc cột
            </button>
          </fieldset>
          {!preview.missing.length && (
            <>
              <p>
                Xem trước: {formatNumber(preview.rows)} dòng — {formatNumber(preview.added)} hộ mới, {formatNumber(preview.changed)} hộ cập nhật, {formatNumber(preview.unchanged)} hộ không đổi, {formatNumber(preview.refused)} dòng không nhận.
              </p>
              {preview.problems.length > 0 && (
                <div class="data-table">
                  <table>
                    <caption>Các dòng có vấn đề{preview.problemsLeftOff ? ` (và ${formatNumber(preview.problemsLeftOff)} vấn đề khác)` : ''}</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="num">Dòng</th>
                        <th scope="col">Vấn đề</th>
                        <th scope="col">Dòng này</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.problems.map((p, i) => (
                        <tr key={i}>
                          <td class="num">{p.row}</td>
                          <td>
                            {p.message} [{p.code}]
                          </td>
                          <td>{p.blocking ? 'không nhận' : 'vẫn nhận'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <button type="button" disabled={busy || preview.added + preview.changed === 0} onClick={() => void commit()}>
                {preview.added + preview.changed === 0 ? 'Không có gì mới để nhập' : `Nhập ${formatNumber(preview.added + preview.changed)} hộ`}
              </button>
            </>
          )}
        </>
      )}
      <h3>Các lần nhập</h3>
      <StatusMessage error={log.error} />
      {log.data && !log.data.imports.length && <p class="dash-muted">Chưa nhập danh sách nào.</p>}
      {log.data && log.data.imports.length > 0 && (
        <div class="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">Ngày</th>
                <th scope="col">Của</th>
                <th scope="col">Tệp</th>
                <th scope="col" class="num">Dòng</th>
                <th scope="col" class="num">Mới</th>
                <th scope="col" class="num">Cập nhật</th>
                <th scope="col" class="num">Không nhận</th>
              </tr>
            </thead>
            <tbody>
              {log.data.imports.map((i) => (
                <tr key={i.id}>
                  <td>{formatDate(i.importedAt)}</td>
                  <td>{operatorNames[i.operator] ?? i.operator}</td>
                  <td>{i.fileName}</td>
                  <td class="num">{formatNumber(i.rows)}</td>
                  <td class="num">{formatNumber(i.added)}</td>
                  <td class="num">{formatNumber(i.changed)}</td>
                  <td class="num">{formatNumber(i.refused)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
