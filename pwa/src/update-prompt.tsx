import { useEffect, useState } from 'preact/hooks';

/** "Có phiên bản mới": shown when a new service worker waits; updating reloads once it takes over. */
export function UpdatePrompt() {
  const [apply, setApply] = useState<(() => void) | null>(null);
  useEffect(() => {
    const onReady = (e: Event) => setApply(() => (e as CustomEvent<() => void>).detail);
    window.addEventListener('pwa-update-ready', onReady);
    return () => window.removeEventListener('pwa-update-ready', onReady);
  }, []);
  if (!apply) return null;
  return (
    <div class="update-prompt" role="alert">
      <span>Có phiên bản mới của ứng dụng.</span>
      <button type="button" onClick={apply}>Cập nhật</button>
    </div>
  );
}
