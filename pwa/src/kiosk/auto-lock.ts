import { useEffect } from 'preact/hooks';

/** Locks the kiosk after this long without a touch or key press; everything typed is already saved. */
export const autoLockMs = 5 * 60 * 1000;

/**
 * What counts as the officer's touch. Not `scroll`: the app scrolls the page itself when a screen opens (its summary
 * after queuing a household), and that is nobody's touch; a finger's scroll begins with a pointerdown, a mouse's with
 * a wheel.
 */
const touches = ['pointerdown', 'keydown', 'input', 'wheel'];

/**
 * The idle time is read from the clock when the timer fires, not counted by restarting a timer at each touch: a tablet
 * that slept (its timers held back, then fired in any order when it wakes) still locks once 5 minutes have passed
 * since the last touch, and a touch costs nothing but noting the time.
 */
export function useAutoLock(onLock: () => void) {
  useEffect(() => {
    let lastTouch = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - lastTouch;
      if (idle >= autoLockMs) onLock();
      else timer = setTimeout(check, autoLockMs - idle);
    };
    const touched = () => {
      lastTouch = Date.now();
    };
    // Back on screen after the tablet slept: its timer may not have fired yet.
    const shown = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      check();
    };
    timer = setTimeout(check, autoLockMs);
    touches.forEach((e) => window.addEventListener(e, touched, { passive: true, capture: true }));
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearTimeout(timer);
      touches.forEach((e) => window.removeEventListener(e, touched, { capture: true }));
      document.removeEventListener('visibilitychange', shown);
    };
  }, [onLock]);
}
