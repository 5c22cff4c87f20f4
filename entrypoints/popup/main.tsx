import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SeenPage } from '../background';

function Popup() {
  const [pages, setPages] = useState<SeenPage[] | null>(null);
  useEffect(() => {
    void browser.storage.local.get('seenPages').then((s) => setPages((s.seenPages as SeenPage[] | undefined) ?? []));
  }, []);
  return (
    <main style={{ font: '14px system-ui, sans-serif', width: '22rem', padding: '0.5rem' }}>
      <h1 style={{ fontSize: '1.1rem' }}>Nông sản số Lạng Sơn</h1>
      {pages === null ? null : pages.length === 0 ? (
        <p>Chưa ghi nhận trang nào.</p>
      ) : (
        <ul class="seen-pages">
          {pages.map((p) => (
            <li key={p.at}>
              {p.result.product?.name ?? p.result.pageType} ({p.result.marketplace})
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
