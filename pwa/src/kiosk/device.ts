import { get, set } from 'idb-keyval';
import type { EnrolAnswer, KioskCommune } from '../../../lib/api/kiosk';
import { createCollector } from '../../../client/collector';

/** The enrolled tablet: its token and communes (small settings: idb-keyval, not Dexie, so the lock screen stays light). */
export interface Device {
  token: string;
  id: string;
  name: string;
  communes: KioskCommune[];
  /** First three characters of this tablet's record codes (record-codes.ts); absent on tablets enrolled before them. */
  codePrefix?: string;
  enrolledBy: string;
  enrolledAt: string;
}

const key = 'kiosk-device';

export const loadDevice = () => get<Device>(key);
export const saveDevice = (d: Device) => set(key, d);

/** The collector as this tablet calls it: with its device token once enrolled. */
export const kioskCollector = (device?: Device) => createCollector({ token: device?.token ?? null });

/**
 * The officer signs in on the tablet itself: a device code for all their communes is made and spent at once,
 * and the sign-in session is closed again (the tablet keeps only its own device token).
 */
export async function enrolWithAccount(username: string, password: string, deviceName: string): Promise<Device> {
  const { code } = await signedInAsOfficer(username, password, (officer) => officer.call<{ code: string }>('POST', '/api/kiosk/device-codes', {}));
  return enrolDevice(code, deviceName);
}

/** One errand as the officer (sign in, do it, sign out): the tablet never keeps a person's session. */
export async function signedInAsOfficer<T>(username: string, password: string, errand: (officer: ReturnType<typeof createCollector>) => Promise<T>): Promise<T> {
  const session = await kioskCollector().call<{ token: string }>('POST', '/api/auth/login', { username, password });
  const officer = createCollector({ token: session.token });
  try {
    return await errand(officer);
  } finally {
    void officer.call('POST', '/api/auth/logout').catch(() => undefined);
  }
}

export async function enrolDevice(code: string, deviceName: string): Promise<Device> {
  const a = await kioskCollector().call<EnrolAnswer>('POST', '/api/kiosk/enrol', { code, deviceName });
  const device: Device = { token: a.token, id: a.device.id, name: a.device.name, codePrefix: a.device.codePrefix, communes: a.communes, enrolledBy: a.officer.fullName, enrolledAt: new Date().toISOString() };
  await set(key, device);
  // Ask the browser not to evict the kiosk's data when space runs low.
  void navigator.storage?.persist?.();
  return device;
}
