// Tells the content script that the collector's rules in storage are newer than the ones built into it. The background
// registers this script on the marketplace pages only while that is so (shared/newer-rules.ts): an order page then
// reads storage for them, and otherwise reads with the bundled rules without touching storage (building its bindings
// and the call were about 0,8 ms of an order page's main thread). Run before the content script (document_start), in
// its isolated world, so the mark is there when it reads.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NEWER_RULES_MARK } from './shared/rules-choice';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[NEWER_RULES_MARK] = true;
});
