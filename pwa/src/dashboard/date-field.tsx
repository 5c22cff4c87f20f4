import type { InputHTMLAttributes } from 'preact';

/**
 * A day typed as people write it (dd/mm/yyyy, read by lib/format parseDate), the same on every dashboard form: the
 * label says the format and the keyboard offers digits. The form keeps the text and its own way of reading it.
 */
export function DateField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label} (dd/mm/yyyy)
      <input inputMode="numeric" autoComplete="off" {...input} />
    </label>
  );
}
