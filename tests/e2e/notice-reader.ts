// The extension's in-page UI — the notice of a recorded order, and the buyer's note (the badge) — lives in closed
// shadow roots (entrypoints/notice): the marketplace's scripts cannot reach into them, and neither can Playwright's
// locators, which run as scripts in the page. So the tests read them the way a screen reader does — through the
// browser's accessibility tree, over the DevTools protocol, which no page script can use — as landmarks found by role
// and accessible name, and press their buttons with real input (a mouse click at the button's place, or Enter once
// the protocol has focused it), the same trusted events a person makes.
import { expect, type CDPSession, type Page } from '@playwright/test';

/** A landmark of the in-page UI, as assistive technology finds it: its role and its accessible name. */
export interface Landmark {
  role: string;
  name: string;
}

/** The notice of a recorded order. */
export const NOTICE: Landmark = { role: 'status', name: 'Nông sản số: đơn hàng đã ghi nhận' };
/** The buyer's note on a verified household's product page. */
export const BADGE: Landmark = { role: 'complementary', name: 'Nông sản số: hộ sản xuất Lạng Sơn' };

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

/**
 * What a landmark shows now, as assistive technology reads it: its words (one text run a line), its buttons by name,
 * and its groups (in the notice, one per order). Null when the landmark is not on the page.
 */
export interface LandmarkSeen {
  text: string;
  lines: NoticeLine[];
  buttons: Record<string, number>;
}
export type NoticeSeen = LandmarkSeen;

async function withProtocol<T>(page: Page, use: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await use(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function readLandmark(page: Page, landmark: Landmark): Promise<LandmarkSeen | null> {
  const { nodes } = await withProtocol(page, (cdp) => cdp.send('Accessibility.getFullAXTree', {}) as Promise<{ nodes: AXNode[] }>);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const found = nodes.filter((n) => n.role?.value === landmark.role && n.name?.value === landmark.name);
  if (found.length > 1) throw new Error(`${found.length} landmarks "${landmark.name}" on the page`);
  const [root] = found;
  if (!root) return null;
  const children = (n: AXNode) => (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AXNode => !!c);
  const read = (n: AXNode, into: NoticeLine) => {
    if (n.role?.value === 'StaticText') into.text += (into.text ? '\n' : '') + (n.name?.value ?? '');
    else if (n.role?.value === 'button' && n.backendDOMNodeId) into.buttons[n.name?.value ?? ''] = n.backendDOMNodeId;
    if (n.role?.value !== 'StaticText') for (const c of children(n)) read(c, into);
  };
  const whole: NoticeLine = { text: '', buttons: {} };
  read(root, whole);
  // In the notice, each order is a group (a div) holding its heading, its words and its button.
  const lines = children(root)
    .filter((c) => c.role?.value !== 'button')
    .map((c) => {
      const line: NoticeLine = { text: '', buttons: {} };
      read(c, line);
      return line;
    });
  return { ...whole, lines };
}

export const readNotice = (page: Page): Promise<NoticeSeen | null> => readLandmark(page, NOTICE);

/** Waits until `landmark` is on the page and reads it. */
export async function landmarkShown(page: Page, landmark: Landmark): Promise<LandmarkSeen> {
  let seen: LandmarkSeen | null = null;
  // Exactly one: readLandmark throws when it finds two.
  await expect.poll(async () => ((seen = await readLandmark(page, landmark)) ? 1 : 0), { message: `"${landmark.name}" is on the page once` }).toBe(1);
  return seen!;
}

/** Presses the button `backendNodeId` as a person does: `click` with the mouse, `keyboard` by Enter on the focused button. */
async function pressButton(page: Page, backendNodeId: number, how: 'click' | 'keyboard') {
  if (how === 'keyboard') {
    await withProtocol(page, (cdp) => cdp.send('DOM.focus', { backendNodeId }));
    await page.keyboard.press('Enter');
    return;
  }
  const { x, y } = await noticeButtonCentre(page, backendNodeId);
  await page.mouse.click(x, y);
}

/** Presses the button `name` of `landmark`, once the landmark is on the page, with real input. */
export async function pressLandmarkButton(page: Page, landmark: Landmark, name: string, how: 'click' | 'keyboard' = 'click') {
  const { buttons } = await landmarkShown(page, landmark);
  if (!buttons[name]) throw new Error(`"${landmark.name}" has no button "${name}": ${Object.keys(buttons).join(', ')}`);
  await pressButton(page, buttons[name], how);
}

/** The notice's text ('' while there is none), for `expect.poll`. */
const noticeText = async (page: Page) => (await readNotice(page))?.text ?? '';

/** Waits until the notice shows every one of `words`. */
export async function expectNotice(page: Page, ...words: string[]) {
  for (const w of words) await expect.poll(() => noticeText(page), { message: `the notice says "${w}"` }).toContain(w);
}

/** The line of the notice about the order `code`, once it is there. */
export async function noticeLine(page: Page, code: string): Promise<NoticeLine> {
  let found: NoticeLine[] = [];
  // One line per order: a second line for the same order would be the same order shown twice.
  await expect
    .poll(async () => (found = (await readNotice(page))?.lines.filter((l) => l.text.includes(code)) ?? []).length, { message: `the notice has one line for ${code}` })
    .toBe(1);
  return found[0];
}

/** Presses a button of the order `code`'s line in the notice as a person does (see pressButton). */
export async function pressNoticeButton(page: Page, code: string, name: string, how: 'click' | 'keyboard' = 'click') {
  const line = await noticeLine(page, code);
  const button = line.buttons[name];
  if (!button) throw new Error(`The notice's line for ${code} has no button "${name}": ${Object.keys(line.buttons).join(', ')}`);
  await pressButton(page, button, how);
}

/** Where a button of the in-page UI is on the screen (CSS pixels of the viewport). */
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
