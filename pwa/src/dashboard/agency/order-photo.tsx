import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../api';

/**
 * The photo a person attached to an order declared on their phone: a thumbnail that opens the full image. Fetched
 * with the session's token (an <img src> cannot send it), so it shows only to the agency that may see it.
 */
export function OrderPhoto({ orderId, title }: { orderId: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    apiFetch(`/api/agency/orders/${encodeURIComponent(orderId)}/photo`)
      .then((r) => r.blob())
      .then((b) => setUrl((made = URL.createObjectURL(b))))
      .catch(() => setFailed(true));
    return () => made && URL.revokeObjectURL(made);
  }, [orderId]);
  if (failed) return <p class="muted">Có ảnh đơn hàng nhưng chưa tải được; xin tải lại trang.</p>;
  if (!url) return null;
  return (
    <p>
      <a href={url} target="_blank" rel="noopener">
        <img src={url} alt={`Ảnh đơn hàng của ${title}`} width={120} class="dash-order-photo" />
      </a>
    </p>
  );
}
