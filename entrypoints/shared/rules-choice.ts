// Which adapter rules read a page: the collector's copy (fetched daily by the background, see rules-cache.ts)
// or the bundled one. Kept apart from the fetching so the content script stays small.
import { bundledRules } from '../../lib/marketplaces/bundled-rules';
import type { Rules } from '../../lib/marketplaces/rules';

export interface RulesCache {
  rules: Rules;
  fetchedAt: string;
}

export const RULES_KEY = 'rules';
/** A copy older than this is dropped for the bundled one: the sites will have changed by then. */
export const RULES_MAX_AGE_MS = 180 * 86400_000;

/**
 * Where the content script finds that the collector's rules are newer than the bundled ones (on globalThis in its
 * isolated world, set by entrypoints/newer-rules.ts): without it, an order page does not read storage for them.
 */
export const NEWER_RULES_MARK = '__nongsanSoNewerRules';

/** The rules to read pages with: per site, the newer of the collector's copy and the bundled one. */
export function chooseRules(cache: RulesCache | undefined, now = Date.now()): Rules {
  return chooseAmong(bundledRules, cache, now);
}

/** The same choice against another copy of the bundled rules: the content script's detection part of them. */
export function chooseAmong(bundled: Rules, cache: RulesCache | undefined, now = Date.now()): Rules {
  if (!cache || now - Date.parse(cache.fetchedAt) > RULES_MAX_AGE_MS) return bundled;
  const sites = bundled.sites.map((b) => {
    const remote = cache.rules.sites.find((s) => s.marketplace === b.marketplace);
    return remote && remote.version >= b.version ? remote : b;
  });
  return { version: sites.map((s) => s.version).sort().at(-1)!, sites };
}

/** The collector's copy is chosen for at least one site: the content script must read it from storage. */
export function hasNewerRules(cache: RulesCache | undefined, now = Date.now()): boolean {
  return chooseRules(cache, now).sites.some((s, i) => s !== bundledRules.sites[i]);
}
