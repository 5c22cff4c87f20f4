// The extraction contract's entry point (ARCHITECTURE.md): `npm run extract`, the tests, the collector and the
// PWA call this; it reads with the bundled rules unless given newer ones from the collector.
import { bundledRules } from './bundled-rules';
import { readPage } from './read-page';
import type { Rules } from './rules';
import type { ExtractResult } from './types';

export type * from './types';
export { bundledRules } from './bundled-rules';
export { readPage } from './read-page';

/**
 * Reads a marketplace page. Pure: takes the parsed document, touches no browser or Node global.
 * Never throws; a page outside the marketplaces, or one it cannot read, is "other" with no orders.
 */
export function extractPage(doc: Document, url: string, rules: Rules = bundledRules): ExtractResult {
  return readPage(doc, url, rules);
}
