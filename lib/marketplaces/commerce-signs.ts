// The pre-check of every marketplace page no site rule knows, before anything on it is read: whether its address,
// title, <head> or first heading speaks of orders, checkout or cart (or of a product, in structured data). Made for
// the pages that are no order, which are most pages: plain string tests on text the browser already holds (no
// regular expression: each costs a compilation on its first use on a page, and a handful of them was most of what
// such a page cost), and at most one selector query. The reader's scans of labels, rows and tables run only when
// this or a site rule says the page may be an order.
import { foldVietnamese } from '../text';
import { query } from './dom';

/** In an address, lowercased: "/tai-khoan/don-hang/…", "/checkout". */
const ADDRESS_WORDS = ['donhang', 'don-hang', 'hoadon', 'hoa-don', 'dathang', 'dat-hang', 'giohang', 'gio-hang', 'thanhtoan', 'thanh-toan', 'order', 'checkout', 'cart', 'invoice'];
/** In a title or heading, diacritics folded: "Đơn hàng của tôi", "Thanh toán", "Giỏ hàng", "Lịch sử mua hàng". */
const WORDS = ['don hang', 'dat hang', 'mua hang', 'don mua', 'thanh toan', 'gio hang', 'hoa don'];
/** In <head>: structured data, or a product's Open Graph tags. */
const IN_HEAD = ['script[type="application/ld+json"]', 'meta[property="og:type"][content="product"]', 'meta[property="product:price:amount"]'];
const HEAD_SIGNS = IN_HEAD.join(', ');
/** The head's signs and the first heading in one walk: in document order the head comes first. */
const FIRST_SIGN = [...IN_HEAD.map((s) => `head ${s}`), 'h1', 'h2'].join(', ');

export const addressSaysCommerce = (pathname: string): boolean => {
  const path = pathname.toLowerCase();
  return ADDRESS_WORDS.some((w) => path.includes(w));
};

/** A title or heading that speaks of orders, checkout or cart, in any case, with or without its diacritics. */
export const textSaysCommerce = (text: string): boolean => {
  const folded = foldVietnamese(text);
  return WORDS.some((w) => folded.includes(w));
};

// Finding the first heading walks the whole document when there is none, or when it comes late (voso's home page:
// its first h2 is its 1.916th element), so it is done once per document and address; the title is read every time.
const headingSaid = new WeakMap<Document, { href: string; says: boolean }>();

/** The address, the title, the head's signs or the first h1/h2 say the page may hold an order (or a product). */
export function pageSaysCommerce(doc: Document, address: { href: string; pathname: string }): boolean {
  if (addressSaysCommerce(address.pathname) || textSaysCommerce(doc.title ?? '')) return true;
  const known = headingSaid.get(doc);
  if (known?.href === address.href) return known.says || !!(doc.head && query(doc.head, HEAD_SIGNS));
  const first = query(doc, FIRST_SIGN);
  const tag = first?.tagName.toUpperCase();
  if (first && tag !== 'H1' && tag !== 'H2') return true; // one of the head's signs
  const says = textSaysCommerce(first?.textContent?.slice(0, 200) ?? '');
  headingSaid.set(doc, { href: address.href, says });
  return says;
}
