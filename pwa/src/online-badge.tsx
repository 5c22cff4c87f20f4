import { useEffect, useState } from 'preact/hooks';

/** Tells the officer at a glance whether the tablet has a connection; work is saved either way. */
export function OnlineBadge() {
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
    <span class={online ? 'net net--on' : 'net net--off'} role="status">
      {online ? 'Đang có mạng' : 'Mất mạng — dữ liệu vẫn được lưu trên máy'}
    </span>
  );
}
