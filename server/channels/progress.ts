import type { Db } from '../db';
import { activeRegion } from '../region';
import { storedProgress } from './progress-store';
import { channels, emptyCommuneFigures, percentOf, type ChannelFigures, type Channel } from '../../lib/channels/progress';
import { districtStatus, phaseOf, type DistrictStatus, type Phase } from '../../lib/channels/phases';
import type { CommuneProgress } from '../../lib/api/kiosk';
import type { DistrictProgress } from '../../lib/api/channels';
import { vietnamToday } from '../../lib/periods';

/** The stored phases with their districts. */
export async function loadPhases(db: Db): Promise<Phase[]> {
  const [phases, links] = await Promise.all([
    db.selectFrom('phases').selectAll().orderBy('deadline').orderBy('name').execute(),
    db.selectFrom('phase_districts').selectAll().orderBy('district_code').execute(),
  ]);
  return phases.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, deadline: p.deadline, districtCodes: links.filter((l) => l.phase_id === p.id).map((l) => l.district_code) }));
}

/**
 * Every commune's and district's progress from every channel, limited to `scope` (a list of commune codes, or all),
 * from the figures the writes keep per commune (server/channels/progress-store.ts): the households were matched
 * province-wide, so a household of another district found by its ID number is counted there and not here. The deadline is the district's phase's, else its own, else the region pack's.
 */
export async function channelProgress(db: Db, scope: string[] | 'all', today = vietnamToday()): Promise<{ targetPercent: number; communes: CommuneProgress[]; districts: DistrictProgress[] }> {
  const region = activeRegion();
  const targetPercent = region.householdTargetPercent;
  const [communes, stored, phases] = await Promise.all([
    db
      .selectFrom('communes')
      .innerJoin('districts', 'districts.code', 'communes.district_code')
      .select(['communes.code', 'communes.name', 'communes.household_count', 'communes.district_code', 'districts.name as district_name', 'districts.signup_deadline'])
      .orderBy('communes.code')
      .execute(),
    storedProgress(db),
    loadPhases(db),
  ]);
  const inScope = (code: string) => scope === 'all' || scope.includes(code);

  const deadlineOf = (districtCode: string, own: string | null) => phaseOf(phases, districtCode, today)?.deadline ?? own ?? region.signupDeadlines[districtCode] ?? region.signupDeadlines.default ?? null;
  const out: CommuneProgress[] = communes
    .filter((cm) => inScope(cm.code))
    .map((cm) => {
      const f = stored.get(cm.code)?.figures ?? emptyCommuneFigures();
      const count = cm.household_count === null ? null : Number(cm.household_count);
      return {
        communeCode: cm.code,
        communeName: cm.name,
        districtCode: cm.district_code,
        districtName: cm.district_name,
        householdCount: count,
        signedUp: stored.get(cm.code)?.signedUp ?? 0,
        shopsOpened: f.shops,
        paymentAccounts: f.payments,
        both: f.both,
        productsListed: f.productsListed,
        percentBoth: percentOf(f.both, count),
        targetPercent,
        deadline: deadlineOf(cm.district_code, cm.signup_deadline),
        channels: f.channels,
      };
    });

  const districts = new Map<string, DistrictProgress & { bothKnown: number }>();
  const ownDeadline = new Map(communes.map((c) => [c.district_code, c.signup_deadline]));
  for (const c of out) {
    const d =
      districts.get(c.districtCode) ??
      (() => {
        const phase = phaseOf(phases, c.districtCode, today);
        return {
          districtCode: c.districtCode,
          districtName: c.districtName,
          householdCount: null,
          signedUp: 0,
          shopsOpened: 0,
          paymentAccounts: 0,
          both: 0,
          bothKnown: 0,
          productsListed: 0,
          percentBoth: null,
          phase: phase && { id: phase.id, name: phase.name },
          deadline: deadlineOf(c.districtCode, ownDeadline.get(c.districtCode) ?? null),
          status: 'unknown' as DistrictStatus,
          channels: Object.fromEntries(channels.map((ch) => [ch, { households: 0, shops: 0, payments: 0, productsListed: 0 }])) as Record<Channel, ChannelFigures>,
        };
      })();
    d.signedUp += c.signedUp;
    d.shopsOpened += c.shopsOpened;
    d.paymentAccounts += c.paymentAccounts;
    d.both += c.both;
    d.productsListed += c.productsListed;
    // The percentage only over communes whose household count is known (as the commune table shows them).
    if (c.householdCount !== null) {
      d.householdCount = (d.householdCount ?? 0) + c.householdCount;
      d.bothKnown += c.both;
    }
    for (const ch of channels) for (const k of ['households', 'shops', 'payments', 'productsListed'] as const) d.channels[ch][k] += c.channels[ch][k];
    districts.set(c.districtCode, d);
  }
  return {
    targetPercent,
    communes: out,
    districts: [...districts.values()].map(({ bothKnown, ...d }) => {
      const percentBoth = percentOf(bothKnown, d.householdCount);
      const phase = d.phase ? phases.find((p) => p.id === d.phase!.id)! : null;
      return { ...d, percentBoth, status: districtStatus(percentBoth, targetPercent, d.deadline, phase?.startsOn ?? null, today) };
    }),
  };
}
