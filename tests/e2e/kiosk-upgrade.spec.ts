import { test, expect } from './fixtures';
import { enrolKiosk, officerWithCode, sixDigits, storedInClear, unlockTimeout } from './kiosk-helpers';

// Issue 11: a tablet updated from version 1 (names, villages, notes and photos in clear; phone and ID sealed with the
// PIN's key itself). The officer's first unlock seals everything; the queued household is then sent whole.

test('the first unlock after the update seals what version 1 kept in clear, and the queue is sent whole', async ({ browser, collector, request }) => {
  const { code } = await officerWithCode(request, collector);
  const context = await browser.newContext();
  const page = await context.newPage();
  await enrolKiosk(page, collector.url, code);
  const n = sixDigits();
  const phone = `0977${n}`;
  const idNumber = `020190${n}`;
  const clientId = crypto.randomUUID();

  // What version 1 wrote, as it wrote it: another officer's profile (PBKDF2 310.000 straight to the sealing key),
  // their queued household with only phone and ID sealed, and a product photo as a Blob.
  await page.evaluate(
    async ({ phone, idNumber, clientId }) => {
      const open = (name: string) => new Promise<IDBDatabase>((ok) => Object.assign(indexedDB.open(name), { onsuccess(this: IDBOpenDBRequest) { ok(this.result); } }));
      const put = (idb: IDBDatabase, store: string, value: unknown, key?: string) =>
        new Promise((ok) => Object.assign(idb.transaction(store, 'readwrite').objectStore(store).put(value, key), { onsuccess: ok }));
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('135790'), 'PBKDF2', false, ['deriveKey']);
      const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 310_000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
      const sealed = async (v: unknown) => {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(v))) };
      };
      const kv = await open('keyval-store');
      const officers = await new Promise<unknown[]>((ok) => Object.assign(kv.transaction('keyval').objectStore('keyval').get('kiosk-officers'), { onsuccess(this: IDBRequest) { ok(this.result); } }));
      await put(kv, 'keyval', [...officers, { id: 'can-bo-cu', name: 'Hà Thị Cũ', salt, check: await sealed('nongsan-so'), failedAttempts: 0, lockedUntil: 0 }], 'kiosk-officers');
      kv.close();
      const canvas = new OffscreenCanvas(320, 240);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#2a7';
      ctx.fillRect(0, 0, 320, 240);
      const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      const sha = async (t: string) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t))), (b) => b.toString(16).padStart(2, '0')).join('');
      const db = await open('nongsan-kiosk');
      const now = new Date().toISOString();
      await put(db, 'households', {
        clientId, officerId: 'can-bo-cu', state: 'queued',
        plain: { clientId, communeCode: '06181', village: 'Bản Cũ Lầy', headName: 'Triệu Văn Cũ', marketplace: 'voso', shopName: 'Miến dong Cũ', payment: 'viettelmoney', hasPaymentAccount: false, products: [{ category: '', name: 'Miến dong Bình Liêu' }], vietgap: null, ocopStars: null, traceability: null, notes: 'Nhà sau đồi thông', consent: true, registeredAt: now, officerName: 'Hà Thị Cũ' },
        secret: await sealed({ phone, idNumber }), keyHashes: [await sha(`phone:${phone}`), await sha(`id:${idNumber}`)],
        signatureId: null, createdAt: now, updatedAt: now, attempts: 0, nextAttemptAt: 0, serverId: null, problem: null, status: null, shopUrl: null,
      });
      await put(db, 'photos', { id: crypto.randomUUID(), householdId: clientId, kind: 'product', blob: jpeg, width: 320, height: 240, uploaded: 0, createdAt: now });
      db.close();
    },
    { phone, idNumber, clientId },
  );
  const theirs = ['Triệu Văn Cũ', 'Bản Cũ Lầy', 'Miến dong Cũ', 'Nhà sau đồi thông', phone, idNumber];
  expect((await storedInClear(page, theirs)).found).toEqual(['Triệu Văn Cũ', 'Bản Cũ Lầy', 'Miến dong Cũ', 'Nhà sau đồi thông']);

  await page.reload();
  await page.getByRole('radio', { name: 'Hà Thị Cũ' }).check();
  await page.getByLabel('Mã PIN').fill('135790');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByText('Cán bộ: Hà Thị Cũ')).toBeVisible({ timeout: unlockTimeout });
  await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
  await expect(page.locator('.queue-item--sent').filter({ hasText: 'Triệu Văn Cũ' })).toBeVisible({ timeout: 20_000 });

  const row = await collector.db.selectFrom('households').select(['head_name', 'village', 'phone', 'id_number', 'shop_name', 'officer_name']).where('client_id', '=', clientId).executeTakeFirstOrThrow();
  expect(row).toEqual({ head_name: 'Triệu Văn Cũ', village: 'Bản Cũ Lầy', phone, id_number: idNumber, shop_name: 'Miến dong Cũ', officer_name: 'Hà Thị Cũ' });
  // Version 1 gave no record code: the collector's one is kept on the tablet from the answer.
  const { code: recordCode } = await collector.db.selectFrom('households').select('code').where('client_id', '=', clientId).executeTakeFirstOrThrow();
  await expect(page.locator('.queue-item--sent').filter({ hasText: 'Triệu Văn Cũ' })).toContainText(`Mã hồ sơ: ${recordCode}`);
  await expect.poll(async () => (await collector.db.selectFrom('household_photos').select('kind').where('household_client_id', '=', clientId).execute()).map((p) => p.kind)).toEqual(['product']);
  expect(await storedInClear(page, theirs)).toEqual({ found: [], blobs: 0 });
  await context.close();
});
