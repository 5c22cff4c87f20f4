import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { UpdatePrompt } from './update-prompt';
import { OnlineBadge } from './online-badge';
import { linkManifestFor } from './install-manifest';

// Each area loads lazily so the kiosk's first load stays small on a weak connection.
const KioskApp = lazy(() => import('./kiosk').then((m) => ({ default: m.KioskApp })));
const StaffApp = lazy(() => import('./staff').then((m) => ({ default: m.StaffApp })));
const DashboardApp = lazy(() => import('./dashboard').then((m) => ({ default: m.DashboardApp })));

/** Path-based routing between the kiosk (/kiosk…), staff declaring orders on a phone (/khai-bao) and the dashboards (/bang-dieu-khien…). */
export function App() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => linkManifestFor(path), [path]);
  return (
    <>
      <header class="topbar">
        <a class="brand" href="/" onClick={(e) => navigate(e, '/')}>Nông sản số Lạng Sơn</a>
        <OnlineBadge />
      </header>
      <UpdatePrompt />
      <Suspense fallback={<p class="loading">Đang tải…</p>}>
        {path.startsWith('/kiosk') ? <KioskApp /> : path.startsWith('/bang-dieu-khien') ? <DashboardApp /> : path.startsWith('/khai-bao') ? <StaffApp /> : <Home />}
      </Suspense>
    </>
  );
}

/** Client-side navigation for links inside the app. */
export function navigate(e: Event | null, to: string) {
  e?.preventDefault();
  history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function Home() {
  return (
    <main class="home">
      <h1>Nông sản số Lạng Sơn</h1>
      <p>Chọn công việc của bạn:</p>
      <ul class="home-choices">
        <li>
          <a href="/kiosk" onClick={(e) => navigate(e, '/kiosk')}>Đăng ký hộ tại xã (máy tính bảng)</a>
        </li>
        <li>
          <a href="/khai-bao" onClick={(e) => navigate(e, '/khai-bao')}>Khai báo đơn hàng đã mua (điện thoại)</a>
        </li>
        <li>
          <a href="/bang-dieu-khien" onClick={(e) => navigate(e, '/bang-dieu-khien')}>Báo cáo của cơ quan và của tỉnh</a>
        </li>
      </ul>
    </main>
  );
}
