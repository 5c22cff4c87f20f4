// "Khai báo đơn hàng": for staff whose phone cannot run the extension. Enrol with the agency's code, paste (or
// share from the marketplace app) the order's confirmation, check what was read, send it as a self-declared
// order, queued on the phone until the collector answers. Loaded lazily at /khai-bao (pwa/src/app.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { CollectorError } from '../../../client/collector';
import type { StaffOrdersResponse } from '../../../lib/api/staff';
import { readPastedText } from '../../../lib/marketplaces/pasted-text';
import { db, type Declaration } from './db';
import { draftFrom, orderFrom, type Draft } from './draft';
import { EnrolForm } from './enrol-form';
import { forgetEnrolment, loadEnrolment, staffCollector, type StaffEnrolment } from './enrolment';
import { MyOrders } from './my-orders';
import { ReviewForm } from './review-form';
import { keepSending } from './send-declarations';
import './staff.css';

export function StaffApp() {
  const [enrolment, setEnrolment] = useState<StaffEnrolment | null | undefined>(undefined);
  useEffect(() => void loadEnrolment().then((e) => setEnrolment(e ?? null)), []);
  return (
    <main class="staff">
      <h1>Khai báo đơn hàng</h1>
      {enrolment === undefined ? <p>Đang tải…</p> : enrolment === null ? <EnrolForm onEnrolled={setEnrolment} /> : <Declare enrolment={enrolment} onLeft={() => setEnrolment(null)} />}
    </main>
  );
}

/** What the marketplace app shared (Web Share Target, GET /khai-bao?title=&text=&url=), once. */
function takeShared(): { text: string; url: string | null } | null {
  const q = new URLSearchParams(location.search);
  const text = [q.get('title'), q.get('text')].filter(Boolean).join('\n');
  const url = q.get('url');
  if (!text && !url) return null;
  history.replaceState(null, '', location.pathname);
  return { text: [text, url].filter(Boolean).join('\n'), url };
}

interface Photo {
  blob: Blob;
  url: string;
  size: number;
}

function Declare({ enrolment, onLeft }: { enrolment: StaffEnrolment; onLeft: () => void }) {
  const shared = useRef(takeShared());
  const [text, setText] = useState(shared.current?.text ?? '');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState<Declaration[]>([]);
  const [sent, setSent] = useState<StaffOrdersResponse['orders'] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const sender = useRef<ReturnType<typeof keepSending> | null>(null);

  async function refresh() {
    setWaiting(await db.declarations.where('staffId').equals(enrolment.staff.id).reverse().sortBy('queuedAt'));
    try {
      setSent((await staffCollector(enrolment).get<StaffOrdersResponse>('/api/staff/orders')).orders);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof CollectorError && e.status === 0 ? 'Chưa tải được danh sách trên máy chủ (chưa có mạng). Đơn trên máy vẫn được giữ.' : (e as Error).message);
    }
  }

  useEffect(() => {
    sender.current = keepSending(enrolment, (r) => {
      if (r.reEnrol) {
        setMessage({ text: 'Máy chủ không còn nhận mã đăng ký của máy này. Xin đăng ký lại; các đơn chờ gửi vẫn được giữ trên máy.', error: true });
        void forgetEnrolment().then(onLeft);
        return;
      }
      if (r.delivered) setMessage({ text: `Đã gửi ${r.delivered} đơn tới cơ quan.` });
      void refresh();
    });
    if (shared.current?.text) read(shared.current.text, shared.current.url);
    void refresh();
    return () => sender.current?.stop();
  }, [enrolment.token]);

  function read(t = text, url: string | null = null) {
    const reading = readPastedText(t, url);
    if (!reading.order) {
      setMessage({ text: 'Không tìm thấy sản phẩm có giá trong nội dung đã dán. Hãy dán cả phần tên sản phẩm, giá và tổng tiền, hoặc nhập tay.', error: true });
      setDraft(draftFrom({ marketplace: reading.marketplace, order: null }));
      return;
    }
    setMessage(null);
    setDraft(draftFrom(reading));
  }

  async function choosePhoto(file: File | null) {
    if (photo) URL.revokeObjectURL(photo.url);
    setPhoto(null);
    if (!file) return;
    try {
      const { resizePhoto } = await import('../../../client/photo-resize');
      const { blob } = await resizePhoto(file);
      setPhoto({ blob, url: URL.createObjectURL(blob), size: blob.size });
    } catch {
      setMessage({ text: 'Không đọc được ảnh này. Hãy chọn một ảnh chụp (JPEG hoặc PNG).', error: true });
    }
  }

  async function send() {
    if (!draft) return;
    setBusy(true);
    const order = orderFrom(draft, crypto.randomUUID());
    await db.declarations.add({ clientId: order.clientId, staffId: enrolment.staff.id, order, state: 'queued', queuedAt: new Date().toISOString(), attempts: 0, nextAttemptAt: 0, serverId: null, problem: null, photo: photo?.blob ?? null });
    setDraft(null);
    setText('');
    if (photo) URL.revokeObjectURL(photo.url);
    setPhoto(null);
    setMessage({ text: 'Đã lưu đơn trên máy. Đơn sẽ tự gửi tới cơ quan khi có mạng.' });
    setBusy(false);
    await refresh();
    void sender.current?.run(true);
  }

  return (
    <>
      <p>
        {enrolment.staff.fullName} · {enrolment.agency.name}
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
      {draft ? (
        <ReviewForm draft={draft} onChange={setDraft} photo={photo} onPhoto={choosePhoto} onSend={send} onCancel={() => setDraft(null)} busy={busy} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            read();
          }}
          aria-labelledby="paste-h"
        >
          <h2 id="paste-h">Dán nội dung xác nhận đơn</h2>
          <p>Trong ứng dụng Voso hoặc Postmart, mở đơn vừa đặt, chọn “Chia sẻ” và chọn Nông sản số; hoặc sao chép nội dung xác nhận đơn rồi dán vào đây.</p>
          <label>
            Nội dung xác nhận đơn hàng
            <textarea rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="staff-actions">
            <button type="submit" disabled={!text.trim()}>Đọc đơn</button>
            <button type="button" class="secondary" onClick={() => setDraft(draftFrom({ marketplace: null, order: null }))}>Nhập tay</button>
          </div>
        </form>
      )}
      <MyOrders waiting={waiting} sent={sent} loadError={loadError} />
    </>
  );
}
