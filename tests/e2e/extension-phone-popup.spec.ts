// Issue 12, phones: the popup as Firefox for Android shows it (a full page on a 360 px screen, touch only).
// Chromium stands in for the layout, told that its only pointer is a finger (coarse, no hover), as on a phone.
import { test, expect, launchWithExtension } from './fixtures';
import { fixture, startMarketplaceServer } from './marketplace-server';
import { enrol, openPopup, orderCard } from './extension-helpers';
import { expectNotice } from './notice-reader';

// ui::PointerType COARSE = 2, ui::HoverType NONE = 1.
const touchOnly = '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1';

test('the popup fits a 360×640 phone screen with touch-sized controls', async ({ collector }) => {
  const site = await startMarketplaceServer({ 'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') } });
  const { context, extensionId } = await launchWithExtension(site.port, '', [touchOnly]);
  try {
    await enrol(context, extensionId, collector);
    const page = await context.newPage();
    await page.goto('https://langson.voso.vn/dat-hang');
    await expectNotice(page, 'Đã ghi nhận đơn VS2611290417');

    const popup = await openPopup(context, extensionId);
    await popup.setViewportSize({ width: 360, height: 640 });
    expect(await popup.evaluate(() => matchMedia('(pointer: coarse)').matches && matchMedia('(hover: none)').matches)).toBe(true);
    await popup.getByRole('button', { name: 'Đơn hàng', exact: true }).click();
    await expect(orderCard(popup, 'VS2611290417')).toBeVisible();

    // Nothing sideways: the page is no wider than the screen.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Every visible control is at least 44 × 44 px (a checkbox counts with its label).
    const small = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input:not([type="checkbox"]):not([type="radio"]), a[href], label.inline')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    await popup.screenshot({ path: 'test-results/popup-phone-360x640.png' });
    await popup.screenshot({ path: 'test-results/popup-phone-360-full.png', fullPage: true });
  } finally {
    await context.close();
    await site.close();
  }
});
