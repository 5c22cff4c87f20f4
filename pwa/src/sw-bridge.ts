import { Workbox } from 'workbox-window';

/**
 * The one place the page talks to the service worker (after Squoosh's sw-bridge): register, tell the UI
 * when a new version waits, and on the officer's "Cập nhật" skip waiting and reload once it takes control.
 */
export function registerServiceWorker(onUpdateReady: (applyUpdate: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
