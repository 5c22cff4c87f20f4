import type { ComponentChildren } from 'preact';
import { Money } from '../../../../components/money';
import { NumberCards } from '../../../../components/number-cards';
import { formatDate, formatNumber } from '../../../../lib/format';
import type { Period } from '../../../../lib/periods';
import { figureNames } from '../../../../lib/vocabulary';
import { deadlineText } from './deadline';

/**
 * The top of a "Hôm nay" screen, the same for the province and an agency: today and the period, the report deadline
 * with the days left (plus `status`), and the report's three figures, participants read against `base` (a sentence
 * saying whose headcount, with the rate). What each landing adds below comes as children.
 */
export function Standing(props: {
  period: Period;
  today: string;
  status: ComponentChildren;
  label: string;
  figures: { participants: number; farmItems: number; amountVnd: number };
  base: string;
  children: ComponentChildren;
}) {
  const { period, today, status, label, figures, base, children } = props;
  return (
    <section aria-labelledby="today-h">
      <h2 id="today-h">
        Hôm nay {formatDate(today)}: {period.name}
      </h2>
      <p>
        <strong>{deadlineText(period.reportDue, today)}.</strong> {status}
      </p>
      <NumberCards
        label={label}
        cards={[
          { label: figureNames.participants, value: formatNumber(figures.participants), note: base },
          { label: figureNames.farmItems, value: formatNumber(figures.farmItems) },
          { label: figureNames.amountVnd, value: <Money vnd={figures.amountVnd} /> },
        ]}
      />
      {children}
    </section>
  );
}
