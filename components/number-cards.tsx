import type { ComponentChildren } from 'preact';

export interface NumberCard {
  label: string;
  value: ComponentChildren;
  /** Small print under the figure: "/ 28.385 người (1,2%)", "3 mặt hàng không rõ khối lượng". */
  note?: ComponentChildren;
}

/** A few figures as big numbers, a list named by `label` so a screen reader says what they count. */
export function NumberCards({ label, cards }: { label: string; cards: NumberCard[] }) {
  return (
    <ul class="cards" aria-label={label}>
      {cards.map((c) => (
        <li key={c.label}>
          {c.label}
          <strong>{c.value}</strong>
          {c.note && <span class="muted">{c.note}</span>}
        </li>
      ))}
    </ul>
  );
}
