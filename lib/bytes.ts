import { formatNumber } from './format';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/**
 * A size as a person reads it, in the unit that keeps the number short: "850 KB", "2,3 MB", "48 MB", "10 GB".
 * (A browser's quota of 10.737.942.528 bytes is "10 GB", not "10.240,5 MB".)
 */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${formatNumber(Math.ceil(bytes / KB), 0)} KB`;
  if (bytes < GB) return `${formatNumber(bytes / MB, bytes < 10 * MB ? 1 : 0)} MB`;
  return `${formatNumber(bytes / GB, 1)} GB`;
}
