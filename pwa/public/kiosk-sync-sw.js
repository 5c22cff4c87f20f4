// Imported by the generated service worker. Background Sync fires when the connection returns; the households'
// personal data is sealed with the officer's PIN, so the worker cannot send it itself: it wakes the open kiosk.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'kiosk-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => clients.forEach((c) => c.postMessage({ type: 'kiosk-sync' }))),
  );
});
