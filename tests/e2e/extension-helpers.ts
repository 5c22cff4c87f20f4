// Steps the extension tests share: point the extension at the test collector, enrol, read the popup.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { createEnrolmentCode } from '../../server/testing/seed';
import type { ScenarioCollector } from './scenario-collector';
import { fixture } from './marketplace-server';

type Collector = Pick<ScenarioCollector, 'db' | 'url'>;

/** A campaign period running today, so the orders the fixture pages carry (2026) fall inside it. */
export async function ensureCurrentPeriod(collector: Collector) {
  const exists = await collector.db.selectFrom('periods').select('id').where('id', '=', 'e2e-2026').executeTakeFirst();
  if (!exists)
    await collector.db
      .insertInto('periods')
      .values({ id: 'e2e-2026', name: 'Đợt thử nghiệm 2026', starts_on: '2026-09-01', ends_on: '2026-12-31', report_due: '2027-01-10' })
      .execute();
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/**
 * A fresh code of agency SNV (Sở Nội vụ), enrolled with in the extension (`enrolInPopup`). The code names this person
 * on a collector other specs share (`ordersFrom`).
 */
export async function enrol(context: BrowserContext, extensionId: string, collector: Collector, fullName = 'Hoàng Thị Mai'): Promise<{ popup: Page; code: string }> {
  await ensureCurrentPeriod(collector);
  const code = await createEnrolmentCode(collector.db, 'SNV');
  return { popup: await enrolInPopup(context, extensionId, collector.url, code, fullName), code };
}

/** Options → collector address; popup → enrol with a code of Sở Nội vụ. */
export async function enrolInPopup(context: BrowserContext, extensionId: string, collectorUrl: string, code: string, fullName: string): Promise<Page> {
  await setCollectorUrl(context, extensionId, collectorUrl);
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel('Họ và tên đầy đủ').fill(fullName);
  await popup.getByLabel('Mã đăng ký do cơ quan cấp').fill(code);
  await popup.getByRole('button', { name: 'Kiểm tra mã' }).click();
  await expect(popup.locator('.agency')).toContainText('Sở Nội vụ');
  await popup.getByRole('button', { name: 'Đúng, đăng ký' }).click();
  await expect(popup.locator('.who')).toContainText(`${fullName} — Sở Nội vụ`);
  return popup;
}

/** The orders the collector holds from the person who enrolled with `code` (withdrawn versions included). */
export const ordersFrom = (collector: Collector, code: string) =>
  collector.db
    .selectFrom('staff_orders')
    .innerJoin('staff', 'staff.id', 'staff_orders.staff_id')
    .selectAll('staff_orders')
    .where('staff.enrolment_code', '=', code)
    .execute();

export async function setCollectorUrl(context: BrowserContext, extensionId: string, url: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Địa chỉ máy chủ nhận báo cáo').fill(url);
  await options.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText(`Đã lưu: ${new URL(url).origin}`);
  await options.close();
}

/** The order card of an order code in the popup. */
export const orderCard = (popup: Page, code: string) => popup.locator(`article.order[data-order-code="${code}"]`);

/** A figure of the popup's totals: the list "Tổng cộng", the item that starts with `label`, its big number. */
export const total = (popup: Page, label: string) =>
  popup.getByRole('list', { name: 'Tổng cộng' }).getByRole('listitem').filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).locator('strong');

/** The realistic postmart (FleetCart-style) flow from the extract branch, served at its real paths. */
export function postmartPages(ordersPage: () => string = () => fixture('postmart/fixtures/account-orders.html')) {
  return {
    '/p/mang-kho-bac-son-tui-500g-18342.html': fixture('postmart/fixtures/product-mang-kho.html'),
    '/cart': fixture('postmart/fixtures/cart.html'),
    '/checkout': fixture('postmart/fixtures/checkout.html'),
    '/checkout/complete': fixture('postmart/fixtures/checkout-complete.html'),
    '/account/orders': ordersPage,
    '/account/orders/10377': fixture('postmart/fixtures/account-order-detail.html'),
  };
}

/** Walks product → cart → checkout → "order placed" on langson.postmart.vn. */
export async function buyOnPostmart(page: Page) {
  await page.goto('https://langson.postmart.vn/p/mang-kho-bac-son-tui-500g-18342.html');
  for (const path of ['/cart', '/checkout', '/checkout/complete']) {
    await page.goto(`https://langson.postmart.vn${path}`);
    await recorded(page);
  }
}

/** Waits until the content script has handed this page to the background and it was stored. */
export async function recorded(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:recorded').length > 0);
}
