// The floor under extension.main-thread-order-page: an extension whose content script, on the same order pages, makes
// only the browser calls any capture of this design needs (take `runtime`, `import()` a module from the extension,
// send a reading to the background and have its answer) and nothing of its own: no detection, no reading, no notice.
// Measured as the real build is (bench/extension.ts): the same named measures, each counting only main-thread
// segments and not the waits, plus the module's compile and evaluation from a trace (reader-load.ts). Two modules:
// `platform`, an empty one (what the browser alone costs), and `with-reader`, the real build's reader.js, evaluated
// but never called (what this design costs before it reads anything). Written to a temp dir at bench time so that its
// manifest takes the real build's content-script entry and its module the real build's reader.
// A third variant, `idle`, is the floor under extension.main-thread-non-order-page: at idle time the content script
// looks at the page's address and title (what any decision that a page is no order looks at first) and records the
// same two measures, as the real script records them; it takes no extension API and imports nothing.
// A fourth, `glance`, adds what a script must do on such a page to decide it by what it says and to notice an order
// reached without a reload, and nothing of ours around it: the first glance's one XPath query of the head's signs and
// the first heading (lib/marketplaces/first-glance.ts), and the five listeners the watch registers (watch.ts).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { extractPage } from '../lib/marketplaces/extract';
import { HEAD_AND_HEADING } from '../lib/marketplaces/first-glance';
import { extensionDir, launchWithExtension } from '../tests/e2e/fixtures';

export type FloorVariant = 'platform' | 'with-reader' | 'idle' | 'glance';
/** The module the floor's content script imports: the same address in both variants, only its content differs. */
export const FLOOR_MODULE = 'module.js';

/** The floor's content script, `messages` (the real reading of each page, by origin and path) built in. */
const contentScript = (messages: Record<string, unknown>) => `// Looked up before the clock starts: making the reading is the real script's work, sending it is the floor's.
const message = ${JSON.stringify(messages)}[location.origin + location.pathname];
(async () => {
  // As the real script starts its first reading (entrypoints/marketplace/index.ts): at idle time, 500 ms at most.
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  let start = performance.now();
  // Taking runtime builds Chromium's bindings; the import's request is main-thread work, the wait for it is not.
  const runtime = chrome.runtime;
  const loading = import(runtime.getURL('/${FLOOR_MODULE}'));
  const read = performance.now() - start;
  await loading;
  start = performance.now();
  const answered = runtime.sendMessage(message);
  performance.measure('nongsan-so:read', { start: 0, duration: read });
  performance.measure('nongsan-so:features', { start, end: performance.now() });
  // Outside the measures, as the real script handles the answer; the mark tells the bench the round trip was made.
  performance.mark('nongsan-so:recorded', { detail: await answered });
})();
`;

/**
 * A non-order floor's content script: the real script's idle wait and its two measures, recorded as it records them.
 * `look` sets `looked` from the page and is counted in "read"; `watch` is counted in "features".
 */
const atIdle = (look: string, watch = '') => `(async () => {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  let start = performance.now();
  ${look}
  const read = performance.now() - start;
  start = performance.now();${watch}
  performance.measure('nongsan-so:read', { start: 0, duration: read, detail: { looked } });
  performance.measure('nongsan-so:features', { start, end: performance.now() });
})();
`;

/** `idle`: the address and the title looked at. */
const idleContentScript = atIdle('const looked = document.URL.length + document.title.length;');

/** `glance`: the page's signs looked at too (one XPath string query), and the watch's listeners registered. */
const glanceContentScript = atIdle(
  `const signs = document.evaluate(${JSON.stringify(HEAD_AND_HEADING)}, document, null, 2, null).stringValue;
  const looked = document.URL.length + document.title.length + signs.length;`,
  `
  const changed = () => {};
  addEventListener('click', changed, { capture: true, passive: true });
  addEventListener('submit', changed, { capture: true, passive: true });
  addEventListener('popstate', changed);
  addEventListener('hashchange', changed);
  globalThis.navigation?.addEventListener?.('currententrychange', changed);`,
);

/** Answers as the real background does: through sendResponse, the channel kept open by \`return true\`. */
const background = `chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message?.type) return;
  Promise.resolve({ recorded: [] }).then(sendResponse);
  return true;
});
`;

/**
 * The message the real content script sends on each of `pages` (address → the page's HTML): the real reading, made by
 * the same reader on linkedom's DOM, so that the floor's message has its shape and size (0,9–2,4 KB).
 */
export function realMessages(pages: [string, string][]): Record<string, unknown> {
  return Object.fromEntries(
    pages.map(([address, html]) => {
      const { document } = parseHTML(html);
      return [address, { type: 'page-read', url: address, result: extractPage(document as unknown as Document, address) }];
    }),
  );
}

/** Writes the floor extension to a temp dir and returns it. */
function writeFloorExtension(variant: FloorVariant, messages: Record<string, unknown>): string {
  const real = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[]; matches: string[] }[] };
  // The real script's entry (matches, run_at), its script replaced.
  const entry = real.content_scripts.find((c) => c.js.includes('marketplace.js'));
  if (!entry) throw new Error('no marketplace.js content script in the real manifest');
  const dir = mkdtempSync(join(tmpdir(), `nongsan-so-floor-${variant}-`));
  const manifest = {
    manifest_version: 3,
    name: `nongsan-so floor (${variant})`,
    version: '0.0.0',
    background: { service_worker: 'background.js', type: 'module' },
    web_accessible_resources: [{ resources: [FLOOR_MODULE], matches: entry.matches }],
    content_scripts: [{ ...entry, js: ['content.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), background);
  const script = { idle: idleContentScript, glance: glanceContentScript }[variant as 'idle' | 'glance'] ?? contentScript(messages);
  writeFileSync(join(dir, 'content.js'), script);
  if (variant === 'with-reader') copyFileSync(join(extensionDir, 'reader.js'), join(dir, FLOOR_MODULE));
  else writeFileSync(join(dir, FLOOR_MODULE), '');
  return dir;
}

export interface Floor {
  variant: FloorVariant;
  context: BrowserContext;
  page: Page;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the floor extension, launched as the real one is (tests/e2e/fixtures.ts). */
export async function launchFloor(marketplacePort: number, variant: FloorVariant, messages: Record<string, unknown>): Promise<Floor> {
  const dir = writeFloorExtension(variant, messages);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const { context, extensionId } = await launchWithExtension(marketplacePort, '', [], dir);
    return {
      variant,
      context,
      page: await context.newPage(),
      extensionId,
      close: async () => {
        await context.close();
        remove();
      },
    };
  } catch (e) {
    remove();
    throw e;
  }
}
