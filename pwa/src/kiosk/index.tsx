import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { loadDevice, type Device } from './device';
import type { OfficerProfile } from './officers';
import type { OfficerKeys } from './pin-crypto';
import { EnrolScreen } from './enrol-screen';
import { LockScreen } from './lock-screen';
import './kiosk.css';

// Dexie, the form and the queue load only after unlocking: the lock screen is what must open fast.
const Workspace = lazy(() => import('./workspace'));

export interface Session {
  officer: OfficerProfile;
  keys: OfficerKeys;
}

/** The commune kiosk: enrol the tablet once, then each officer unlocks with their own PIN or passphrase. */
export function KioskApp() {
  const [device, setDevice] = useState<Device | null | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    void loadDevice().then((d) => setDevice(d ?? null));
  }, []);

  if (device === undefined) return <main class="kiosk"><p class="loading">Đang mở…</p></main>;
  if (!device) return <EnrolScreen onEnrolled={(d, s) => (setDevice(d), setSession(s))} />;
  if (!session) return <LockScreen device={device} onUnlocked={setSession} />;
  return (
    <Suspense fallback={<main class="kiosk"><p class="loading">Đang mở…</p></main>}>
      <Workspace device={device} session={session} onLock={() => setSession(null)} />
    </Suspense>
  );
}
