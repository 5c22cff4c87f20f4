// The pre-check of every marketplace page no site rule knows, before anything on it is read: whether its address,
// title, <head> or first heading speaks of orders, checkout or cart (or of a product, in structured data). Made for
// the pages that are no order, which are most pages: string tests on text the browser already holds (a regular
// expression costs a compilation on its first use on a page, and a handful of them was much of what such a page
// cost; diacritics are folded only for text that has some), and two selector queries. The reader's scans of labels,
// rows and tables run only when this or a site rule says the page may be an order.
import { foldVietnamese } from '../text';
import { query } from './dom';

/** In an address, lowercased: "/tai-khoan/don-hang/…", "/checkout". */
const ADDRESS_WORDS = ['donhang', 'don-hang', 'hoadon', 'hoa-don', 'dathang', 'dat-hang', 'giohang', 'gio-hang', 'thanhtoan', 'thanh-toan', 'order', 'checkout', 'cart', 'invoice'];
/** In a title or heading, diacritics folded: "Đơn hàng của tôi", "Thanh toán", "Giỏ hàng", "Lịch sử mua hàng". */
const WORDS = ['don hang', 'dat hang', 'mua hang', 'don mua', 'thanh toan', 'gio hang', 'hoa don'];
/** In <head>: structured data, or a product's Open Graph tags. */
const HEAD_SIGNS = 'script[type="application/ld+json"], meta[property="og:type"][content="product"], meta[property="product:price:amount"]';

export function addressSaysCommerce(pathname: string): boolean {
  const path = pathname.toLowerCase();
  for (const w of ADDRESS_WORDS) if (path.includes(w)) return true;
  return false;
}

/** A title or heading that speaks of orders, checkout or cart, in any case, with or without its diacritics. */
export function textSaysCommerce(text: string): boolean {
  // Plain ASCII ("Voso 12", a ticker's count) folds to its lowercase: no Unicode decomposition and no regular
  // expression (folding's), whose first use costs the page more than the rest of this check.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  const folded = ascii ? text.toLowerCase() : foldVietnamese(text);
  for (const w of WORDS) if (folded.includes(w)) return true;
  return false;
}

// Finding the first heading walks the whole document when there is none, or when it comes late (voso's home page:
// its first h2 is its 1.916th element), so it is done once per document and address; the title is read every time.
const headingSaid = new WeakMap<Document, { href: string; says: boolean }>();

/** The address, the title, the head's signs or the first h1/h2 say the page may hold an order (or a product). */
export function pageSaysCommerce(doc: Document, address: { href: string; pathname: string }): boolean {
  if (addressSaysCommerce(address.pathname) || textSaysCommerce(doc.title ?? '')) return true;
  // The head first, apart: a few dozen elements. (One query for the head's signs and the first heading together cost
  // more in Chromium: an h2 deep in the page as the first element the script touches made that 1–2 ms.)
  if (doc.head && query(doc.head, HEAD_SIGNS)) return true;
  const known = headingSaid.get(doc);
  if (known?.href === address.href) return known.says;
  const says = textSaysCommerce(query(doc, 'h1, h2')?.textContent?.slice(0, 200) ?? '');
  headingSaid.set(doc, { href: address.href, says });
  return says;
}
