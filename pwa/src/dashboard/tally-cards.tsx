import type { Tally } from '../../../lib/tally';
import { formatNumber, formatPercent } from '../../../lib/format';
import { Money } from '../../../components/money';
import { NumberCards } from '../../../components/number-cards';
import { figureNames } from '../../../lib/vocabulary';

/**
 * The report's numbers as big figures, the same five everywhere (lib/tally.ts). Participants are read against
 * `base`, which says whose headcount the rate divides by ("CB, CC, VC, NLĐ toàn tỉnh" or "… của cơ quan").
 */
export function TallyCards({ tally, label, base }: { tally: Tally; label: string; base: string }) {
  return (
    <NumberCards
      label={label}
      cards={[
        {
          label: figureNames.participants,
          value: formatNumber(tally.participants),
          note: tally.headcount !== null && `người tham gia trên ${formatNumber(tally.headcount)} ${base}: ${formatPercent(tally.participationRate ?? 0)}`,
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
