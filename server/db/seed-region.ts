import { communesOf, type RegionPack } from '../../lib/region';
import type { Db } from '.';
import { addCommuneUnits } from './migrations/0110-agency-units';

/**
 * Loads a region pack into an empty database. Rows that exist are left alone: the province edits
 * headcounts, household counts and deadlines afterwards, and a restart must not undo that.
 */
export async function seedRegion(db: Db, pack: RegionPack): Promise<void> {
  const existing = await db.selectFrom('districts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    // A database holds one province: starting it with another's pack is a configuration mistake, not a merge.
    const ours = await db.selectFrom('districts').select('code').where('code', 'in', pack.districts.map((d) => d.code)).executeTakeFirst();
    if (!ours) throw new Error(`Cơ sở dữ liệu này đã có dữ liệu của một tỉnh khác, không phải ${pack.province.name}: kiểm tra REGION và DATA_DIR / DATABASE_URL.`);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('districts')
      .values(pack.districts.map((d) => ({ code: d.code, name: d.name, signup_deadline: pack.signupDeadlines[d.code] ?? pack.signupDeadlines.default ?? null })))
      .execute();
    for (const chunk of chunks(communesOf(pack), 100)) {
      await trx
        .insertInto('communes')
        .values(chunk.map((c) => ({ code: c.code, district_code: c.districtCode, name: c.name, kind: c.type, household_count: null })))
        .execute();
    }
    await trx
      .insertInto('agencies')
      .values(pack.agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind, grp: a.group, district_code: a.districtCode ?? null, headcount: null, active: 1 })))
      .execute();
    await trx
      .insertInto('periods')
      .values(pack.periods.map((p) => ({ id: p.id, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, report_due: p.reportDue })))
      .execute();
    // A district's People's Committee starts with its communes as sub-units (the agency adds its own later). A region
    // seeded onto a schema older than migration 0110 (an upgrade test) gets them from that migration instead.
    if ((await trx.introspection.getTables()).some((t) => t.name === 'agency_units')) await addCommuneUnits(trx);
  });
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
