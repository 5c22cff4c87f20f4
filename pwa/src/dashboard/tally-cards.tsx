import type { Tally } from '../../../lib/tally';
import { formatNumber, formatVnd } from '../../../lib/format';
import { figureNames } from '../../../lib/vocabulary';

/** The report's numbers as big figures, the same five everywhere (lib/tally.ts). */
export function TallyCards({ tally, label }: { tally: Tally; label: string }) {
  return (
    <ul class="dash-cards" aria-label={label}>
      <li>
        {figureNames.participants}
        <strong>{formatNumber(tally.participants)}</strong>
        {tally.headcount !== null && (
          <span class="dash-muted">
            / {formatNumber(tally.headcount)} người ({formatNumber((tally.participationRate ?? 0) * 100)}%)
          </span>
        )}
      </li>
      <li>
        {figureNames.farmItems}
        <strong>{formatNumber(tally.farmItems)}</strong>
      </li>
      <li>
        Số lượng
        <strong>{formatNumber(tally.quantity)}</strong>
      </li>
      <li>
        {figureNames.amountVnd}
        <strong>{formatVnd(tally.amountVnd)}</strong>
      </li>
      <li>
        Ước tính khối lượng
        <strong>{formatNumber(tally.kg)} kg</strong>
        {tally.itemsWithoutWeight > 0 && <span class="dash-muted">{formatNumber(tally.itemsWithoutWeight)} mặt hàng không rõ khối lượng</span>}
      </li>
    </ul>
  );
}
