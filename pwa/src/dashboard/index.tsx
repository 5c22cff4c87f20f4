import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { getJson, sendJson, setApiSession } from './api';
import { clearSession, loadSession, saveSession, type Session } from './session';
import { SignIn } from './sign-in';

// Each role's screens load after sign-in, so the sign-in page (/bang-dieu-khien's first load) carries none of them.
const ProvinceView = lazy(() => import('./province/province-view').then((m) => ({ default: m.ProvinceView })));
const AgencyView = lazy(() => import('./agency/agency-view').then((m) => ({ default: m.AgencyView })));
const OfficerView = lazy(() => import('./officer-view').then((m) => ({ default: m.OfficerView })));
const AgricultureView = lazy(() => import('./agriculture/agriculture-view').then((m) => ({ default: m.AgricultureView })));
const DistrictView = lazy(() => import('./channels/district-view').then((m) => ({ default: m.DistrictView })));
import './dashboard.css';

/**
 * Agency (cán bộ đầu mối) and province (Sở TT&TT) dashboards under /bang-dieu-khien.
 * When a session expires mid-work the page stays as it is under a sign-in dialog, so nothing typed is lost.
 */
export function DashboardApp() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [expired, setExpired] = useState(false);
  setApiSession(session?.token ?? null, () => setExpired(true));

  // A session also ends on its own clock, even when the page makes no call.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const t = setTimeout(() => setExpired(true), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(t);
  }, [session]);

  // Coming back to the tab (or opening the page) asks the collector whether the session still holds, so an
  // expired one is caught before someone types a long form.
  useEffect(() => {
    if (!session) return;
    const check = () => getJson('/api/auth/me').catch(() => {});
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [session]);

  function signedIn(s: Session) {
    saveSession(s);
    setApiSession(s.token, () => setExpired(true));
    // Someone else signing in on the expired page gets a fresh screen: the view is keyed by the user's id.
    setSession(s);
    setExpired(false);
  }

  async function signOut() {
    try {
      await sendJson('POST', '/api/auth/logout');
    } catch {
      /* the token is dropped here either way */
    }
    clearSession();
    setApiSession(null);
    setSession(null);
    setExpired(false);
  }

  if (!session) return <SignIn onSignedIn={signedIn} />;
  const { user } = session;
  return (
    <>
      <section class="dash-user" aria-label="Tài khoản đang đăng nhập" {...inert(expired)}>
        <span>{whoIs(session)}</span>
        <button type="button" class="secondary" onClick={signOut}>
          Đăng xuất
        </button>
      </section>
      <div {...inert(expired)} key={user.id}>
        <Suspense fallback={<p class="loading">Đang tải…</p>}>
          {user.role === 'province' ? (
            <ProvinceView />
          ) : user.role === 'district' ? (
            <DistrictView />
          ) : user.role === 'agency' ? (
            <AgencyView agencyName={user.agencyName ?? user.agencyCode ?? ''} />
          ) : user.role === 'agriculture' ? (
            <AgricultureView />
          ) : (
            <OfficerView />
          )}
        </Suspense>
      </div>
      {expired && (
        <div class="dash-modal" role="dialog" aria-modal="true" aria-label="Đăng nhập lại">
          <SignIn onSignedIn={signedIn} notice="Phiên đăng nhập đã hết hạn. Xin đăng nhập lại; trang đang làm dở vẫn được giữ nguyên." />
        </div>
      )}
    </>
  );
}

/** `inert` keeps keyboard and screen reader out of the page behind the sign-in dialog. */
const inert = (on: boolean) => (on ? { inert: '' } : {}) as Record<string, string>;

/** "Phạm Thị Hoa — Cán bộ đầu mối STP"; the role once when the name already says it. */
function whoIs({ user }: Session): string {
  const role =
    user.role === 'province' ? 'Sở Thông tin và Truyền thông' : user.role === 'agriculture' ? 'Sở Nông nghiệp và Phát triển nông thôn' : user.role === 'officer' ? 'Cán bộ xã' : user.role === 'district' ? 'Tài khoản huyện' : `Cán bộ đầu mối ${user.agencyName ?? user.agencyCode ?? ''}`.trim();
  return user.fullName === role ? role : `${user.fullName} — ${role}`;
}
