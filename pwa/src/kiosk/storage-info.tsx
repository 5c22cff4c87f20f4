import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../../../lib/bytes';

/** How much of the tablet's space the kiosk uses; a warning well before the browser's quota. */
export function StorageInfo() {
  const [info, setInfo] = useState<{ usage: number; quota: number; persisted: boolean } | null>(null);
  useEffect(() => {
    const read = async () => {
      const est = await navigator.storage?.estimate?.();
      const persisted = (await navigator.storage?.persisted?.()) ?? false;
      if (est?.quota) setInfo({ usage: est.usage ?? 0, quota: est.quota, persisted });
    };
    void read();
    // Photos fill a tablet during the day: look again every minute, not only when the kiosk opens.
    const timer = setInterval(() => void read(), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!info) return null;
  const share = info.usage / info.quota;
  return (
    <footer class="storage">
      <span>
        Bộ nhớ máy: đã dùng {formatBytes(info.usage)} trên {formatBytes(info.quota)}.
        {info.persisted ? ' Trình duyệt sẽ không tự xoá dữ liệu này.' : ''}
      </span>
      {share > 0.7 && <p class="warning" role="alert">Bộ nhớ máy sắp đầy ({Math.round(share * 100)}%). Xin kết nối mạng để gửi các hộ và ảnh đã lưu.</p>}
    </footer>
  );
}
