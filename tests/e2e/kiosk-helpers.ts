import { randomInt, randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { seedOfficer } from '../../server/kiosk/seed-officer';
import type { Db } from '../../server/db';

export const pin = '246810';

/**
 * Enrolling and unlocking derive the officer's key on purpose slowly (PBKDF2, 1.000.000 iterations: about half a
 * second on the build machine, several on a loaded one), after a scrypt sign-in for enrolment.
 */
export const unlockTimeout = 30_000;

/** Six random digits: phones and ID numbers differ between runs, as the collector refuses duplicates. */
export const sixDigits = () => String(randomInt(1_000_000)).padStart(6, '0');

/** An officer of the given communes (created as the province would) and a fresh device code from the real API. */
export async function officerWithCode(request: APIRequestContext, collector: { url: string; db: Db }, communes = ['06181']) {
  const username = `cb-${randomUUID().slice(0, 8)}`;
  await seedOfficer(collector.db, { username, password: 'mat-khau-cua-xa', fullName: 'Lý Thị Mai', communes });
  const login = await request.post(`${collector.url}/api/auth/login`, { data: { username, password: 'mat-khau-cua-xa' } });
  const { token } = await login.json();
  const res = await request.post(`${collector.url}/api/kiosk/device-codes`, { data: {}, headers: { Authorization: `Bearer ${token}` } });
  const { code } = await res.json();
  return { token, code: code as string, username, password: 'mat-khau-cua-xa' };
}

/**
 * Opens the kiosk, waits until the service worker controls it (so it opens offline), and enrols the tablet with a
 * device code, or with the officer's own account when given one.
 */
export async function enrolKiosk(page: Page, url: string, with_: string | { username: string; password: string }) {
  await page.goto(url + '/kiosk');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  if (typeof with_ === 'string') {
    await page.getByRole('button', { name: /Dùng mã kích hoạt/ }).click();
    await page.getByLabel('Mã kích hoạt').fill(with_);
  } else {
    await page.getByLabel('Tên đăng nhập của cán bộ xã').fill(with_.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(with_.password);
  }
  await page.getByLabel('Họ tên cán bộ dùng máy').fill('Lý Thị Mai');
  await page.getByLabel('Mã PIN của bạn').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Kích hoạt máy' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký hộ mới' })).toBeVisible({ timeout: unlockTimeout });
}

/**
 * Which of these values the tablet keeps readable: every record of every IndexedDB database of the page, its
 * strings and its bytes (read as UTF-8, Blobs included), searched without the kiosk's code. Also how many Blobs
 * (unsealed photos) are stored.
 */
export async function storedInClear(page: Page, values: string[]): Promise<{ found: string[]; blobs: number }> {
  return page.evaluate(async (values) => {
    const decoder = new TextDecoder();
    const texts: string[] = [];
    let blobs = 0;
    const walk = async (v: unknown): Promise<void> => {
      if (typeof v === 'string') texts.push(v);
      else if (v instanceof ArrayBuffer) texts.push(decoder.decode(v));
      else if (ArrayBuffer.isView(v)) texts.push(decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
      else if (v instanceof Blob) (blobs++, texts.push(decoder.decode(await v.arrayBuffer())));
      else if (Array.isArray(v)) for (const x of v) await walk(x);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (texts.push(k), await walk(x));
    };
    for (const { name } of await indexedDB.databases()) {
      const idb: IDBDatabase = await new Promise((ok) => Object.assign(indexedDB.open(name!), { onsuccess(this: IDBOpenDBRequest) { ok(this.result); } }));
      for (const store of Array.from(idb.objectStoreNames)) {
        await walk(await new Promise((ok) => Object.assign(idb.transaction(store).objectStore(store).getAll(), { onsuccess(this: IDBRequest) { ok(this.result); } })));
      }
      idb.close();
    }
    const all = texts.join('\n');
    return { found: values.filter((x) => all.includes(x)), blobs };
  }, values);
}

export async function unlockKiosk(page: Page) {
  await expect(page.getByRole('heading', { name: 'Mở khoá máy' })).toBeVisible();
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('button', { name: 'Khoá máy' })).toBeVisible({ timeout: unlockTimeout });
}

/** A real camera-sized photo (2400×1800 JPEG) drawn by the browser, to give setInputFiles. */
export async function cameraPhoto(page: Page, hue: number) {
  const base64 = await page.evaluate(async (h) => {
    const c = new OffscreenCanvas(2400, 1800);
    const ctx = c.getContext('2d')!;
    for (let i = 0; i < 60; i++) {
      ctx.fillStyle = `hsl(${(h + i * 7) % 360} 70% ${30 + (i % 5) * 10}%)`;
      ctx.fillRect((i * 97) % 2400, (i * 53) % 1800, 600, 400);
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, hue);
  return { name: `anh-${hue}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

export interface TypedHousehold {
  village: string;
  headName: string;
  phone: string;
  idNumber: string;
  shopName: string;
  product: string;
}

export async function typeHousehold(page: Page, h: Partial<TypedHousehold>) {
  if (h.village) await page.getByLabel('Thôn, bản').fill(h.village);
  if (h.headName) await page.getByLabel('Họ tên chủ hộ').fill(h.headName);
  if (h.phone) await page.getByLabel('Số điện thoại di động').fill(h.phone);
  if (h.idNumber) await page.getByLabel(/Số CCCD/).fill(h.idNumber);
  if (h.shopName) await page.getByLabel('Tên cửa hàng muốn mở').fill(h.shopName);
  if (h.product) await page.getByLabel('Tên sản phẩm 1').fill(h.product);
}

/** A stroke drawn with the "finger" on the signature pad; it is saved as it ends. */
export async function drawSignature(page: Page) {
  const pad = page.getByRole('img', { name: /Ô ký tên/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 30, box.y + box.height / 2 + (i % 2 ? 25 : -25));
  await page.mouse.up();
}

/** The tick and a signature, saved without a "save" button. */
export async function consentAndSign(page: Page) {
  await page.getByLabel(/Hộ đồng ý cung cấp thông tin/).check();
  await drawSignature(page);
  await expect(page.getByText('Đã lưu chữ ký.')).toBeVisible();
}

export async function queueHousehold(page: Page) {
  await page.getByRole('button', { name: 'Lưu và đưa vào hàng chờ gửi' }).click();
  await expect(page.getByRole('heading', { name: /Phiếu tóm tắt cho hộ/ })).toBeVisible();
}

export async function registerHousehold(page: Page, h: TypedHousehold, photos: { name: string; mimeType: string; buffer: Buffer }[] = []) {
  await typeHousehold(page, h);
  if (photos.length) {
    await page.getByLabel('Chụp hoặc chọn ảnh sản phẩm').setInputFiles(photos);
    await expect(page.getByRole('img', { name: `Ảnh sản phẩm ${photos.length}` })).toBeVisible();
  }
  await consentAndSign(page);
  await queueHousehold(page);
}
