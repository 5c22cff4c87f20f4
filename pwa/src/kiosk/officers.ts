import { get, set } from 'idb-keyval';
import { keyFromPin, legacyPinIterations, newOfficerKeys, newSalt, openOfficerKeys, pinIterations, resealOfficerKeys, unseal, type OfficerKeys, type Sealed } from './pin-crypto';
import { normaliseSecret, secretLabels, secretProblem, type SecretKind } from './unlock-secret';

/**
 * Officers who use this tablet, each with their own PIN or passphrase. Kept in clear: the name (the lock screen
 * lists it), the kind of secret, the salt and cost of its derivation, the count of wrong tries. Never the secret.
 */
export interface OfficerProfile {
  id: string;
  name: string;
  /** Absent on profiles from before issue 11: a PIN. */
  secretKind?: SecretKind;
  salt: Uint8Array<ArrayBuffer>;
  /** The key derivation's cost. Absent on profiles from before it was raised: 310.000. */
  iterations?: number;
  /** The officer's data and index keys, sealed with the key derived from their secret. Absent before issue 11. */
  keys?: Sealed;
  /**
   * Before issue 11 the PIN's key sealed phone and ID numbers directly, and names, villages and photos were in
   * clear. Until every such record is sealed anew (migrate-clear-records.ts), the old derivation is kept here.
   */
  legacy?: { salt: Uint8Array<ArrayBuffer>; iterations: number; check: Sealed };
  /** Only on profiles from before issue 11 (moved to `legacy` on their first unlock). */
  check?: Sealed;
  failedAttempts: number;
  lockedUntil: number;
}

const storeKey = 'kiosk-officers';
const checkText = 'nongsan-so';

export const loadOfficers = async () => (await get<OfficerProfile[]>(storeKey)) ?? [];

async function saveOfficer(officer: OfficerProfile): Promise<void> {
  const all = await loadOfficers();
  await set(storeKey, all.some((o) => o.id === officer.id) ? all.map((o) => (o.id === officer.id ? officer : o)) : [...all, officer]);
}

export const kindOf = (o: OfficerProfile): SecretKind => o.secretKind ?? 'pin';

export async function addOfficer(name: string, secret: string, kind: SecretKind = 'pin'): Promise<{ officer: OfficerProfile; keys: OfficerKeys }> {
  const problem = secretProblem(kind, secret);
  if (problem) throw new Error(problem);
  const salt = newSalt();
  const { keys, sealed } = await newOfficerKeys(await keyFromPin(normaliseSecret(kind, secret), salt, pinIterations));
  const officer: OfficerProfile = { id: crypto.randomUUID(), name: name.trim(), secretKind: kind, salt, iterations: pinIterations, keys: sealed, failedAttempts: 0, lockedUntil: 0 };
  await saveOfficer(officer);
  return { officer, keys };
}

/**
 * The officer's keys, or a Vietnamese reason (nothing on the tablet changes but the count of wrong tries). Five
 * wrong tries in a row wait 30 seconds before the next: a courtesy against guessing on the screen only, since the
 * count is stored on the tablet and a copy of its storage is searched without the app (SECURITY.md).
 * The first unlock after issue 11 seals what the previous version kept in clear.
 */
export async function unlock(officerId: string, secret: string): Promise<{ keys: OfficerKeys; officer: OfficerProfile } | { error: string }> {
  let officer = (await loadOfficers()).find((o) => o.id === officerId);
  if (!officer) return { error: 'Không tìm thấy cán bộ này trên máy.' };
  if (officer.lockedUntil > Date.now()) return { error: `Nhập sai nhiều lần. Xin đợi ${Math.ceil((officer.lockedUntil - Date.now()) / 1000)} giây.` };
  const kind = kindOf(officer);
  const typed = normaliseSecret(kind, secret);
  const opened = officer.keys ? await openKeys(officer, typed) : await upgradeLegacy(officer, typed);
  officer = { ...officer, ...(opened?.officer ?? {}) };
  officer.failedAttempts = opened ? 0 : officer.failedAttempts + 1;
  officer.lockedUntil = !opened && officer.failedAttempts % 5 === 0 ? Date.now() + 30_000 : 0;
  await saveOfficer(officer);
  if (!opened) return { error: `${secretLabels[kind].wrong} Dữ liệu trên máy vẫn còn nguyên.` };
  if (officer.legacy) {
    // Dexie loads only here and after unlocking: the lock screen stays light.
    const { migrateClearRecords } = await import('./migrate-clear-records');
    try {
      await migrateClearRecords(officer.id, await keyFromPin(typed, officer.legacy.salt, officer.legacy.iterations), opened.keys);
    } catch (e) {
      return { error: `Chưa mã hoá được dữ liệu cũ trên máy (${(e as Error).name}). Dữ liệu vẫn còn nguyên; xin mở khoá lại.` };
    }
    const { legacy: _done, ...migrated } = officer;
    officer = migrated;
    await saveOfficer(officer);
  }
  return { keys: opened.keys, officer };
}

async function openKeys(officer: OfficerProfile, typed: string): Promise<{ keys: OfficerKeys; officer?: Partial<OfficerProfile> } | null> {
  try {
    return { keys: await openOfficerKeys(await keyFromPin(typed, officer.salt, officer.iterations ?? pinIterations), officer.keys!) };
  } catch {
    return null;
  }
}

/**
 * A profile from before issue 11: the PIN is checked with its old derivation, then the officer gets keys sealed
 * at today's cost. The old derivation stays in `legacy` until their records are sealed anew, so an interrupted
 * migration resumes at the next unlock and loses nothing.
 */
async function upgradeLegacy(officer: OfficerProfile, typed: string): Promise<{ keys: OfficerKeys; officer: Partial<OfficerProfile> } | null> {
  const iterations = officer.iterations ?? legacyPinIterations;
  try {
    if ((await unseal<string>(await keyFromPin(typed, officer.salt, iterations), officer.check!)) !== checkText) return null;
  } catch {
    return null;
  }
  const salt = newSalt();
  const { keys, sealed } = await newOfficerKeys(await keyFromPin(typed, salt, pinIterations));
  const legacy = { salt: officer.salt, iterations, check: officer.check! };
  const upgraded: Partial<OfficerProfile> = { secretKind: 'pin', salt, iterations: pinIterations, keys: sealed, legacy, check: undefined };
  // Stored before any record is re-sealed: from here on the new keys must never be lost.
  await saveOfficer({ ...officer, ...upgraded });
  return { keys, officer: upgraded };
}

/**
 * Changes an unlocked officer's PIN or passphrase (or one for the other). Only their sealed keys are sealed anew,
 * so it is instant whatever the tablet holds. A wrong current secret changes nothing.
 */
export async function changeSecret(officerId: string, current: string, kind: SecretKind, next: string): Promise<{ officer: OfficerProfile } | { error: string }> {
  const officer = (await loadOfficers()).find((o) => o.id === officerId);
  if (!officer?.keys) return { error: 'Không tìm thấy cán bộ này trên máy.' };
  const problem = secretProblem(kind, next);
  if (problem) return { error: problem };
  const from = await keyFromPin(normaliseSecret(kindOf(officer), current), officer.salt, officer.iterations ?? pinIterations);
  const salt = newSalt();
  const to = await keyFromPin(normaliseSecret(kind, next), salt, pinIterations);
  let keys: Sealed;
  try {
    keys = await resealOfficerKeys(from, officer.keys, to);
  } catch {
    return { error: `${secretLabels[kindOf(officer)].wrong} Chưa đổi gì.` };
  }
  const changed: OfficerProfile = { ...officer, secretKind: kind, salt, iterations: pinIterations, keys, failedAttempts: 0, lockedUntil: 0 };
  await saveOfficer(changed);
  return { officer: changed };
}
