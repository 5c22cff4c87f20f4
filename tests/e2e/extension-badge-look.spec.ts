// Issue 13 (6): the buyer's note is drawn in the notice's style (entrypoints/notice/notice-view.ts boxCss) with a style
// sheet of its own (entrypoints/notice/badge.ts). Read as the browser computes it, over the DevTools protocol (the
// note is in a closed shadow root), and its close button focused from the keyboard shows the notice's focus ring.
import { test, expect } from './fixtures';
import { fixture } from './marketplace-server';
import { BADGE, landmarkShown } from './notice-reader';

const productPath = '/na-chi-lang-loai-1-hop-2kg-p245871.html';
test.use({ sitePages: { 'langson.voso.vn': { [productPath]: fixture('voso/fixtures/product-na-chi-lang.html') } } });

test("the buyer's note has the notice's look, and its close button the notice's focus ring", async ({ extension }) => {
  const { context, serviceWorker } = extension;
  // The registry as the background keeps it after a download (shared/registry.ts): this page's shop, verified.
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      'registry:voso:41235': { commune: 'Xã Nhạc Kỳ', district: 'Huyện Văn Lãng', claims: [{ kind: 'ocop', stars: 3, expiresOn: null }] },
    }),
  );
  const page = await context.newPage();
  await page.goto(`https://langson.voso.vn${productPath}`);
  const note = await landmarkShown(page, BADGE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.getDocument', { depth: 0 });
  await cdp.send('CSS.enable');
  const style = async (backendNodeId: number, names: string[]) => {
    const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [backendNodeId] })) as { nodeIds: number[] };
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0] })) as { computedStyle: { name: string; value: string }[] };
    return Object.fromEntries(names.map((n) => [n, computedStyle.find((s) => s.name === n)?.value]));
  };
  const close = note.buttons['Đóng ghi chú'];
  // The note's box: its parent.
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: close })) as { object: { objectId: string } };
  const parent = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.parentNode; }' })) as { result: { objectId: string } };
  const { node: box } = (await cdp.send('DOM.describeNode', { objectId: parent.result.objectId })) as { node: { backendNodeId: number; localName: string } };
  expect(box.localName).toBe('aside');
  expect(await style(box.backendNodeId, ['position', 'right', 'bottom', 'background-color', 'color', 'border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'font-size', 'font-family', 'z-index'])).toEqual({
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    'background-color': 'rgb(255, 255, 255)',
    color: 'rgb(26, 26, 26)',
    'border-top-width': '2px',
    'border-top-style': 'solid',
    'border-top-color': 'rgb(27, 110, 58)',
    'border-top-left-radius': '8px',
    'font-size': '15px',
    'font-family': 'system-ui, sans-serif',
    'z-index': '2147483646',
  });
  // Unfocused, no ring (its width is left out: Chromium versions differ on the width of an outline of style none).
  expect(await style(close, ['position', 'width', 'height', 'color', 'font-size', 'cursor', 'outline-style'])).toEqual({
    position: 'absolute',
    width: '28px',
    height: '28px',
    color: 'rgb(27, 110, 58)',
    'font-size': '20px',
    cursor: 'pointer',
    'outline-style': 'none',
  });
  // Focused from the keyboard: the notice's ring, 3px of amber.
  await page.keyboard.press('Tab');
  await cdp.send('DOM.focus', { backendNodeId: close });
  expect(await style(close, ['outline-color', 'outline-style', 'outline-width', 'outline-offset'])).toEqual({ 'outline-color': 'rgb(240, 165, 0)', 'outline-style': 'solid', 'outline-width': '3px', 'outline-offset': '1px' });
});
