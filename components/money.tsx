import { formatVnd } from '../lib/format';

/**
 * An amount in đồng as people write it ("1.250.000 ₫"), the integer kept in `value` for machines; null is "—".
 * Class `money` keeps the figure and its "₫" on one line (each app's stylesheet says nowrap).
 */
export function Money({ vnd }: { vnd: number | null }) {
  if (vnd === null || !Number.isFinite(vnd)) return '—';
  return <data class="money" value={String(Math.round(vnd))}>{formatVnd(vnd)}</data>;
}
