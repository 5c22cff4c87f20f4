import { useReachability } from '../../client/use-reachability';

const words = {
  unknown: 'Đang kiểm tra kết nối…',
  reachable: 'Đang có mạng',
  unreachable: 'Mất mạng — dữ liệu vẫn được lưu trên máy',
} as const;

/**
 * Tells the officer at a glance whether the collector can be reached (what it last answered, not what the
 * browser guesses: a Wi-Fi with no way out still looks online); work is saved either way.
 */
export function OnlineBadge() {
  const r = useReachability();
  return (
    <span class={r === 'reachable' ? 'net net--on' : 'net net--off'} role="status">
      {words[r]}
    </span>
  );
}
