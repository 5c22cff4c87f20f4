import { randomUUID } from 'node:crypto';

/**
 * A UUID of version 7 (RFC 9562, section 5.7): the first 48 bits are the time in Unix milliseconds, the rest random
 * as in version 4. For the rows a deadline day writes by the thousand (households, their claims, orders): their
 * primary-key index then grows at its end, where a random version-4 key touched a different page of the index for
 * each row, and each of those pages went into the write-ahead log again at every commit. The time it carries is
 * the row's `received_at`, already stored beside it.
 */
export function timeOrderedId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  // Version 4's layout: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, its variant bits (V) already RFC 9562's.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
