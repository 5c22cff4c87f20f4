// The in-page notice in Firefox. It lives in a closed shadow root, which page scripts (and so puppeteer's
// selectors, which run as scripts in the page) cannot enter. WebDriver BiDi can: asked to serialise every shadow
// tree ("includeShadowTree": "all"), it hands the test a reference to the closed root, in which the notice is then
// located and read in a sandbox of the test's own.
import type { Browser, Page } from 'puppeteer-core';

const NOTICE_NAME = 'Nông sản số: đơn hàng đã ghi nhận';
const SANDBOX = 'nongsan-so-tests';

interface NodeRef {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: NodeRef | null };
}

type Send = (method: string, params: object) => Promise<{ result: unknown }>;
const bidi = (browser: Browser): Send => {
  const connection = (browser as unknown as { connection: { send: Send } }).connection;
  return (method, params) => connection.send(method, params);
};
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/** The notice's closed root, or null while there is no notice. */
async function noticeRoot(browser: Browser, page: Page): Promise<NodeRef | null> {
  const { result } = (await bidi(browser)('script.evaluate', {
    expression: "document.querySelector('nongsan-so-notice')",
    target: { context: contextOf(page), sandbox: SANDBOX },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  })) as { result: { result: NodeRef | { type: 'null' } } };
  return result.result.type === 'node' ? (result.result.value?.shadowRoot ?? null) : null;
}

async function locate(browser: Browser, page: Page, start: NodeRef, css: string): Promise<NodeRef[]> {
  const { result } = (await bidi(browser)('browsingContext.locateNodes', {
    context: contextOf(page),
    locator: { type: 'css', value: css },
    startNodes: [{ sharedId: start.sharedId }],
  })) as { result: { nodes: NodeRef[] } };
  return result.nodes;
}

/** The notice's text as shown, once it includes `words` (waits up to 15 s). */
export async function waitForNotice(browser: Browser, page: Page, words: string): Promise<string> {
  let text = '';
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const root = await noticeRoot(browser, page);
    const [notice] = root ? await locate(browser, page, root, `[role="status"][aria-label="${NOTICE_NAME}"]`) : [];
    if (!notice) continue;
    const { result } = (await bidi(browser)('script.callFunction', {
      functionDeclaration: '(el) => el.innerText',
      arguments: [{ sharedId: notice.sharedId }],
      target: { context: contextOf(page), sandbox: SANDBOX },
      awaitPromise: false,
    })) as { result: { result: { value: string } } };
    text = result.result.value;
    if (text.includes(words)) return text;
  }
  throw new Error(`The notice did not say "${words}" (it said: "${text}")`);
}
