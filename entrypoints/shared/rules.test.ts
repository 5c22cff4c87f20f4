import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledRules } from '../../lib/marketplaces/bundled-rules';
import { chooseRules, hasNewerRules, RULES_MAX_AGE_MS, type RulesCache } from './rules-choice';
import { rulesFromCollector } from '../../lib/marketplaces/rules';
import { currentRules, staffCollector } from './collector-api';
import { CollectorError } from '../../client/collector';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';

const voso = bundledRules.sites.find((s) => s.marketplace === 'voso')!;
const newer = { ...voso, version: '2099-01-01', pages: voso.pages.slice(0, 1) };
const older = { ...voso, version: '2000-01-01' };
const now = Date.parse('2026-11-29T00:00:00Z');
const cache = (site: typeof voso, daysOld: number): RulesCache => ({ rules: { version: site.version, sites: [site] }, fetchedAt: new Date(now - daysOld * 86400_000).toISOString() });

describe('chooseRules', () => {
  it('uses the bundled rules without a copy from the collector', () => {
    expect(chooseRules(undefined, now)).toBe(bundledRules);
  });
  it('uses a newer collector copy per site, keeping the bundled rules for the other site', () => {
    const r = chooseRules(cache(newer, 1), now);
    expect(r.sites.find((s) => s.marketplace === 'voso')).toBe(newer);
    expect(r.sites.find((s) => s.marketplace === 'postmart')).toBe(bundledRules.sites.find((s) => s.marketplace === 'postmart'));
    expect(r.version).toBe('2099-01-01');
  });
  it('keeps trusting the last good copy for months, then falls back to the bundled one', () => {
    expect(chooseRules(cache(newer, 120), now).sites).toContain(newer);
    expect(chooseRules(cache(newer, RULES_MAX_AGE_MS / 86400_000 + 1), now)).toBe(bundledRules);
  });
  it('never prefers a collector copy older than the rules shipped with the extension', () => {
    expect(chooseRules(cache(older, 1), now).sites).toContain(voso);
  });
});

describe('hasNewerRules: whether an order page must read the collector\'s copy from storage', () => {
  it('says no without a copy, for a copy older than the bundled rules, and for one past its age', () => {
    expect(hasNewerRules(undefined, now)).toBe(false);
    expect(hasNewerRules(cache(older, 1), now)).toBe(false);
    expect(hasNewerRules(cache(newer, RULES_MAX_AGE_MS / 86400_000 + 1), now)).toBe(false);
  });
  it('says yes for a newer copy of one site, and for a copy as new as the bundled one (the choice takes it)', () => {
    expect(hasNewerRules(cache(newer, 1), now)).toBe(true);
    expect(hasNewerRules(cache(structuredClone(voso), 1), now)).toBe(true);
  });
});

describe('rules from a real collector', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nongsan-rules-'));
    collector = await startCollector({ ...readConfig({}), port: 0, dataDir, databaseUrl: null });
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has none until the province uploads some: the extension keeps what it has', async () => {
    const err = await currentRules(staffCollector(`http://localhost:${collector.port}`)).catch((e) => e);
    expect(err).toBeInstanceOf(CollectorError);
    expect(err.code).toBe('404.11');
    expect(err.retryable).toBe(false);
  });

  it('reads the uploaded rules into the shape extractPage takes, and refuses rules that widen the hosts', async () => {
    await collector.db.insertInto('adapter_rules').values({ version: 3, sites: JSON.stringify({ voso: newer }), uploaded_by: 'test', uploaded_at: new Date().toISOString() }).execute();
    const parsed = rulesFromCollector(await currentRules(staffCollector(`http://localhost:${collector.port}`)));
    expect(parsed.ok && parsed.rules.version).toBe('3');
    expect(parsed.ok && parsed.rules.sites[0].version).toBe('2099-01-01');
    const bad = rulesFromCollector({ version: 4, sites: { voso: { ...newer, hosts: ['evil.example'] } } });
    expect(bad.ok).toBe(false);
  });
});
