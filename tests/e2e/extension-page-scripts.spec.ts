// Issue 11, extension: what the marketplace page itself (its scripts, or a page served without TLS) can do to the
// extension. The notice sits in a closed shadow root and acts only on real input; the content script reads only
// `https://` pages.
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { openPopup, orderCard } from './extension-helpers';
import { expectNotice, noticeButtonCentre, noticeLine, pressNoticeButton, readNotice } from './notice-reader';

test.use({ sitePages: { 'langson.voso.vn': { '/dat-hang': fixture('voso/fixtures/order-confirmation.html') } } });

test('a page script gets null for the notice\'s shadow root, cannot read it, and cannot press "Không tính đơn này"', async ({ extension }) => {
  const { context, extensionId } = extension;
  const page = await context.newPage();
  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417 cho đợt vận động', 'Đã ghi nhận đơn VS2611290418 cho đợt vận động');
  const button = await noticeButtonCentre(page, (await noticeLine(page, 'VS2611290417')).buttons['Không tính đơn này']);

  // page.evaluate runs in the page's own world, as the marketplace's scripts do. It tries all it can: the root,
  // the element under the button's place, the buttons anywhere in the document, clicks, Enter and Space.
  const seen = await page.evaluate(({ x, y }) => {
    const host = document.querySelector('nongsan-so-notice') as HTMLElement;
    const under = document.elementFromPoint(x, y) as HTMLElement;
    const root = host.shadowRoot;
    const buttons = [...(root?.querySelectorAll('button') ?? []), ...document.querySelectorAll('button')].filter((b) => b.textContent?.includes('Không tính'));
    for (const el of [under, host, ...buttons]) {
      el.click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
      for (const key of ['Enter', ' ']) el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }
    return {
      shadowRoot: root === null ? null : 'reachable',
      underIsHost: under === host,
      noticeText: document.body.innerText.includes('Đã ghi nhận đơn') || (host.textContent ?? '').includes('Đã ghi nhận đơn'),
      buttons: buttons.length,
    };
  }, button);
  expect(seen).toEqual({ shadowRoot: null, underIsHost: true, noticeText: false, buttons: 0 });

  // A person's click on the other order's button goes through: once it shows, the page's attempts (made before
  // it, through the same messages) would have shown too.
  await pressNoticeButton(page, 'VS2611290418', 'Không tính đơn này');
  await expectNotice(page, 'Đã bỏ đơn VS2611290418 khỏi báo cáo');
  expect((await readNotice(page))?.lines.map((l) => l.text.split('\n')[0])).toEqual([
    'Đã ghi nhận đơn VS2611290417 cho đợt vận động',
    'Đã bỏ đơn VS2611290418 khỏi báo cáo',
  ]);

  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Đơn hàng', exact: true }).click();
  await expect(orderCard(popup, 'VS2611290417').locator('.state').first()).toHaveText('Chưa gửi');
  await expect(orderCard(popup, 'VS2611290418').locator('.state').first()).toContainText('Không tính');
});

test('an http:// marketplace page gets no content script and no notice; the same page over https:// does', async ({ extension }) => {
  const { context } = extension;
  const page = await context.newPage();
  // Every script world an extension makes in the tab: a content script runs in an isolated one with the
  // extension's origin and name. Listened to over the DevTools protocol from before the page opens.
  const cdp = await context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.origin.startsWith('chrome-extension://')) worlds.push(`${c.name} (${c.auxData?.type})`);
  });
  await cdp.send('Runtime.enable');

  await page.goto('http://langson.voso.vn/dat-hang', { waitUntil: 'load' });
  expect(await page.evaluate(() => location.protocol + document.title.length)).toMatch(/^http:\d+$/);
  // document_idle scripts are injected by the end of the load event; one more round trip to the page to be sure.
  await page.evaluate(() => new Promise((r) => setTimeout(r)));
  expect(worlds).toEqual([]);
  expect(await readNotice(page)).toBeNull();

  await page.goto('https://langson.voso.vn/dat-hang');
  await expectNotice(page, 'Đã ghi nhận đơn VS2611290417 cho đợt vận động');
  expect(worlds).toEqual(['Nông sản số Lạng Sơn (isolated)']);
});
