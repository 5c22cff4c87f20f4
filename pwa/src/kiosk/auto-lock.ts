import { useEffect } from 'preact/hooks';

/** Locks the kiosk after this long without a touch or key press; everything typed is already saved. */
export const autoLockMs = 5 * 60 * 1000;

export function useAutoLock(onLock: () => void) {
  useEffect(() => {
    let timer = setTimeout(onLock, autoLockMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onLock, autoLockMs);
    };
    const events = ['pointerdown', 'keydown', 'input', 'scroll'];
    events.forEach((e) => window.addEventListener(e, reset, { passive: true, capture: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset, { capture: true }));
    };
  }, [onLock]);
}
