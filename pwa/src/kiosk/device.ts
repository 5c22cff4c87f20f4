import { get, set } from 'idb-keyval';
import type { EnrolAnswer, KioskCommune } from '../../../lib/api/kiosk';

/** The enrolled tablet: its token and communes (small settings: idb-keyval, not Dexie, so the lock screen stays light). */
export interface Device {
  token: string;
  id: string;
  name: string;
  communes: KioskCommune[];
  enrolledBy: string;
  enrolledAt: string;
}

const key = 'kiosk-device';

export const loadDevice = () => get<Device>(key);

/**
 * The officer signs in on the tablet itself: a device code for all their communes is made and spent at once,
 * and the sign-in session is closed again (the tablet keeps only its own device token).
 */
export async function enrolWithAccount(username: string, password: string, deviceName: string): Promise<Device> {
  const login = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const session = await login.json().catch(() => null);
  if (!login.ok) throw new Error(session?.error?.message ?? 'Không đăng nhập được.');
  const auth = { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' };
  try {
    const res = await fetch('/api/kiosk/device-codes', { method: 'POST', headers: auth, body: '{}' });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body?.error?.message ?? 'Không tạo được mã kích hoạt.');
    return await enrolDevice(body.code, deviceName);
  } finally {
    void fetch('/api/auth/logout', { method: 'POST', headers: auth }).catch(() => undefined);
  }
}

export async function enrolDevice(code: string, deviceName: string): Promise<Device> {
  const res = await fetch('/api/kiosk/enrol', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, deviceName }) });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? 'Máy chủ từ chối kích hoạt.');
  const a = body as EnrolAnswer;
  const device: Device = { token: a.token, id: a.device.id, name: a.device.name, communes: a.communes, enrolledBy: a.officer.fullName, enrolledAt: new Date().toISOString() };
  await set(key, device);
  // Ask the browser not to evict the kiosk's data when space runs low.
  void navigator.storage?.persist?.();
  return device;
}

/** A call to the collector with the tablet's token. Network failures throw; refusals come back as responses. */
export function api(device: Device, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${device.token}` } });
}
