// Issue 11: what a copied tablet store shows. Households, photos, signatures and the roster go through the kiosk's
// own code into IndexedDB (fake-indexeddb), then every byte of every store is read raw and searched for the
// sample values below, written by hand. Unlocking with a passphrase, a wrong one, changing the secret, and the
// first unlock after an upgrade from version 1 (everything but phone and ID in clear) are tested the same way.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { clear as clearKeyval, get, set } from 'idb-keyval';
import { db } from './db';
import { addOfficer, changeSecret, loadOfficers, unlock } from './officers';
import { duplicatesOf, loadHouseholds, saveHousehold } from './household-records';
import { photosOf, replaceSignature, sealedPhoto } from './household-form/photos';
import { loadRoster, storeRoster } from './roster';
import { unseal, unsealBytes, type OfficerKeys, type Sealed } from './pin-crypto';
import type { HouseholdSecret } from './db';
import { sampleHousehold } from '../../../lib/kiosk/sample-household';
import type { RosterEntry } from '../../../lib/api/kiosk';

const thu = sampleHousehold({
  clientId: '3b0c7a52-8f1e-4d55-a1f6-1c2d3e4f5a6b',
  code: 'KX7A-QVYD',
  village: 'Thôn Nà Pàn',
  headName: 'Hoàng Văn Thụ',
  phone: '0912 345 678',
  idNumber: '020190001234',
  shopName: 'Na Chi Lăng nhà Thụ',
  products: [{ category: 'trai_cay', name: 'Hồng không hạt Bảo Lâm' }],
  traceability: 'Mã vùng trồng LS-0123',
  notes: 'Gọi sau 17 giờ, nhà cạnh trường tiểu học',
});
/** Bytes that stand for a photo and a signature: found in clear if either is stored unsealed. */
const photoBytes = new TextEncoder().encode('ẢNH-SẢN-PHẨM-NHÀ-THỤ');
const signatureBytes = new TextEncoder().encode('CHỮ-KÝ-CỦA-ÔNG-THỤ');
const hoa: RosterEntry = {
  serverId: 'HS-0042',
  clientId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  code: 'MHP3-4WAR',
  communeCode: '06181',
  village: 'Bản Khuổi Phầy',
  headName: 'Đặng Thị Hoa',
  keyHashes: [createHash('sha256').update('phone:0388123456').digest('hex'), createHash('sha256').update('id:020191005678').digest('hex')],
  status: 'shop_opened',
  shopUrl: 'https://langson.postmart.vn/shop/hoa-khuoi-phay',
  updatedAt: '2026-11-30T03:00:00.000Z',
};

/** Everything a household's record must not show in clear, whatever form it takes. */
const personal = [
  'Hoàng Văn Thụ', 'Thôn Nà Pàn', '0912345678', '0912 345 678', '020190001234', 'Na Chi Lăng nhà Thụ', 'Hồng không hạt Bảo Lâm', 'LS-0123',
  'Gọi sau 17 giờ', 'ẢNH-SẢN-PHẨM-NHÀ-THỤ', 'CHỮ-KÝ-CỦA-ÔNG-THỤ', 'Đặng Thị Hoa', 'Bản Khuổi Phầy', 'hoa-khuoi-phay',
  // The plain SHA-256 of an identity key is reversed by trying every phone number: it must not be stored either.
  createHash('sha256').update('phone:0912345678').digest('hex'), createHash('sha256').update('id:020190001234').digest('hex'), hoa.keyHashes[0], hoa.keyHashes[1],
];

const decoder = new TextDecoder('utf-8', { fatal: false });
/** Every string and byte run inside a stored value, bytes read as UTF-8 (Blobs too). */
async function texts(v: unknown, out: string[] = []): Promise<string[]> {
  if (typeof v === 'string') out.push(v);
  else if (v instanceof ArrayBuffer) out.push(decoder.decode(v));
  else if (ArrayBuffer.isView(v)) out.push(decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
  else if (v instanceof Blob) out.push(decoder.decode(await v.arrayBuffer()));
  else if (Array.isArray(v)) for (const x of v) await texts(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), await texts(x, out));
  return out;
}

/** Every record of every object store of every IndexedDB database, read without the kiosk's code. */
async function rawStores(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of await indexedDB.databases()) {
    const idb = await new Promise<IDBDatabase>((ok, ko) => Object.assign(indexedDB.open(name!), { onsuccess(this: IDBOpenDBRequest) { ok(this.result); }, onerror: ko }));
    for (const store of Array.from(idb.objectStoreNames)) {
      out[`${name}/${store}`] = await new Promise((ok) => Object.assign(idb.transaction(store).objectStore(store).getAll(), { onsuccess(this: IDBRequest) { ok(this.result); } }));
    }
    idb.close();
  }
  return out;
}

async function clearValuesFound(): Promise<string[]> {
  const all = (await texts(await rawStores())).join('\n');
  return personal.filter((p) => all.includes(p));
}

/** Which of the 19 extra photos of version 1 (see below) are still readable. */
async function clearValuesFound20(): Promise<string[]> {
  const all = (await texts(await rawStores())).join('\n');
  return Array.from({ length: 19 }, (_, i) => `ẢNH-SỐ-${i + 2}-NHÀ-THỤ`).filter((p) => all.includes(p));
}

const loadHouseholdSecret = (keys: OfficerKeys, sealed: Sealed) => unseal<HouseholdSecret>(keys.data, sealed);

async function registerThu(keys: OfficerKeys, officerId: string) {
  await saveHousehold(keys, officerId, thu, { state: 'queued' });
  await db.photos.put(await sealedPhoto(keys, { id: 'anh-1', householdId: thu.clientId, kind: 'product', width: 1600, height: 1200, uploaded: 0, createdAt: '2026-11-30T02:00:00.000Z' }, new Blob([photoBytes], { type: 'image/jpeg' })));
  const signatureId = await replaceSignature(keys, thu.clientId, null, new Blob([signatureBytes], { type: 'image/png' }));
  await saveHousehold(keys, officerId, thu, { signatureId });
  await storeRoster(keys, officerId, [hoa]);
}

beforeEach(async () => {
  db.close();
  await Dexie.delete('nongsan-kiosk');
  await db.open();
  await clearKeyval();
});

describe('a copied tablet store', () => {
  it('shows no name, village, phone, ID, note, product, photo, signature or plain identity hash of any household', async () => {
    const { officer, keys } = await addOfficer('Lý Thị Mai', '246810');
    await registerThu(keys, officer.id);
    expect(await clearValuesFound()).toEqual([]);
    // The same records, opened with the officer's keys, are whole.
    const [h] = await loadHouseholds(keys, officer.id);
    expect([h.headName, h.village, h.phone, h.idNumber, h.notes, h.products, h.state, h.code]).toEqual(['Hoàng Văn Thụ', 'Thôn Nà Pàn', '0912 345 678', '020190001234', 'Gọi sau 17 giờ, nhà cạnh trường tiểu học', [{ category: 'trai_cay', name: 'Hồng không hạt Bảo Lâm' }], 'queued', 'KX7A-QVYD']);
    // The record code is no person's data: it stays in clear beside the sealed household (SECURITY.md), once.
    const [stored] = await db.households.toArray();
    expect(stored.code).toBe('KX7A-QVYD');
    expect('code' in (await loadHouseholdSecret(keys, stored.sealed)).household).toBe(false);
    const photos = await photosOf(thu.clientId);
    expect(await Promise.all(photos.map(async (p) => [p.kind, decoder.decode(await unsealBytes(keys.data, p.sealed)), p.type]))).toEqual([
      ['product', 'ẢNH-SẢN-PHẨM-NHÀ-THỤ', 'image/jpeg'],
      ['signature', 'CHỮ-KÝ-CỦA-ÔNG-THỤ', 'image/png'],
    ]);
    expect((await loadRoster(keys, officer.id)).map((r) => [r.headName, r.village, r.shopUrl, r.serverId, r.code])).toEqual([['Đặng Thị Hoa', 'Bản Khuổi Phầy', 'https://langson.postmart.vn/shop/hoa-khuoi-phay', 'HS-0042', 'MHP3-4WAR']]);
  });

  it('still finds a phone already registered in the roster, through the blind index', async () => {
    const { officer, keys } = await addOfficer('Lý Thị Mai', '246810');
    await storeRoster(keys, officer.id, [hoa]);
    expect(await duplicatesOf(keys, officer.id, { ...thu, clientId: 'moi', phone: '0388 123 456', idNumber: '' })).toEqual([{ field: 'phone', name: 'Đặng Thị Hoa', key: hoa.clientId }]);
    expect(await duplicatesOf(keys, officer.id, { ...thu, clientId: 'moi', phone: '0388 123 457', idNumber: '' })).toEqual([]);
  });
});

describe('record codes', () => {
  it('a household queued without a code (a tablet enrolled before codes) learns the collector\'s from the roster, the rest still sealed', async () => {
    const { officer, keys } = await addOfficer('Lý Thị Mai', '246810');
    await saveHousehold(keys, officer.id, { ...thu, code: null }, { state: 'sent' });
    await storeRoster(keys, officer.id, [{ ...hoa, clientId: thu.clientId, code: 'E6CA-AAAA', headName: thu.headName, village: thu.village, shopUrl: null, keyHashes: [] }]);
    const [h] = await loadHouseholds(keys, officer.id);
    expect([h.code, h.status, h.serverId, h.headName, h.phone]).toEqual(['E6CA-AAAA', 'shop_opened', 'HS-0042', 'Hoàng Văn Thụ', '0912 345 678']);
    expect(await clearValuesFound()).toEqual([]);
  });
});

describe('unlocking', () => {
  const passphrase = 'mây trắng suối đá chè xanh';

  it('opens with the passphrase however the keyboard capitalised or spaced it, and a wrong one changes nothing', async () => {
    const { officer, keys } = await addOfficer('Nông Văn Tám', passphrase, 'passphrase');
    await registerThu(keys, officer.id);
    const tabletData = async () => {
      const { 'keyval-store/keyval': _officers, ...rest } = await rawStores();
      const [{ keys: sealedKeys, salt, iterations }] = await loadOfficers();
      return { rest, sealedKeys, salt, iterations };
    };
    const before = await tabletData();

    const wrong = await unlock(officer.id, 'mây trắng suối đá chè đen');
    expect(wrong).toEqual({ error: 'Sai cụm mật khẩu. Dữ liệu trên máy vẫn còn nguyên.' });
    expect(await tabletData()).toEqual(before);
    expect((await loadOfficers())[0].failedAttempts).toBe(1);

    const right = await unlock(officer.id, '  Mây trắng  suối đá chè xanh ');
    if ('error' in right) throw new Error(right.error);
    const [h] = await loadHouseholds(right.keys, officer.id);
    expect([h.headName, h.phone, h.signatureId]).toEqual(['Hoàng Văn Thụ', '0912 345 678', (await photosOf(thu.clientId)).find((p) => p.kind === 'signature')!.id]);
    expect((await loadOfficers())[0].failedAttempts).toBe(0);
  });

  it('refuses a passphrase too short or of repeated words, and a PIN that is not 6 to 12 digits', async () => {
    await expect(addOfficer('Nông Văn Tám', 'chè xanh Lạng Sơn ngon', 'passphrase')).resolves.toHaveProperty('officer.secretKind', 'passphrase');
    await expect(addOfficer('Nông Văn Tám', 'mẹ đi chợ về', 'passphrase')).rejects.toThrow('Cụm mật khẩu cần ít nhất 4 từ và 16 ký tự.');
    await expect(addOfficer('Nông Văn Tám', 'chè xanh Lạngsơnngon', 'passphrase')).rejects.toThrow('Cụm mật khẩu cần ít nhất 4 từ và 16 ký tự.');
    await expect(addOfficer('Nông Văn Tám', 'chè chè chè chè chè', 'passphrase')).rejects.toThrow('Cụm mật khẩu cần ít nhất 4 từ khác nhau.');
    await expect(addOfficer('Nông Văn Tám', '12345', 'pin')).rejects.toThrow('Mã PIN gồm 6 đến 12 chữ số.');
    await expect(addOfficer('Nông Văn Tám', '12345a', 'pin')).rejects.toThrow('Mã PIN gồm 6 đến 12 chữ số.');
    expect(await loadOfficers()).toHaveLength(1);
  });

  it('changes a PIN for a passphrase: the same data opens with the passphrase only', async () => {
    const { officer, keys } = await addOfficer('Lý Thị Mai', '246810');
    await registerThu(keys, officer.id);
    expect(await changeSecret(officer.id, '135790', 'passphrase', passphrase)).toEqual({ error: 'Sai mã PIN. Chưa đổi gì.' });
    const changed = await changeSecret(officer.id, '246810', 'passphrase', passphrase);
    expect('officer' in changed && changed.officer.secretKind).toBe('passphrase');
    expect(await unlock(officer.id, '246810')).toEqual({ error: 'Sai cụm mật khẩu. Dữ liệu trên máy vẫn còn nguyên.' });
    const r = await unlock(officer.id, passphrase);
    if ('error' in r) throw new Error(r.error);
    expect((await loadHouseholds(r.keys, officer.id)).map((h) => h.headName)).toEqual(['Hoàng Văn Thụ']);
  });
});

describe('the first unlock after version 1', () => {
  const pin = '246810';
  const officerId = 'can-bo-1';
  const photoId = 'anh-cu-1';

  /** The tablet as version 1 left it, written the way version 1 wrote it (PBKDF2 310.000 straight to the sealing key). */
  async function versionOneTablet() {
    db.close();
    await Dexie.delete('nongsan-kiosk');
    const salt = new Uint8Array(16).fill(7);
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 310_000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const sealedJson = async (v: unknown) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(v))) };
    };
    await set('kiosk-officers', [{ id: officerId, name: 'Lý Thị Mai', salt, check: await sealedJson('nongsan-so'), failedAttempts: 0, lockedUntil: 0 }]);
    await set('kiosk-device', { token: 't', id: 'may-1', name: 'Máy xã', communes: [], enrolledBy: 'Lý Thị Mai', enrolledAt: '2026-11-01T00:00:00.000Z' });
    await set('kiosk-roster-cursor-may-1', '2026-11-30T03:00:00.000Z|9');
    await set('kiosk-roster-cursor-v2-may-1', '2026-11-30T03:00:00.000Z|9');
    const v1 = new Dexie('nongsan-kiosk');
    v1.version(1).stores({ households: 'clientId, officerId, [officerId+state], *keyHashes', photos: 'id, householdId', roster: 'clientId, communeCode, *keyHashes' });
    // A version 1 tablet with record codes kept the code among the clear fields.
    const { phone, idNumber, ...plain } = thu;
    await v1.table('households').put({
      clientId: thu.clientId, officerId, state: 'queued', plain, secret: await sealedJson({ phone, idNumber }),
      keyHashes: [createHash('sha256').update('phone:0912345678').digest('hex'), createHash('sha256').update('id:020190001234').digest('hex')],
      signatureId: null, createdAt: '2026-11-30T02:00:00.000Z', updatedAt: '2026-11-30T02:05:00.000Z', attempts: 2, nextAttemptAt: 1_700_000_000_000, serverId: null, problem: null, status: null, shopUrl: null,
    });
    await v1.table('photos').put({ id: photoId, householdId: thu.clientId, kind: 'product', blob: new Blob([photoBytes], { type: 'image/jpeg' }), width: 1600, height: 1200, uploaded: 0, createdAt: '2026-11-30T02:01:00.000Z' });
    // A day of photos: more than are sealed at once.
    for (let i = 2; i <= 20; i++) {
      await v1.table('photos').put({ id: `anh-cu-${i}`, householdId: thu.clientId, kind: 'product', blob: new Blob([`ẢNH-SỐ-${i}-NHÀ-THỤ`], { type: 'image/jpeg' }), width: 1600, height: 1200, uploaded: 0, createdAt: `2026-11-30T02:${String(i).padStart(2, '0')}:30.000Z` });
    }
    await v1.table('roster').put(hoa);
    v1.close();
    await db.open();
    // Version 1's data is there in clear, as the review found it.
    expect(await clearValuesFound()).toEqual(expect.arrayContaining(['Hoàng Văn Thụ', 'Thôn Nà Pàn', 'ẢNH-SẢN-PHẨM-NHÀ-THỤ', 'Đặng Thị Hoa']));
  }

  it('seals every record of version 1 with nothing lost, keeps its record code in clear, and pulls the roster afresh to learn codes', async () => {
    await versionOneTablet();
    const r = await unlock(officerId, pin);
    if ('error' in r) throw new Error(r.error);
    expect(await clearValuesFound()).toEqual([]);
    const [h] = await loadHouseholds(r.keys, officerId);
    const { clientId, communeCode, village, headName, phone, idNumber, shopName, products, traceability, notes, consent, registeredAt, officerName } = h;
    expect({ clientId, communeCode, village, headName, phone, idNumber, shopName, products, traceability, notes, consent, registeredAt, officerName }).toEqual({
      clientId: thu.clientId, communeCode: '06181', village: 'Thôn Nà Pàn', headName: 'Hoàng Văn Thụ', phone: '0912 345 678', idNumber: '020190001234', shopName: 'Na Chi Lăng nhà Thụ',
      products: [{ category: 'trai_cay', name: 'Hồng không hạt Bảo Lâm' }], traceability: 'Mã vùng trồng LS-0123', notes: 'Gọi sau 17 giờ, nhà cạnh trường tiểu học', consent: true,
      registeredAt: '2021-09-01T02:00:00.000Z', officerName: 'Lý Thị Mai',
    });
    expect([h.state, h.attempts, h.nextAttemptAt, h.updatedAt]).toEqual(['queued', 2, 1_700_000_000_000, '2026-11-30T02:05:00.000Z']);
    const photos = await photosOf(thu.clientId);
    expect(photos).toHaveLength(20);
    expect([photos[0].id, photos[0].type, decoder.decode(await unsealBytes(r.keys.data, photos[0].sealed))]).toEqual([photoId, 'image/jpeg', 'ẢNH-SẢN-PHẨM-NHÀ-THỤ']);
    expect(decoder.decode(await unsealBytes(r.keys.data, photos[19].sealed))).toBe('ẢNH-SỐ-20-NHÀ-THỤ');
    expect(await clearValuesFound20()).toEqual([]);
    expect((await loadRoster(r.keys, officerId)).map((x) => x.headName)).toEqual(['Đặng Thị Hoa']);
    expect(h.code).toBe('KX7A-QVYD');
    // Version 1's roster came without record codes: no cursor is carried over, the next sync pulls it whole.
    expect(await get('kiosk-roster-cursor-v2-may-1-can-bo-1')).toBeUndefined();
    expect(await get('kiosk-roster-cursor-may-1')).toBeUndefined();
    expect(await get('kiosk-roster-cursor-v2-may-1')).toBeUndefined();
    // The duplicate check works on the migrated record.
    expect(await duplicatesOf(r.keys, officerId, { ...thu, clientId: 'moi', idNumber: '' })).toEqual([{ field: 'phone', name: 'Hoàng Văn Thụ', key: thu.clientId }]);
    const [profile] = await loadOfficers();
    expect([profile.secretKind, profile.legacy, profile.check, profile.iterations]).toEqual(['pin', undefined, undefined, 1_000_000]);
    // The next unlock opens with the new derivation alone.
    const again = await unlock(officerId, pin);
    expect('keys' in again).toBe(true);
  });

  it('a wrong PIN migrates nothing; a migration cut off keeps version 1 whole and resumes at the next unlock', async () => {
    await versionOneTablet();
    expect(await unlock(officerId, '000000')).toEqual({ error: 'Sai mã PIN. Dữ liệu trên máy vẫn còn nguyên.' });
    expect((await loadOfficers())[0].keys).toBeUndefined();

    const cut = vi.spyOn(db.rosters, 'bulkPut').mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    expect(await unlock(officerId, pin)).toEqual({ error: 'Chưa mã hoá được dữ liệu cũ trên máy (QuotaExceededError). Dữ liệu vẫn còn nguyên; xin mở khoá lại.' });
    cut.mockRestore();
    expect(await clearValuesFound()).toEqual(expect.arrayContaining(['Hoàng Văn Thụ', 'ẢNH-SẢN-PHẨM-NHÀ-THỤ', 'Đặng Thị Hoa']));
    // The version-1 derivation is kept (salt 16 × 7, 310.000 iterations, as versionOneTablet made it) until the migration ends.
    const kept = (await loadOfficers())[0].legacy!;
    expect([[...kept.salt], kept.iterations]).toEqual([Array(16).fill(7), 310_000]);

    // Cut again while sealing the photos, after the first few.
    let puts = 0;
    const bulkPut = db.photos.bulkPut.bind(db.photos);
    const cutPhotos = vi.spyOn(db.photos, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) =>
      ++puts === 2 ? Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError')) : bulkPut(...args)) as typeof bulkPut);
    expect(await unlock(officerId, pin)).toEqual({ error: 'Chưa mã hoá được dữ liệu cũ trên máy (QuotaExceededError). Dữ liệu vẫn còn nguyên; xin mở khoá lại.' });
    cutPhotos.mockRestore();
    expect(await clearValuesFound20()).toHaveLength(12);

    const r = await unlock(officerId, pin);
    if ('error' in r) throw new Error(r.error);
    expect(await clearValuesFound()).toEqual([]);
    expect(await clearValuesFound20()).toEqual([]);
    expect((await loadHouseholds(r.keys, officerId)).map((h) => [h.headName, h.phone])).toEqual([['Hoàng Văn Thụ', '0912 345 678']]);
    expect(await Promise.all((await photosOf(thu.clientId)).map(async (p) => decoder.decode(await unsealBytes(r.keys.data, p.sealed))))).toEqual(['ẢNH-SẢN-PHẨM-NHÀ-THỤ', ...Array.from({ length: 19 }, (_, i) => `ẢNH-SỐ-${i + 2}-NHÀ-THỤ`)]);
  });
});
