import type { Db } from './db';
import type { Period } from '../lib/periods';

/** The campaign periods as the API shows them, in order. */
export async function listPeriods(db: Db): Promise<Period[]> {
  const rows = await db.selectFrom('periods').selectAll().orderBy('starts_on').execute();
  return rows.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, reportDue: p.report_due }));
}
