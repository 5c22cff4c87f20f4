// "Báo trang lỗi": the shape of a marketplace page the extension could not read, for the province to fix
// the rules — with personal data stripped. Names, phones, addresses and emails can sit anywhere (a
// delivery address, a greeting in the header, an inline `var customer`), so text is dropped by default and
// kept only where it is a label the rules need ("Mã đơn hàng", "Số lượng"…) or a money/quantity shape.
import { foldVietnamese } from './text';

export interface StructureNode {
  tag: string;
  /** Attributes rules select on (class, id, itemprop…), values with digits and personal data masked. */
  attrs?: Record<string, string>;
  /** A label word or a number shape ("999.999đ"); other text becomes its length: "[chữ:12]". */
  text?: string;
  children?: StructureNode[];
}

export interface PageStructure {
  /** Path with digits masked; no query string (it can carry search words or ids). */
  path: string;
  nodes: number;
  truncated: boolean;
  root: StructureNode;
}

// Words the adapters and the generic fallback read by: safe to keep, useful to see.
const LABELS = [
  'ma don hang', 'ma don', 'tong tien hang', 'phuong thuc thanh toan', 'ma giam gia', 'van chuyen', 'don hang', 'so luong', 'sl', 'tong tien', 'tong thanh toan', 'thanh tien', 'tam tinh',
  'phi van chuyen', 'phi giao hang', 'giam gia', 'khuyen mai', 'don gia', 'gia', 'ngay dat', 'thoi gian dat hang',
  'trang thai', 'da huy', 'da giao', 'cho duyet', 'cho xac nhan', 'dang giao', 'dang giao hang', 'dang lay hang',
  'dat hang thanh cong', 'dat hang', 'mua ngay', 'them vao gio hang', 'gio hang', 'thanh toan', 'tien hanh dat hang',
  'lich su don hang', 'lich su mua hang', 'chi tiet don hang', 'xem chi tiet', 'shop', 'cua hang', 'nha ban',
  'trong luong', 'khoi luong', 'danh muc', 'xuat xu', 'thuong hieu', 'don vi tinh', 'tat ca', 'd', '₫', 'vnd', 'mua lai', 'huy don',
];
const labelSet = new Set(LABELS);

// Attributes that say where things are, never who the person is. Values are masked below anyway.
const KEEP_ATTRS = ['id', 'class', 'itemprop', 'itemtype', 'itemscope', 'property', 'typeof', 'role', 'type', 'rel', 'href', 'ng-controller', 'ng-repeat', 'ng-click', 'ng-model', 'ng-bind', 'data-testid', 'aria-label'];
const DROP_TAGS = new Set(['script', 'style', 'noscript', 'svg', 'iframe', 'template', 'link', 'meta', 'img', 'picture', 'source', 'video', 'audio', 'canvas', 'br', 'hr', 'head']);
const MAX_NODES = 4000;
const MAX_DEPTH = 40;

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /(\+?84|0)[\s.-]?\d{2,3}[\s.-]?\d{3}[\s.-]?\d{3,4}/g;

/** Text with emails, phone numbers and every digit run masked (codes and ids are not needed to fix rules). */
export function maskPersonal(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[sđt]').replace(/\d/g, '9');
}

const MONEY_OR_COUNT = /^[-+]?\s*\d[\d.,\s]*\s*(đ|₫|vnd|vnđ|d|k|kg|g|x)?$/i;
const LABELLED_VALUE = /^([^\d:]{2,40}):\s*(.*)$/;

/** What of a text node may leave the person's computer. */
export function safeText(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const folded = foldVietnamese(text).replace(/[:()\s]+$/g, '').trim();
  if (labelSet.has(folded)) return text;
  if (MONEY_OR_COUNT.test(text)) return maskPersonal(text);
  const m = LABELLED_VALUE.exec(text);
  if (m && labelSet.has(foldVietnamese(m[1]).trim())) {
    const value = safeText(m[2]);
    return `${m[1]}: ${value ?? ''}`.trim();
  }
  return `[chữ:${text.length}]`;
}

function maskUrl(href: string, base: string): string {
  try {
    const u = new URL(href, base);
    const same = u.origin === new URL(base).origin;
    return (same ? '' : u.origin) + maskPersonal(decodeURIComponent(u.pathname)).replace(/[^/]{41,}/g, '[dài]');
  } catch {
    return '[url]';
  }
}

/** The page's element tree without personal data: tags, rule-relevant attributes, label words, number shapes. */
export function pageStructure(doc: Document, url: string): PageStructure {
  let nodes = 0;
  let truncated = false;
  const walk = (el: Element, depth: number): StructureNode => {
    nodes++;
    const node: StructureNode = { tag: el.tagName.toLowerCase() };
    const attrs: Record<string, string> = {};
    for (const name of KEEP_ATTRS) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      attrs[name] = name === 'href' ? maskUrl(v, url) : name === 'aria-label' ? safeText(v) ?? '' : maskPersonal(v).slice(0, 200);
    }
    if (Object.keys(attrs).length) node.attrs = attrs;
    const children: StructureNode[] = [];
    const texts: string[] = [];
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) {
        const t = safeText(child.textContent ?? '');
        if (t) texts.push(t);
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (DROP_TAGS.has(c.tagName.toLowerCase())) continue;
        // Form values are the person's own entries: never read them (value attributes are not kept).
        if (nodes >= MAX_NODES || depth >= MAX_DEPTH) {
          truncated = true;
          continue;
        }
        children.push(walk(c, depth + 1));
      }
    }
    if (texts.length) node.text = texts.join(' ');
    if (children.length) node.children = children;
    return node;
  };
  // From <html>, not <body>: saved pages and odd markup sometimes put content outside the body.
  const root = walk(doc.documentElement, 0);
  return { path: maskUrl(url, url), nodes, truncated, root };
}
