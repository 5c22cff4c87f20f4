// Adapter rules that update without a release (after Refined GitHub's hotfix.tsx): the background fetches
// the collector's copy once a day; the last good copy is trusted for months when the collector cannot be
// reached; without one (or when the extension's own copy is newer) the bundled rules are used.
// Kept in browser.storage.local (rules-choice.ts), because content scripts can read that and not the extension's IndexedDB.
import { browser } from 'wxt/browser';
import { rulesFromCollector } from '../../lib/marketplaces/rules';
import { RULES_KEY, type RulesCache } from './rules-choice';
import { currentRules, staffCollector } from './collector-api';
import { getCollectorUrl } from './settings';

/** Fetches the collector's rules; keeps the last good copy on any failure. Returns what happened, in Vietnamese. */
export async function refreshRules(now = new Date()): Promise<string> {
  try {
    const parsed = rulesFromCollector(await currentRules(staffCollector(await getCollectorUrl())));
    if (!parsed.ok) return parsed.error;
    const cache: RulesCache = { rules: parsed.rules, fetchedAt: now.toISOString() };
    await browser.storage.local.set({ [RULES_KEY]: cache });
    return `Đã cập nhật quy tắc đọc trang (phiên bản ${parsed.rules.version}).`;
  } catch (e) {
    return `Chưa cập nhật được quy tắc đọc trang, vẫn dùng bản đang có: ${e instanceof Error ? e.message : e}`;
  }
}
