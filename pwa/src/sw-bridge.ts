/**
 * The one place the page talks to the service worker (after Squoosh's sw-bridge): register, tell the UI
 * when a new version waits, and on the officer's "Cập nhật" skip waiting and reload once it takes control.
 * Plain navigator.serviceWorker (the few lines of workbox-window this needs, without its 2 KB on every load);
 * the generated worker skips waiting on Workbox's own { type: 'SKIP_WAITING' } message.
 */
export function registerServiceWorker(onUpdateReady: (applyUpdate: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const sw = navigator.serviceWorker;
  const offer = (waiting: ServiceWorker) =>
    onUpdateReady(() => {
      sw.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
  const register = () =>
    void sw.register('/sw.js').then((reg) => {
      // Only an update waits: the first install takes control at once. A version may wait since an earlier visit.
      if (reg.waiting && sw.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => next.state === 'installed' && sw.controller && offer(next));
      });
    });
  // After the page has loaded, so precaching does not compete with the first screen (as workbox-window does).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
