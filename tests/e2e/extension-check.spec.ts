// "Cần kiểm tra": an order whose items do not add up to its total is shown so in the popup and not sent as if
// sure; it goes once the person confirms it is right as the page shows it.
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { enrol, openPopup, orderCard, ordersFrom, recorded } from './extension-helpers';

test.use({
  sitePages: { 'langson.voso.vn': { '/don-hang/VS2611301133': fixture('generic/fixtures/confirmation-does-not-add-up.html') } },
});

test('an order that does not add up waits for the person, then is sent', async ({ extension, collector }) => {
  const { context, extensionId } = extension;
  const { code } = await enrol(context, extensionId, collector);
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/don-hang/VS2611301133');
  await recorded(page);

  const popup = await openPopup(context, extensionId);
  const card = orderCard(popup, 'VS2611301133');
  await expect(card.locator('.check')).toContainText('Cần kiểm tra: các sản phẩm cộng lại 270.000 ₫, nhưng theo tổng đơn phải là 400.000 ₫');
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(popup.getByText('1 đơn còn thiếu thông tin')).toBeVisible();
  await expect(card.locator('.state').first()).toContainText('Chưa gửi');
  const sent = async () => (await ordersFrom(collector, code)).filter((r) => r.order_code === 'VS2611301133');
  expect(await sent()).toHaveLength(0);

  await card.getByRole('button', { name: 'Đúng như trang' }).click();
  await expect(card.locator('.check')).toHaveCount(0);
  await popup.getByRole('button', { name: /^Gửi/ }).click();
  await expect(card.locator('.state').first()).toContainText('Đã gửi');
  expect(await sent()).toHaveLength(1);
});
