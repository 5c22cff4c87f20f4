import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db';
import type { OperatorHouseholdTable } from '../db/schema-channels';
import { sheetRows } from '../files/sheet-rows';
import { columnIndexes, guessColumns, missingFields, requiredFields, type ColumnMap, type Operator, type OperatorField } from '../../lib/channels/operator-columns';
import { communeLookup, judgeOperatorRow, type OperatorRowFacts, type RowProblem } from '../../lib/channels/operator-row';
import { problemBody, type ProblemCode } from '../../lib/api/problems';
import { identityHash } from './identity';
import { keysOf, operatorRef, progressTransaction, trackProgress } from './progress-store';
import type { ImportOutcome } from '../../lib/api/channels';

/** Larger than any province's list (Lạng Sơn: 30.626 shops); beyond it the file is refused (413.60), not read on. */
export const operatorMaxRows = 100_000;
/**
 * Rows looked up and written together; between batches, and between a batch's lookup and its write, other requests
 * run. SQLite's driver is synchronous, so a batch's write holds the process: 500 rows held /api/health up to 1,2 s
 * on a loaded 2-core machine (bench/operator-import.ts), 200 rows about a fifth of that.
 */
const batchRows = 200;
/** Problems listed in one answer; the rest are counted. Bounds the answer of a file whose every row is wrong. */
const problemsListed = 5000;
/** Rows above the header that the header may hide under (a title, the operator's name, a date). */
const headerSearchRows = 20;

export interface ImportRequest {
  operator: Operator;
  source: Uint8Array | AsyncIterable<Uint8Array>;
  /** The communes the caller may import for: a district's, or all (province). */
  scope: string[] | 'all';
  /** false: the preview (nothing written); true: the same judgement, written. */
  commit: boolean;
  userId: string;
  fileName: string;
}

/**
 * Reads an operator's list row by row (never whole: the sheet is streamed and judged in batches of 200) and, when
 * committing, writes each batch in one transaction. Idempotent: a row is keyed by the operator and its shop id, phone,
 * ID number or commune + name (lib/channels/operator-row.ts), so the same file again finds every row unchanged.
 * 400.67 unreadable, 413.60 too many rows.
 */
export async function importOperatorList(db: Db, req: ImportRequest): Promise<ImportOutcome | { problem: ProblemCode }> {
  const stored = await db.selectFrom('operator_column_maps').select('columns').where('operator', '=', req.operator).executeTakeFirst();
  const storedMap: ColumnMap | null = stored ? JSON.parse(stored.columns) : null;
  const communes = await db
    .selectFrom('communes')
    .innerJoin('districts', 'districts.code', 'communes.district_code')
    .select(['communes.code', 'communes.name', 'districts.name as districtName'])
    .execute();
  const findCommune = communeLookup(communes);
  const out: ImportOutcome = { header: [], columns: storedMap ?? {}, missing: [...requiredFields], rows: 0, added: 0, changed: 0, unchanged: 0, refused: 0, problems: [], problemsLeftOff: 0 };
  const report = (row: number, p: RowProblem) => {
    if (out.problems.length < problemsListed) out.problems.push({ row, ...p });
    else out.problemsLeftOff++;
  };
  const firstRowOf = new Map<string, number>();
  let at: Partial<Record<OperatorField, number>> | null = null;
  let importId: string | null = null;
  let batch: { row: number; facts: OperatorRowFacts }[] = [];
  const early: string[][] = [];

  // A database failure is the collector's (500), not the file's (400.67).
  let failed: unknown = null;
  const flush = async () => {
    if (!batch.length) return;
    try {
      const written = await judgeBatch(db, req, batch, () => (importId ??= randomUUID()), out, report);
      if (written.length && req.commit) {
        await new Promise((resolve) => setImmediate(resolve));
        await write(db, req, importId!, written, out.rows);
      }
    } catch (e) {
      failed = e;
      throw e;
    }
    batch = [];
    // Other requests (health, tablets' syncs) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  };

  try {
    for await (const { n, cells } of sheetRows(req.source)) {
      if (!at) {
        // The header: the first row naming the required columns (by the stored choice, else by the usual names).
        const header = cells.map((h) => h.trim());
        const map = storedMap ?? guessColumns(header);
        const missing = missingFields(map, header);
        early.push(header);
        if (missing.length && early.length < headerSearchRows) continue;
        const chosen = missing.length ? early.find((h) => h.some(Boolean)) ?? header : header;
        out.header = chosen;
        out.columns = storedMap ?? guessColumns(chosen);
        out.missing = missingFields(out.columns, chosen);
        if (out.missing.length) return out;
        at = columnIndexes(out.columns, chosen);
        continue;
      }
      if (cells.every((c) => !c.trim())) continue;
      if (++out.rows > operatorMaxRows) return { problem: '413.60' };
      const judged = judgeOperatorRow(cells, at, findCommune);
      for (const p of judged.problems) report(n, p);
      const facts = judged.facts;
      if (!facts) {
        out.refused++;
        continue;
      }
      if (req.scope !== 'all' && !req.scope.includes(facts.communeCode)) {
        report(n, refusal('403.60', 'Xã này không thuộc huyện của tài khoản.'));
        out.refused++;
        continue;
      }
      const earlier = firstRowOf.get(facts.key);
      if (earlier !== undefined) {
        report(n, refusal('400.64', `Dòng trùng với dòng ${earlier} (cùng ${facts.key.startsWith('shop:') ? 'mã cửa hàng' : facts.key.startsWith('phone:') ? 'số điện thoại' : facts.key.startsWith('id:') ? 'số CCCD/CMND' : 'xã và họ tên'}).`));
        out.refused++;
        continue;
      }
      firstRowOf.set(facts.key, n);
      batch.push({ row: n, facts });
      if (batch.length >= batchRows) await flush();
    }
    await flush();
  } catch (e) {
    if (failed) throw e;
    return { problem: '400.67' };
  }
  if (!at) {
    if (!early.length) return { problem: '400.67' };
    out.header = early.find((h) => h.some(Boolean)) ?? early[0];
    out.columns = storedMap ?? guessColumns(out.header);
    out.missing = missingFields(out.columns, out.header);
    return out;
  }
  if (req.commit && importId) {
    await db
      .updateTable('operator_imports')
      .set({ rows: out.rows, added: out.added, changed: out.changed, unchanged: out.unchanged, refused: out.refused })
      .where('id', '=', importId)
      .execute();
  }
  return out;
}

const refusal = (code: ProblemCode, message?: string): RowProblem => ({ code, message: message ?? problemBody(code).error.message, blocking: true });

type Written = { row: OperatorHouseholdTable; isNew: boolean };

/** Compares a batch with what is stored: new rows, changed rows (merged: a column this file lacks keeps its value), unchanged. */
async function judgeBatch(db: Db, req: ImportRequest, batch: { row: number; facts: OperatorRowFacts }[], idOfImport: () => string, out: ImportOutcome, report: (row: number, p: RowProblem) => void): Promise<Written[]> {
  const found = await db
    .selectFrom('operator_households')
    .selectAll()
    .where('operator', '=', req.operator)
    .where('row_key', 'in', batch.map((b) => b.facts.key))
    .execute();
  const byKey = new Map(found.map((f) => [f.row_key, f]));
  const now = new Date().toISOString();
  const written: Written[] = [];
  for (const { row, facts } of batch) {
    const before = byKey.get(facts.key);
    // A shop id stored for a commune of another district stays that district's.
    if (before && req.scope !== 'all' && !req.scope.includes(before.commune_code)) {
      report(row, refusal('403.60', 'Cửa hàng này đã được nhập cho một xã ngoài huyện của tài khoản.'));
      out.refused++;
      continue;
    }
    const merged = {
      commune_code: facts.communeCode,
      head_name: facts.headName,
      phone_hash: facts.phone ? identityHash('phone', facts.phone) : before?.phone_hash ?? null,
      id_hash: facts.idNumber ? identityHash('id', facts.idNumber) : before?.id_hash ?? null,
      shop_id: facts.shopId ?? before?.shop_id ?? null,
      shop_url: facts.shopUrl ?? before?.shop_url ?? null,
      shop_opened: facts.shop === undefined ? Number(before?.shop_opened ?? 0) : facts.shop ? 1 : 0,
      payment_opened: facts.payment === undefined ? Number(before?.payment_opened ?? 0) : facts.payment ? 1 : 0,
      products_listed: facts.products ?? Number(before?.products_listed ?? 0),
    };
    const content_hash = createHash('sha256').update(JSON.stringify(Object.values(merged))).digest('hex');
    if (before?.content_hash === content_hash) {
      out.unchanged++;
      continue;
    }
    if (before) out.changed++;
    else out.added++;
    written.push({ row: { operator: req.operator, row_key: facts.key, ...merged, content_hash, import_id: req.commit ? idOfImport() : '', updated_at: now }, isNew: !before });
  }
  return written;
}

async function write(db: Db, req: ImportRequest, importId: string, written: Written[], rowsSoFar: number) {
  await progressTransaction(db, async (tx) => {
    await tx
      .insertInto('operator_imports')
      .values({ id: importId, operator: req.operator, file_name: req.fileName, imported_by: req.userId, imported_at: new Date().toISOString(), rows: rowsSoFar, added: 0, changed: 0, unchanged: 0, refused: 0 })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    // The rows as stored before are found by their ref; their new keys reach the households they join.
    const progress = await trackProgress(tx, {
      refs: written.map((w) => operatorRef(w.row.operator, w.row.row_key)),
      keys: written.flatMap((w) => keysOf({ communeCode: w.row.commune_code, phoneHash: w.row.phone_hash, idHash: w.row.id_hash })),
    });
    const fresh = written.filter((w) => w.isNew).map((w) => w.row);
    // Two uploads of the same file at once: the second finds the rows there and adds nothing twice.
    for (let i = 0; i < fresh.length; i += 100)
      await tx.insertInto('operator_households').values(fresh.slice(i, i + 100)).onConflict((oc) => oc.columns(['operator', 'row_key']).doNothing()).execute();
    for (const { row } of written.filter((w) => !w.isNew)) {
      const { operator, row_key, ...set } = row;
      await tx.updateTable('operator_households').set(set).where('operator', '=', operator).where('row_key', '=', row_key).execute();
    }
    await progress.after();
  });
}
