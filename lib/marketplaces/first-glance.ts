// The first glance at a marketplace page, before any detection: whether it certainly shows no sign at all (no page
// rule for its address, no commerce word in its path, title or first heading, no product data in its head). Most
// pages are that (the home page, categories, searches), and the content script runs this on every page: so it is one
// short function, one XPath query and no regular expression per rule. Where it is not certain, it says so, and
// detectPage decides (it decides the same on every page this says nothing to: tests/e2e/marketplace-first-glance.spec.ts).
// What it needs of the rules is worked out when the extension is built (`glanceOf`, wxt.config.ts): the bundled
// rules' addresses as plain prefixes and endings of the path.
import { anyOf, pathSaysCommerce, saysCommerce } from './detect';
import { marketplaceHosts, type Marketplace } from './hosts';
import type { Rules } from './rules';

export interface GlanceSite {
  marketplace: Marketplace;
  /** The version of the site's rules (a detection's `site.version`); null where the rules have none for the host. */
  version: string | null;
  /** Each page rule's address pattern matches only a path (with its query) that starts with one of these… */
  starts: string[];
  /** …or ends with one of these. */
  ends: string[];
}

/** Per marketplace host. A host whose page rules cannot all be put as a prefix or an ending is missing: no glance there. */
export type Glance = Record<string, GlanceSite>;

/** The site a page at `host` is a page of, under the rules: as `detectPage` finds it. */
const siteFor = (rules: Rules, host: string, marketplace: Marketplace) => rules.sites.find((s) => s.marketplace === marketplace && s.hosts.includes(host)) ?? null;

/** The glance of some rules: made at build time from the bundled detection rules, which the first reading uses. */
export function glanceOf(rules: Rules): Glance {
  const glance: Glance = {};
  for (const [host, marketplace] of Object.entries(marketplaceHosts)) {
    const site = siteFor(rules, host, marketplace);
    const starts: string[] = [];
    const ends: string[] = [];
    let plain = true;
    for (const { url } of site?.pages ?? []) {
      const start = literalStart(url);
      const end = start === null ? literalEnd(url) : null;
      if (start !== null) starts.push(start);
      else if (end !== null) ends.push(end);
      // An invalid pattern never matches (site-rules.ts): nothing to look for.
      else if (compiles(url)) plain = false;
    }
    if (plain) glance[host] = { marketplace, version: site?.version ?? null, starts: shortest(starts), ends: shortest(ends, true) };
  }
  return glance;
}

/** The texts without those another one covers ("/checkout" covers "/checkout/complete"), each once. */
function shortest(texts: string[], atEnd = false): string[] {
  const covers = (a: string, b: string) => (atEnd ? b.endsWith(a) : b.startsWith(a));
  return texts.filter((t, i) => !texts.some((o, j) => (o !== t || j < i) && covers(o, t)));
}

export interface NoSign {
  marketplace: Marketplace;
  /** The rules' version for the site, as a detection gives it (`site.version`). */
  version: string | null;
}

/** The parts of an absolute http(s) address (as `document.URL` gives it) that the glance looks at, as `URL` reads them. */
export function addressOf(url: string): { hostname: string; pathname: string; search: string } {
  const hostAt = url.indexOf('//') + 2;
  // A serialized http(s) address always has a path, which starts at the first "/" after the host.
  let pathAt = url.indexOf('/', hostAt);
  if (pathAt < 0) pathAt = url.length;
  const authority = url.slice(url.lastIndexOf('@', pathAt) + 1 || hostAt, pathAt);
  const colon = authority.lastIndexOf(':');
  const hostname = colon > authority.lastIndexOf(']') ? authority.slice(0, colon) : authority;
  let end = url.indexOf('#', pathAt);
  if (end < 0) end = url.length;
  const queryAt = url.indexOf('?', pathAt);
  if (queryAt < 0 || queryAt > end) return { hostname, pathname: url.slice(pathAt, end) || '/', search: '' };
  // An empty query reads as no query at all.
  return { hostname, pathname: url.slice(pathAt, queryAt), search: end - queryAt > 1 ? url.slice(queryAt, end) : '' };
}

// The head's product data (detect.ts's COMMERCE_HEAD) and the first h1/h2's text, as one XPath string: "true" or
// "false", then the heading's text. The first element wrapper a script makes in its isolated world costs a new renderer
// process about 0,4–0,85 ms (Chromium sets up the element interfaces then); a string result makes none. `type` compares
// without case, as Chromium's selectors do for that attribute in an HTML document (`property` and `content` do not).
// The same as `document.head.querySelector(COMMERCE_HEAD)` and `document.querySelector('h1, h2').textContent` in an
// HTML document: the agreement with the detection is checked in Chromium (tests/e2e/marketplace-first-glance.spec.ts).
export const HEAD_AND_HEADING =
  'concat(boolean(/html/head[1]//script[translate(@type,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")="application/ld+json"]' +
  ' | /html/head[1]//meta[@property="og:type"][@content="product"] | /html/head[1]//meta[@property="product:price:amount"]),' +
  ' (//h1 | //h2)[1])';

/**
 * The page shows no sign of an order, a cart, a checkout or a product: `detectPage` would find no page rule, no
 * commerce path, no product data in the head, no commerce word in the title or first heading (so no page type, not
 * worth reading, not worth watching, no shop link). Null when that is not certain: then detectPage decides.
 * `url`: the page's address. The content script passes `document.URL`, a string: `location` is an object Chromium
 * makes for the script's isolated world on first use, about 0,1 ms in a new renderer process. No regular expression,
 * no callback, no element either: each costs a fresh process its set-up or its compile. Needs a browser's DOM
 * (`document.evaluate`), which linkedom has not.
 */
export function showsNoSign(doc: Document, url: string, glance: Glance): NoSign | null {
  const { hostname, pathname, search } = addressOf(url);
  const site = glance[hostname];
  const where = pathname + search;
  if (!site || anyOf(where, 'startsWith', site.starts) || anyOf(where, 'endsWith', site.ends) || pathSaysCommerce(pathname)) return null;
  // An XML document's element names are matched otherwise by XPath than by selectors: the detection decides there.
  if (doc.contentType !== 'text/html' || saysCommerce(doc.title)) return null;
  // Last, the costliest: the first heading is looked for in the whole page.
  // 2: XPathResult.STRING_TYPE, without making the script's world look up the XPathResult interface.
  const signs = doc.evaluate(HEAD_AND_HEADING, doc, null, 2, null).stringValue;
  return signs[0] === 't' || saysCommerce(signs.slice(5, 205)) ? null : site;
}

// Where a page rule's address pattern (a regular expression, site-rules.ts) can match, as plain text: only patterns
// in one piece (no | outside a group), of the kind the rules are written in ("^/gio-hang/?(\?|$)", "-p\d+\.html$").

/** The text a path must start with for `source` to match it ("^/gio-hang/?…" → "/gio-hang"); null if not plain. */
export function literalStart(source: string): string | null {
  if (source[0] !== '^' || hasTopLevelChoice(source)) return null;
  let text = '';
  for (let i = 1; i < source.length; ) {
    const escaped = source[i] === '\\';
    const c = escaped ? source[i + 1] : source[i];
    if (c === undefined || (escaped ? /[A-Za-z0-9]/.test(c) : !/[A-Za-z0-9/_-]/.test(c))) break;
    i += escaped ? 2 : 1;
    // The character may be absent ("/?", "s*", "a{0,2}"): the plain part ends before it.
    if (source[i] === '?' || source[i] === '*' || source[i] === '{') break;
    text += c;
    if (source[i] === '+') break;
  }
  return text || null;
}

/** The text a path must end with for `source` to match it ("-p\d+\.html$" → ".html"); null if not plain. */
export function literalEnd(source: string): string | null {
  const escapes = (at: number) => {
    let n = 0;
    while (source[at - 1 - n] === '\\') n++;
    return n % 2 === 1;
  };
  const last = source.length - 1;
  if (source[last] !== '$' || escapes(last) || hasTopLevelChoice(source)) return null;
  let text = '';
  for (let i = last - 1; i >= 0; ) {
    const c = source[i];
    if (escapes(i)) {
      if (/[A-Za-z0-9]/.test(c)) break;
      text = c + text;
      i -= 2;
    } else if (/[A-Za-z0-9/_-]/.test(c)) {
      text = c + text;
      i--;
    } else break;
  }
  return text || null;
}

/** An alternative at the top of the pattern ("^/a|/b"): then no part of it is needed by every match. */
function hasTopLevelChoice(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
