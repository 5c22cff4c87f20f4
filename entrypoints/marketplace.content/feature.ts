import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ExtractResult } from '../../lib/marketplaces/types';

export interface PageRead {
  url: string;
  result: ExtractResult;
  /** Main-thread time spent reading the page, ms (bench/extension.ts reads it from a performance mark). */
  ms: number;
}

/** One behaviour of the content script. */
export interface Feature {
  name: string;
  run(args: { ctx: ContentScriptContext; page: PageRead }): void;
}
