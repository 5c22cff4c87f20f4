import { useReveal } from './reveal';

/** What happened after an action: "Đã lưu…" or why it did not. */
export interface Outcome {
  text: string;
  error?: boolean;
}

/** An outcome that belongs to one row of a table: shown in that row, next to the button pressed. */
export type RowOutcome = Outcome & { row: string };

/** The row's own outcome, if the last one was about it. */
export const outcomeOf = (o: RowOutcome | null, row: string): Outcome | null => (o?.row === row ? o : null);

/**
 * One line that tells a person the outcome, where the action was. Errors are `role="alert"` (read out at once), other
 * outcomes `role="status"` (read out politely). Each new outcome is scrolled into view (and takes focus when the
 * control that caused it lost it), so nothing happens out of sight. Give it a `message`, or just an `error` text (a
 * failed load); nothing is shown while both are empty. `quiet` shows a success in the muted colour (a finished download).
 */
export function StatusMessage({ message, error, quiet }: { message?: Outcome | null; error?: string | null; quiet?: boolean }) {
  const shown = message ?? (error ? { text: error, error: true } : null);
  // A new outcome object is a new event, even with the same words (the same row saved twice).
  const ref = useReveal<HTMLParagraphElement>(shown?.text ? (message ?? error) : null);
  if (!shown?.text) return null;
  return (
    <p ref={ref} tabIndex={-1} role={shown.error ? 'alert' : 'status'} class={shown.error ? 'error' : quiet ? 'muted' : 'ok'}>
      {shown.text}
    </p>
  );
}
