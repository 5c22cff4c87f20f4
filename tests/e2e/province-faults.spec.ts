// Issue 6, faults: the collector is down while the extension submits, while the browser restarts, and while the
// kiosk syncs; the tablet stays offline for a week. Everything is kept, delivered by itself once a new collector
// runs on the same data and port (or the network returns), and stored exactly once (rows counted in the database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { test, expect, launchWithExtension } from './fixtures';
import { enrol, openPopup, orderCard, recorded } from './extension-helpers';
import { enrolKiosk, officerWithCode, registerHousehold, sixDigits, unlockKiosk } from './kiosk-helpers';
import { fixture, startMarketplaceServer } from './marketplace-server';
import { startScenarioCollector, type ScenarioCollector } from './scenario-collector';

const kinds = ['sqlite', 'postgres'] as const;

for (const kind of kinds) {
  test.describe(`faults (${kind})`, () => {
    let collector: ScenarioCollector;
    test.beforeEach(async () => {
      collector = await startScenarioCollector(kind);
    });
    test.afterEach(async () => {
      await collector?.close();
    });

    test('the extension submits while the collector is down: queued, delivered after restart, stored once', async () => {
      test.setTimeout(120_000);
      const site = await startMarketplaceServer({ 'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') } });
      const { context, extensionId } = await launchWithExtension(site.port);
      try {
        await enrol(context, extensionId, collector, `Nông Văn Dũng ${sixDigits()}`);
        const shop = await context.newPage();
        await shop.goto('https://langson.voso.vn/dat-hang');
        await recorded(shop);
        const popup = await openPopup(context, extensionId);
        await expect(orderCard(popup, 'VS2611290417')).toBeVisible();
        await expect(orderCard(popup, 'VS2611290418')).toBeVisible();

        expect(await collector.db.selectFrom('staff_orders').select('id').execute()).toEqual([]);
        await collector.stop();
        await popup.getByRole('button', { name: /^Gửi/ }).click();
        // The popup says what waits and why.
        const outbox = popup.locator('.outbox');
        await expect(outbox).toContainText('mục đang chờ gửi:');
        await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).not.toContainText('Đã gửi');

        await collector.restart();
        // Delivered by the outbox's own retry, without anyone pressing "Gửi lại ngay".
        await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toContainText('Đã gửi', { timeout: 60_000 });
        await expect(orderCard(popup, 'VS2611290418').locator('.state').first()).toContainText('Đã gửi');
        await expect(outbox).toHaveCount(0);
        const rows = await collector.db.selectFrom('staff_orders').select('body').execute();
        expect(rows.map((r) => JSON.parse(r.body).orderCode).sort()).toEqual(['VS2611290417', 'VS2611290418']);
      } finally {
        await context.close();
        await site.close();
      }
    });

    test('the browser is closed with orders still queued and the collector down: the next start delivers them once', async () => {
      test.setTimeout(120_000);
      const profile = mkdtempSync(join(tmpdir(), 'nongsan-so-profile-'));
      const site = await startMarketplaceServer({ 'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') } });
      let context: BrowserContext | undefined;
      try {
        let extensionId: string;
        ({ context, extensionId } = await launchWithExtension(site.port, profile));
        await enrol(context, extensionId, collector, `Lăng Thị Huệ ${sixDigits()}`);
        const shop = await context.newPage();
        await shop.goto('https://langson.voso.vn/dat-hang');
        await recorded(shop);
        let popup = await openPopup(context, extensionId);
        await expect(orderCard(popup, 'VS2611290418')).toBeVisible();
        await collector.stop();
        await popup.getByRole('button', { name: /^Gửi/ }).click();
        await expect(popup.locator('.outbox')).toContainText('mục đang chờ gửi:');
        await context.close();
        context = undefined;

        // The next morning: the collector runs again, the browser starts, nobody opens the popup.
        await collector.restart();
        ({ context, extensionId } = await launchWithExtension(site.port, profile));
        await expect.poll(async () => (await collector.db.selectFrom('staff_orders').select('body').execute()).map((r) => JSON.parse(r.body).orderCode).sort(), { timeout: 60_000 }).toEqual(['VS2611290417', 'VS2611290418']);
        popup = await openPopup(context, extensionId);
        await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toContainText('Đã gửi');
        await expect(orderCard(popup, 'VS2611290418').locator('.state').first()).toContainText('Đã gửi');
        await expect(popup.locator('.outbox')).toHaveCount(0);
        expect(await collector.db.selectFrom('staff_orders').select('id').execute()).toHaveLength(2);
      } finally {
        await context?.close();
        await site.close();
        rmSync(profile, { recursive: true, force: true });
      }
    });

    test('the kiosk syncs while the collector is down: queued, delivered after restart, stored once', async ({ browser, request }) => {
      test.setTimeout(120_000);
      const officer = await officerWithCode(request, collector);
      const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
      const page = await context.newPage();
      try {
        await enrolKiosk(page, collector.url, { username: officer.username, password: officer.password });
        const digits = sixDigits();
        const phone = `0912${digits}`;

        await collector.stop();
        await registerHousehold(page, { village: 'Thôn Bản Cặp', headName: `Hoàng Văn Thụ ${digits}`, phone, idNumber: `020190${digits}`, shopName: 'Na Chi Lăng nhà Thụ', product: 'Na Chi Lăng loại 1' });
        await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
        await expect(page.locator('.queue-item--queued')).toHaveCount(1);
        // A sync was tried and failed; the household stays on the tablet.
        await page.getByRole('button', { name: 'Gửi ngay' }).click();
        await expect(page.getByRole('status').filter({ hasText: /sẽ tự (gửi|thử) lại sau/ }).first()).toBeVisible();
        await expect(page.locator('.queue-item--queued')).toHaveCount(1);

        await collector.restart();
        // The kiosk's own retry delivers it.
        await expect(page.locator('.queue-item--sent')).toHaveCount(1, { timeout: 60_000 });
        // Asking again sends nothing twice.
        await page.getByRole('button', { name: 'Gửi ngay' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Đã đồng bộ xong.' })).toBeVisible();
        const rows = await collector.db.selectFrom('households').select(['id', 'code', 'client_id']).where('phone', '=', phone).execute();
        expect(rows).toHaveLength(1);
        const photos = await collector.db.selectFrom('household_photos').select('kind').where('household_client_id', '=', rows[0].client_id).execute();
        expect(photos.map((p) => p.kind)).toEqual(['signature']);
        await expect(page.getByText(`Mã hồ sơ: ${rows[0].code}`)).toBeVisible();
      } finally {
        await context.close();
      }
    });

    test('the tablet stays offline for a week: the household registered then is delivered once, dated the day it signed', async ({ browser, request }) => {
      test.setTimeout(120_000);
      const officer = await officerWithCode(request, collector);
      const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
      const page = await context.newPage();
      const weekAgo = Date.now() - 7 * 86400_000;
      try {
        // The tablet's clock starts a week back: the household signs on that day, offline.
        await page.clock.install({ time: weekAgo });
        await enrolKiosk(page, collector.url, { username: officer.username, password: officer.password });
        await context.setOffline(true);
        const digits = sixDigits();
        const phone = `0388${digits}`;
        await registerHousehold(page, { village: 'Thôn Nà Pàn', headName: `Đặng Thị Hoa ${digits}`, phone, idNumber: `020190${digits}`, shopName: 'Hồi Văn Quan nhà Hoa', product: 'Hoa hồi khô' });

        // A week passes with no connection; then the network comes back.
        await page.clock.fastForward(7 * 86400_000);
        // Left alone that long, the kiosk has locked itself (5 minutes without a touch).
        await unlockKiosk(page);
        await context.setOffline(false);
        await page.getByRole('tab', { name: /Hàng chờ gửi/ }).click();
        await expect(page.locator('.queue-item--sent')).toHaveCount(1, { timeout: 60_000 });
        const rows = await collector.db.selectFrom('households').select(['registered_at']).where('phone', '=', phone).execute();
        expect(rows).toHaveLength(1);
        expect(rows[0].registered_at.slice(0, 10)).toBe(new Date(weekAgo).toISOString().slice(0, 10));
      } finally {
        await context.close();
      }
    });
  });
}
