// The in-page notice lives in a closed shadow root (entrypoints/notice): the marketplace's scripts cannot reach
// into it, and neither can Playwright's locators, which run as scripts in the page. So the tests read it the way a
// screen reader does — through the browser's accessibility tree, over the DevTools protocol, which no page script
// can use — and press its buttons with real input (a mouse click at the button's place, or Enter once the
// protocol has focused it), the same trusted events a person makes.
import { expect, type CDPSession, type Page } from '@playwright/test';

const NOTICE_NAME = 'Nông sản số: đơn hàng đã ghi nhận';

interface AXNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

/** One recorded order in the notice: its words, and its buttons by name (→ their DOM node, for pressing). */
export interface NoticeLine {
  text: string;
  buttons: Record<string, number>;
}

/** What the notice shows now, as assistive technology reads it; null when there is no notice on the page. */
export interface NoticeSeen {
  text: string;
  lines: NoticeLine[];
  buttons: Record<string, number>;
}

async function withProtocol<T>(page: Page, use: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await use(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function readNotice(page: Page): Promise<NoticeSeen | null> {
  const { nodes } = await withProtocol(page, (cdp) => cdp.send('Accessibility.getFullAXTree', {}) as Promise<{ nodes: AXNode[] }>);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const notice = nodes.find((n) => n.role?.value === 'status' && n.name?.value === NOTICE_NAME);
  if (!notice) return null;
  const children = (n: AXNode) => (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AXNode => !!c);
  const read = (n: AXNode, into: NoticeLine) => {
    if (n.role?.value === 'StaticText') into.text += (into.text ? '\n' : '') + (n.name?.value ?? '');
    else if (n.role?.value === 'button' && n.backendDOMNodeId) into.buttons[n.name?.value ?? ''] = n.backendDOMNodeId;
    if (n.role?.value !== 'StaticText') for (const c of children(n)) read(c, into);
  };
  const whole: NoticeLine = { text: '', buttons: {} };
  read(notice, whole);
  // Each order is a group (a div) holding its heading, its words and its button.
  const lines = children(notice)
    .filter((c) => c.role?.value !== 'button')
    .map((c) => {
      const line: NoticeLine = { text: '', buttons: {} };
      read(c, line);
      return line;
    });
  return { ...whole, lines };
}

/** The notice's text ('' while there is none), for `expect.poll`. */
const noticeText = async (page: Page) => (await readNotice(page))?.text ?? '';

/** Waits until the notice shows every one of `words`. */
export async function expectNotice(page: Page, ...words: string[]) {
  for (const w of words) await expect.poll(() => noticeText(page), { message: `the notice says "${w}"` }).toContain(w);
}

/** The line of the notice about the order `code`, once it is there. */
export async function noticeLine(page: Page, code: string): Promise<NoticeLine> {
  let found: NoticeLine | undefined;
  await expect
    .poll(async () => (found = (await readNotice(page))?.lines.find((l) => l.text.includes(code))), { message: `the notice has a line for ${code}` })
    .toBeTruthy();
  return found!;
}

/** Presses a button of the notice as a person does: `click` with the mouse, `keyboard` by Enter on the focused button. */
export async function pressNoticeButton(page: Page, code: string, name: string, how: 'click' | 'keyboard' = 'click') {
  const line = await noticeLine(page, code);
  const button = line.buttons[name];
  if (!button) throw new Error(`The notice's line for ${code} has no button "${name}": ${Object.keys(line.buttons).join(', ')}`);
  if (how === 'keyboard') {
    await withProtocol(page, (cdp) => cdp.send('DOM.focus', { backendNodeId: button }));
    await page.keyboard.press('Enter');
    return;
  }
  const { x, y } = await noticeButtonCentre(page, button);
  await page.mouse.click(x, y);
}

/** Where a button of the notice is on the screen (CSS pixels of the viewport). */
export async function noticeButtonCentre(page: Page, backendNodeId: number): Promise<{ x: number; y: number }> {
  return withProtocol(page, async (cdp) => {
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  });
}

/**
 * The notice's shadow tree as rendered (its markup and its own style sheet), read over the DevTools protocol, for
 * axe: axe runs as a page script and cannot enter the closed root. The copy is put in an open shadow root of a
 * `nongsan-so-notice-copy` element on the same page, at the same place, for `AxeBuilder.include`.
 */
export async function copyNoticeForAxe(page: Page): Promise<string> {
  const html = await withProtocol(page, async (cdp) => {
    interface DomNode {
      nodeId: number;
      localName?: string;
      children?: DomNode[];
      shadowRoots?: DomNode[];
      contentDocument?: DomNode;
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode): DomNode | undefined =>
      n.localName === 'nongsan-so-notice' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
    const host = find(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('No notice on the page');
    const parts = await Promise.all((shadow.children ?? []).map((c) => cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId }) as Promise<{ outerHTML: string }>));
    return parts.map((p) => p.outerHTML).join('');
  });
  await page.evaluate((markup) => {
    const copy = document.createElement('nongsan-so-notice-copy');
    copy.attachShadow({ mode: 'open' }).innerHTML = markup;
    document.body.append(copy);
  }, html);
  return 'nongsan-so-notice-copy';
}
