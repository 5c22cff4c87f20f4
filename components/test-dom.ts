import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/**
 * For the components' story-like tests: renders into a linkedom document (no browser), so a test reads what a
 * person would see — text, roles, aria — and clicks buttons. linkedom has no layout and no focus of its own, so
 * `document.activeElement` is tracked here from `focus()` calls, and `scrolled` lists what `scrollIntoView` was asked
 * to show, in order.
 */
export function mount(vnode: ComponentChild) {
  const { document, window } = parseHTML('<!doctype html><html lang="vi"><body><main id="root"></main></body></html>');
  let active: Element | null = null;
  const scrolled: Element[] = [];
  const proto = window.HTMLElement.prototype as unknown as { focus: () => void; scrollIntoView: () => void };
  proto.focus = function (this: Element) {
    active = this;
  };
  proto.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  Object.defineProperty(document, 'activeElement', { get: () => active, configurable: true });
  const g = globalThis as { document?: unknown; requestAnimationFrame?: unknown };
  g.document = document;
  const root = document.getElementById('root')! as unknown as HTMLElement;
  act(() => render(vnode, root));
  return {
    root,
    document: document as unknown as Document,
    scrolled,
    /** Clicks the button whose visible text (or aria-label) is exactly `name`. */
    click(name: string) {
      const button = buttons(root).find((b) => accessibleName(b) === name);
      if (!button) throw new Error(`no button "${name}" among: ${buttons(root).map(accessibleName).join(' | ')}`);
      act(() => {
        button.dispatchEvent(new window.Event('click', { bubbles: true }));
      });
    },
    /** Types into the input labelled `label` (a <label> around it or aria-label). */
    type(label: string, value: string) {
      const input = [...root.querySelectorAll('input, textarea')].find((i) => i.getAttribute('aria-label') === label || i.closest('label')?.textContent?.trim().startsWith(label)) as HTMLInputElement | undefined;
      if (!input) throw new Error(`no field "${label}"`);
      act(() => {
        input.value = value;
        input.dispatchEvent(new window.Event('input', { bubbles: true }));
      });
    },
    rerender(next: ComponentChild) {
      act(() => render(next, root));
    },
  };
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')] as HTMLElement[];

/** aria-label, else aria-labelledby's text, else a fieldset's legend, else the text content, whitespace collapsed. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const legend = el.tagName === 'FIELDSET' ? el.querySelector(':scope > legend') : null;
  if (legend) return (legend.textContent ?? '').replace(/\s+/g, ' ').trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(' ').map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}
