import { useState } from 'preact/hooks';
import { kioskCollector, signedInAsOfficer, type Device } from './device';
import { pullRoster } from './sending/pull-roster';
import type { Session } from '.';
import { CollectorError } from '../../../client/collector';
import type { HandoverAnswer } from '../../../lib/api/kiosk';
import { vietnamToday } from '../../../lib/periods';
import { formatNumber } from '../../../lib/format';

type ImportAnswer = HandoverAnswer;

/** Hand-over with the post office / Viettel Post staff: the list of households waiting, and their results back. */
export function HandoverPanel({ device, session, onImported }: { device: Device; session: Session; onImported: () => void }) {
  const [message, setMessage] = useState('');
  const [downloaded, setDownloaded] = useState('');
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [asking, setAsking] = useState<'xlsx' | 'csv' | null>(null);

  // The list carries phone and ID numbers: the tablet's own token may not fetch it, the officer signs in for it.
  async function download(ext: 'xlsx' | 'csv', username: string, password: string) {
    setMessage('');
    setDownloaded('');
    try {
      const res = await signedInAsOfficer(username, password, (officer) => officer.request(`/api/kiosk/handover.${ext}`));
      setAsking(null);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await res.blob());
      a.download = `ban-giao-ho-${vietnamToday()}.${ext}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      // Said next to the buttons: which file, where it went, and how many households it lists.
      const n = Number(res.headers.get('X-Household-Count') ?? NaN);
      const count = Number.isFinite(n) ? (n ? ` Tệp có ${formatNumber(n)} hộ chờ mở cửa hàng.` : ' Không có hộ nào chờ bàn giao: tệp chỉ có dòng tiêu đề.') : '';
      setDownloaded(`Đã tải tệp “${a.download}” vào thư mục Tải về của máy.${count}`);
    } catch (e) {
      setMessage(e instanceof CollectorError && e.status === 0 ? 'Cần có mạng để tải danh sách bàn giao.' : `Không tải được: ${(e as Error).message}`);
    }
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setMessage('Đang nhập kết quả…');
    setAnswer(null);
    try {
      const body = (await (await kioskCollector(device).request('/api/kiosk/handover', { method: 'POST', body: file, timeoutMs: 120_000 })).json()) as ImportAnswer;
      setAnswer(body);
      setMessage(`Đã cập nhật ${body.updated} hộ, ${body.unchanged} hộ không đổi${body.problems.length ? `, ${body.problems.length} dòng có lỗi` : ''}.`);
      await pullRoster(device, session.keys, session.officer.id).catch(() => undefined);
      onImported();
    } catch (e) {
      setMessage(e instanceof CollectorError && e.status !== 0 ? e.message : 'Cần có mạng để nhập kết quả. Tệp chưa được gửi.');
    }
  }

  return (
    <section aria-labelledby="handover-title" class="handover">
      <h2 id="handover-title">Bàn giao cho bưu điện / Viettel Post</h2>
      <p>Danh sách các hộ chưa xong (chưa đăng sản phẩm). Nhân viên điền cột “Đường dẫn cửa hàng”, “Đã mở tài khoản thanh toán”, “Đã đăng sản phẩm” (Có) rồi gửi lại tệp.</p>
      <div class="row">
        <button type="button" onClick={() => setAsking('xlsx')}>Tải danh sách (Excel)</button>
        <button type="button" class="secondary" onClick={() => setAsking('csv')}>Tải danh sách (CSV)</button>
      </div>
      <p role="status" class="saved">{downloaded}</p>
      {asking && (
        <form
          class="handover-sign-in"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void download(asking, String(f.get('username') ?? ''), String(f.get('password') ?? ''));
          }}
        >
          <p>Danh sách có số điện thoại và số CCCD nên cần cán bộ xã đăng nhập bằng tài khoản của mình (máy không tự lưu).</p>
          <label>
            Tên đăng nhập
            <input name="username" autocomplete="username" required />
          </label>
          <label>
            Mật khẩu
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <div class="row">
            <button type="submit">Đăng nhập và tải</button>
            <button type="button" class="secondary" onClick={() => setAsking(null)}>Huỷ</button>
          </div>
        </form>
      )}
      <label>
        Nhập tệp kết quả (XLSX hoặc CSV)
        <input type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
      </label>
      <p role="status">{message}</p>
      {answer && answer.problems.length > 0 && (
        <ul class="error">
          {answer.problems.map((p) => <li key={p.row}>Dòng {p.row} (mã {p.recordCode}): {p.message}</li>)}
        </ul>
      )}
    </section>
  );
}
