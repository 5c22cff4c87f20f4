import { formatDate } from '../lib/format';

/** A day as dd/mm/yyyy (Vietnam time for instants), with the ISO original in `datetime`; empty or bad input is "—". */
export function DateText({ iso }: { iso: string | null | undefined }) {
  const shown = iso ? formatDate(iso) : '';
  if (!shown) return '—';
  return <time dateTime={iso!}>{shown}</time>;
}
