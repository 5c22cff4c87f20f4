import type { Kysely, Migration } from 'kysely';
import { randomUUID } from 'node:crypto';

/**
 * Issue 13 (5): a household's VietGAP, OCOP and traceability facts become claims Sở NN&PTNT verifies. Until now they
 * were free text in `households.details`; each one present becomes an unverified claim, keeping what was typed in
 * `submitted`. `details` stays as it was (the kiosk's record of what the household said). One claim per kind and
 * household; the decision is stored, "expired" is worked out from `expires_on` each day.
 */
export const householdClaims0501: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('household_claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // A household's claims go with it.
      .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text')
      .addColumn('issuer', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('stars', 'integer')
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('refusal_reason', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('submitted', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('household_claims_one_per_kind', ['household_id', 'kind'])
      .execute();
    await db.schema.createIndex('household_claims_decision').on('household_claims').columns(['decision', 'expires_on']).execute();

    const now = new Date().toISOString();
    let after = '';
    for (;;) {
      const rows: { id: string; details: string }[] = await db.selectFrom('households').select(['id', 'details']).where('id', '>', after).orderBy('id').limit(500).execute();
      if (!rows.length) break;
      after = rows.at(-1)!.id;
      const claims = rows.flatMap((r) => claimsFromDetails(r.id, r.details, now));
      if (claims.length) await db.insertInto('household_claims').values(claims).execute();
    }
  },
};

/** The unverified claims a household's free text held (kept here as it was on the day this migration shipped). */
function claimsFromDetails(householdId: string, details: string, now: string) {
  let d: { vietgap?: unknown; ocopStars?: unknown; traceability?: unknown };
  try {
    d = JSON.parse(details) ?? {};
  } catch {
    return [];
  }
  const base = { household_id: householdId, issuer: null, expires_on: null, decision: 'unverified', refusal_reason: null, decided_by: null, decided_at: null, created_at: now, updated_at: now };
  const out = [];
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  const vietgap = text(d.vietgap);
  if (vietgap) out.push({ ...base, id: randomUUID(), kind: 'vietgap', number: vietgap.slice(0, 100), stars: null, submitted: vietgap });
  if (typeof d.ocopStars === 'number' && Number.isInteger(d.ocopStars))
    out.push({ ...base, id: randomUUID(), kind: 'ocop', number: null, stars: d.ocopStars, submitted: `${d.ocopStars} sao` });
  const trace = text(d.traceability);
  if (trace) out.push({ ...base, id: randomUUID(), kind: 'traceability', number: trace.slice(0, 500), stars: null, submitted: trace });
  return out;
}
