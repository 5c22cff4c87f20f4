// The background's side of entrypoints/newer-rules.ts: the script that tells content scripts the collector's rules
// are newer than the bundled ones is registered exactly while they are. Kept in step at every start of the background
// (an update may have bundled newer rules; a registration may not have survived) and whenever storage's copy changes.
import { browser } from 'wxt/browser';
import { marketplaceMatches } from '../../lib/marketplaces/hosts';
import { hasNewerRules, RULES_KEY, type RulesCache } from './rules-choice';

const SCRIPT_ID = 'newer-rules';

let syncing: Promise<void> = Promise.resolve();

/** Registers or unregisters the script as storage's copy of the rules says; one at a time (a second would clash on the id). */
export function syncNewerRulesScript(): Promise<void> {
  syncing = syncing.then(sync).catch(() => {});
  return syncing;
}

async function sync() {
  const cache = (await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined;
  const wanted = hasNewerRules(cache);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (wanted && !registered)
    await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, js: ['newer-rules.js'], matches: marketplaceMatches, runAt: 'document_start', persistAcrossSessions: true }]);
  else if (!wanted && registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
}
