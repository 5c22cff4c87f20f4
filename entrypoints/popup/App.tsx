import { useState } from 'preact/hooks';
import { db } from '../shared/db';
import type { Enrolment } from '../shared/settings';
import { useLiveQuery } from '../shared/use-live-query';
import { Enrol } from './Enrol';
import { Orders } from './Orders';
import { ManualOrder } from './ManualOrder';
import { ReportPage } from './ReportPage';

type View = 'orders' | 'add' | 'report' | 'enrol';
const views: { id: View; label: string }[] = [
  { id: 'orders', label: 'Đơn hàng' },
  { id: 'add', label: 'Thêm đơn tự khai' },
  { id: 'report', label: 'Báo trang lỗi' },
  { id: 'enrol', label: 'Đăng ký' },
];

export function App() {
  // Wrapped, so that "not enrolled" (no row) differs from "not read yet".
  const read = useLiveQuery(async () => ({ enrolment: (await db().settings.get('enrolment'))?.value as Enrolment | undefined }), []);
  const enrolment = read?.enrolment;
  const [view, setView] = useState<View | null>(null);
  const loaded = read !== undefined;
  const current: View = view ?? (loaded && !enrolment ? 'enrol' : 'orders');
  return (
    <main>
      <h1>Nông sản số Lạng Sơn</h1>
      {enrolment ? (
        <p class="who">
          {enrolment.staff.fullName} — {enrolment.agency.name}
        </p>
      ) : (
        <p class="note">Bạn chưa đăng ký với cơ quan. Đơn hàng vẫn được ghi lại trên máy; đăng ký để gửi.</p>
      )}
      <nav aria-label="Mục">
        {views.map((v) => (
          <button key={v.id} type="button" aria-pressed={current === v.id} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {current === 'orders' && <Orders enrolment={enrolment ?? null} onAdd={() => setView('add')} />}
      {current === 'add' && <ManualOrder onDone={() => setView('orders')} />}
      {current === 'report' && <ReportPage enrolled={!!enrolment} />}
      {current === 'enrol' && <Enrol enrolment={enrolment ?? null} onDone={() => setView('orders')} />}
    </main>
  );
}
