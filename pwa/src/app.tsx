import { useEffect, useState } from 'preact/hooks';
import { UpdatePrompt } from './update-prompt';
import { HouseholdQuickForm } from './kiosk/household-quick-form';

/** The PWA shell: kiosk for commune officers; dashboards join it later. */
export function App() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return (
    <>
      <header class="topbar">
        <h1>Nông sản số Lạng Sơn</h1>
        <span class={online ? 'net net--on' : 'net net--off'} role="status">
          {online ? 'Đang có mạng' : 'Mất mạng — dữ liệu vẫn được lưu trên máy'}
        </span>
      </header>
      <UpdatePrompt />
      <main>
        <HouseholdQuickForm />
      </main>
    </>
  );
}
