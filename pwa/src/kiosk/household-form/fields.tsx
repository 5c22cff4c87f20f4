import { householdLimits, type FieldProblem, type SubmittedHousehold } from '../../../../lib/kiosk/household';
import type { Session } from '..';

/** A problem found by "Lưu và đưa vào hàng chờ gửi", tied to the field (its input's id) it is about. */
export type Problem = Pick<FieldProblem, 'message' | 'warning'> & { field: string };

/** What every fieldset gets: the household as typed, a way to change it, the problems found so far, and whose keys seal it. */
export interface FieldsetProps {
  h: SubmittedHousehold;
  session: Session;
  update: (patch: Partial<SubmittedHousehold>) => void;
  problems: Problem[] | null;
}

export const problemsOf = (problems: Problem[] | null, field: string) => problems?.filter((p) => p.field === field) ?? [];

/** The id of the field's message, for aria-describedby, when there is one. */
export const describedBy = (problems: Problem[] | null, field: string) => (problemsOf(problems, field).length ? `${field}-err` : undefined);

/** The field's problems under it: red when something must be fixed, amber when all are only warnings. */
export function FieldError({ problems, field }: { problems: Problem[] | null; field: string }) {
  const mine = problemsOf(problems, field);
  if (!mine.length) return null;
  return (
    <p id={`${field}-err`} class={mine.every((p) => p.warning) ? 'warning' : 'error'}>
      {mine.map((p) => p.message).join(' ')}
    </p>
  );
}

/** A labelled one-line text field of the household, with its problems. */
export function TextField({ h, update, problems, field, label, extra = {} }: FieldsetProps & { field: 'village' | 'headName' | 'shopName'; label: string; extra?: Record<string, unknown> }) {
  return (
    <div class="field">
      <label for={field}>{label}</label>
      <input id={field} value={h[field]} maxLength={householdLimits[field]} aria-invalid={problemsOf(problems, field).some((p) => !p.warning)} aria-describedby={describedBy(problems, field)} onInput={(e) => update({ [field]: e.currentTarget.value })} {...extra} />
      <FieldError problems={problems} field={field} />
    </div>
  );
}
