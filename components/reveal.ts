import { useEffect, useRef } from 'preact/hooks';

/**
 * Brings what an action just showed into sight: scrolls it into view when it is off-screen and, when focus went with
 * the control that caused it (a closed confirmation, a button that became disabled) or `focus` asks, gives it focus
 * so a keyboard or screen reader carries on from there. The element needs `tabIndex={-1}` to take focus.
 */
export function reveal(el: HTMLElement, { focus = false, block = 'nearest' }: { focus?: boolean; block?: ScrollLogicalPosition } = {}) {
  el.scrollIntoView?.({ block });
  const active = el.ownerDocument.activeElement;
  if (focus || !active || active === el.ownerDocument.body) el.focus({ preventScroll: true });
}

/** A ref revealed (see `reveal`) each time `trigger` changes to something; nothing happens while it is empty. */
export function useReveal<T extends HTMLElement>(trigger: unknown, options?: Parameters<typeof reveal>[1]) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (trigger && ref.current) reveal(ref.current, options);
  }, [trigger]);
  return ref;
}
