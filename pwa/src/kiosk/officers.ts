import { get, set } from 'idb-keyval';
import { keyFromPin, legacyPinIterations, newSalt, pinIterations, seal, unseal, type Sealed } from './pin-crypto';

/** Officers who use this tablet, each with their own PIN (only a sealed check value is kept, never the PIN). */
export interface OfficerProfile {
  id: string;
  name: string;
  salt: Uint8Array<ArrayBuffer>;
  check: Sealed;
  /**
   * The key derivation's cost for this officer. Absent: added before it was raised (310.000); kept as it is, since
   * their sealed households open only with that key.
   */
  iterations?: number;
  failedAttempts: number;
  lockedUntil: number;
}

const key = 'kiosk-officers';
const checkText = 'nongsan-so';

export const loadOfficers = async () => (await get<OfficerProfile[]>(key)) ?? [];

export const pinProblem = (pin: string) => (/^\d{6,12}$/.test(pin) ? null : 'Mã PIN gồm 6 đến 12 chữ số.');

export async function addOfficer(name: string, pin: string): Promise<{ officer: OfficerProfile; key: CryptoKey }> {
  const salt = newSalt();
  const k = await keyFromPin(pin, salt, pinIterations);
  const officer: OfficerProfile = { id: crypto.randomUUID(), name: name.trim(), salt, check: await seal(k, checkText), iterations: pinIterations, failedAttempts: 0, lockedUntil: 0 };
  await set(key, [...(await loadOfficers()), officer]);
  return { officer, key: k };
}

/** The officer's key, or a Vietnamese reason. Five wrong PINs in a row wait 30 seconds before the next try. */
export async function unlock(officerId: string, pin: string): Promise<{ key: CryptoKey; officer: OfficerProfile } | { error: string }> {
  const all = await loadOfficers();
  const officer = all.find((o) => o.id === officerId);
  if (!officer) return { error: 'Không tìm thấy cán bộ này trên máy.' };
  if (officer.lockedUntil > Date.now()) return { error: `Nhập sai nhiều lần. Xin đợi ${Math.ceil((officer.lockedUntil - Date.now()) / 1000)} giây.` };
  const k = await keyFromPin(pin, officer.salt, officer.iterations ?? legacyPinIterations);
  let ok = false;
  try {
    ok = (await unseal<string>(k, officer.check)) === checkText;
  } catch {
    ok = false;
  }
  officer.failedAttempts = ok ? 0 : officer.failedAttempts + 1;
  officer.lockedUntil = !ok && officer.failedAttempts % 5 === 0 ? Date.now() + 30_000 : 0;
  await set(key, all);
  return ok ? { key: k, officer } : { error: 'Sai mã PIN.' };
}
