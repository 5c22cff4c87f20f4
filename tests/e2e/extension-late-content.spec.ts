// Orders that appear after the content script's first read: content rendered late (voso is AngularJS) and a
// checkout that becomes its confirmation through history.pushState (a single-page checkout posting by XHR).
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { recorded } from './extension-helpers';
import { expectNotice } from './notice-reader';

const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
const headOf = (html: string) => html.slice(0, html.indexOf('<body>'));

/** voso's confirmation, shown 1,5 s after load in place of a spinner, the way an Angular controller fills it. */
function renderedLate(): string {
  const html = fixture('voso/fixtures/order-confirmation.html');
  return `${headOf(html)}<body><div class="loading">Đang tải…</div>
<template id="later">${bodyOf(html)}</template>
<script>setTimeout(() => document.body.replaceChildren(document.getElementById('later').content.cloneNode(true)), 1500);</script>
</body></html>`;
}

/**
 * voso's order history rendered 1,5 s after load under a title that says nothing, at its address (which no word of
 * the address gives away): only the rule written for the address says the page may still become an order.
 */
function historyRenderedLate(): string {
  return `<!doctype html><html><head><title>Voso</title></head><body><div class="loading">Đang tải…</div>
<template id="later">${fixture('voso/fixtures/order-history.html')}</template>
<script>setTimeout(() => document.body.replaceChildren(document.getElementById('later').content.cloneNode(true)), 1500);</script>
</body></html>`;
}

/** postmart's checkout whose "Đặt hàng" posts by XHR, then shows the confirmation at /checkout/complete by pushState. */
function singlePageCheckout(): string {
  return fixture('postmart/fixtures/checkout.html').replace(
    '</body>',
    `<script>
document.querySelector('form.checkout-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const html = await (await fetch('/checkout/complete')).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  history.pushState({}, '', '/checkout/complete');
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
});
</script></body>`,
  );
}

/** voso's home page with a ticker that changes it 50 times a second, as carousels and live counters do. */
function busyHome(): string {
  // The saved page has no </body>: the ticker goes at its end.
  return `${fixture('voso/fixtures/home.html')}<ul id="ticker"></ul><script>
let n = 0;
setInterval(() => {
  const li = document.createElement('li');
  li.textContent = 'Đã bán ' + n++;
  document.getElementById('ticker').append(li);
  document.title = 'Voso ' + n;
}, 20);
</script>`;
}

test.use({
  sitePages: {
    'langson.voso.vn': { '/dat-hang': renderedLate, '/lich-su-mua-hang.html': historyRenderedLate, '/': busyHome },
    'langson.postmart.vn': { '/checkout': singlePageCheckout, '/checkout/complete': fixture('postmart/fixtures/checkout-complete.html') },
  },
});

test('a confirmation rendered 1,5 s after load shows the notice', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expect(page.locator('.loading')).toBeVisible();
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417', 'Đã ghi nhận đơn VS2611290418');
});

test('an order history rendered late at an address a rule is written for is read once it renders', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.voso.vn/lich-su-mua-hang.html');
  await expect(page.locator('.loading')).toBeVisible();
  await recorded(page);
  const readings = await page.evaluate(() =>
    (performance.getEntriesByName('nongsan-so:read') as PerformanceMeasure[]).map((m) => (m.detail as { pageType: string }).pageType),
  );
  expect([readings[0], readings.at(-1)]).toEqual(['other', 'order-list']);
});

test('a checkout that becomes its confirmation by pushState shows the notice with the checkout items', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.postmart.vn/checkout');
  await recorded(page); // the checkout snapshot
  await page.getByRole('button', { name: 'Đặt hàng' }).click();
  await expect(page).toHaveURL('https://langson.postmart.vn/checkout/complete');
  await expectNotice(page, 'Đã ghi nhận đơn 10528 cho đợt vận động', '2 sản phẩm nông sản');
});

test('a busy page that is no order is read once, and its own changes are not watched', async ({ extension }) => {
  const page = await extension.context.newPage();
  // Not load: the saved page links assets that never arrive here.
  await page.goto('https://langson.voso.vn/', { waitUntil: 'domcontentloaded' });
  // The content script has read the page and ended its watch of the content ("nongsan-so:watch" says so)…
  await page.waitForFunction(() => performance.getEntriesByName('nongsan-so:watch').length > 0);
  // …and the page kept changing for another 200 ticks after that.
  const ticks = await page.evaluate(() => document.getElementById('ticker')!.children.length);
  await page.waitForFunction((n) => document.getElementById('ticker')!.children.length >= n + 200, ticks);
  const seen = await page.evaluate(() => ({
    readings: performance.getEntriesByName('nongsan-so:read').length,
    batches: (performance.getEntriesByName('nongsan-so:watch') as PerformanceMeasure[]).map((m) => (m.detail as { batches: number }).batches),
  }));
  expect(seen).toEqual({ readings: 1, batches: [0] });
});
