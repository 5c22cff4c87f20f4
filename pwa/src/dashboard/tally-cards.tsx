import type { Tally } from '../../../lib/tally';
import { formatNumber } from '../../../lib/format';
import { Money } from '../../../components/money';
import { NumberCards } from '../../../components/number-cards';
import { figureNames } from '../../../lib/vocabulary';

/** The report's numbers as big figures, the same five everywhere (lib/tally.ts). */
export function TallyCards({ tally, label }: { tally: Tally; label: string }) {
  return (
    <NumberCards
      label={label}
      cards={[
        {
          label: figureNames.participants,
          value: formatNumber(tally.participants),
          note: tally.headcount !== null && `/ ${formatNumber(tally.headcount)} người (${formatNumber((tally.participationRate ?? 0) * 100)}%)`,
        },
        { label: figureNames.farmItems, value: formatNumber(tally.farmItems) },
        { label: 'Số lượng', value: formatNumber(tally.quantity) },
        { label: figureNames.amountVnd, value: <Money vnd={tally.amountVnd} /> },
        {
          label: 'Ước tính khối lượng',
          value: `${formatNumber(tally.kg)} kg`,
          note: tally.itemsWithoutWeight > 0 && `${formatNumber(tally.itemsWithoutWeight)} mặt hàng không rõ khối lượng`,
        },
      ]}
    />
  );
}
