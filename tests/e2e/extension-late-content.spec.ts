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

test.use({
  sitePages: {
    'langson.voso.vn': { '/dat-hang': renderedLate },
    'langson.postmart.vn': { '/checkout': singlePageCheckout, '/checkout/complete': fixture('postmart/fixtures/checkout-complete.html') },
  },
});

test('a confirmation rendered 1,5 s after load shows the notice', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expect(page.locator('.loading')).toBeVisible();
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417', 'Đã ghi nhận đơn VS2611290418');
});

test('a checkout that becomes its confirmation by pushState shows the notice with the checkout items', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto('https://langson.postmart.vn/checkout');
  await recorded(page); // the checkout snapshot
  await page.getByRole('button', { name: 'Đặt hàng' }).click();
  await expect(page).toHaveURL('https://langson.postmart.vn/checkout/complete');
  await expectNotice(page, 'Đã ghi nhận đơn 10528 cho đợt vận động', '2 sản phẩm nông sản');
});
