// Small DOM reading helpers that work on the real DOM and on linkedom alike. A bad selector
// (rules come over the network) reads as "nothing there", never as an exception.
import { cleanText, foldVietnamese } from '../text';
import type { Field } from './rules';

export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export const textOf = (el: Element | null | undefined): string => (el ? cleanText(el.textContent ?? '') : '');

/** The text after a label ("Số lượng: 1" after "Số lượng"), diacritics and case ignored; null if absent. */
export function afterLabel(text: string, label: string): string | null {
  const folded = foldVietnamese(text);
  const at = folded.indexOf(foldVietnamese(label));
  if (at < 0) return null;
  const end = at + foldVietnamese(label).length;
  // Folding keeps one character per precomposed letter, so offsets line up on NFC text.
  const rest = folded.length === text.length ? text.slice(end) : folded.slice(end);
  return rest.replace(/^[\s:：.#-]+/, '').trim();
}

/** The first alternative that yields a non-empty value. */
export function readField(root: ParentNode, alternatives: Field[] | undefined): string | null {
  for (const f of alternatives ?? []) {
    const spec = typeof f === 'string' ? { sel: f } : f;
    const from = spec.page ? ((root as Node).ownerDocument ?? root) : root;
    const el = spec.sel === ':scope' && 'getAttribute' in from ? (from as Element) : query(from, spec.sel);
    if (!el) continue;
    let value = spec.attr ? cleanText(el.getAttribute(spec.attr) ?? '') : textOf(el);
    if (spec.label) value = afterLabel(value, spec.label) ?? '';
    if (value) return value;
  }
  return null;
}

/** An absolute URL for a link found on the page, or null. */
export function absoluteUrl(href: string | null, base: string): string | null {
  if (!href || /^(javascript|mailto|tel|data):/i.test(href.trim())) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
