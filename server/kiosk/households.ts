import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { HouseholdTable } from '../db/schema-kiosk';
import { problemBody } from '../../lib/api/problems';
import type { HouseholdResult, RosterEntry } from '../../lib/api/kiosk';
import { blockingProblems, householdFrom, identityKeys, statusOf, type SubmittedHousehold } from '../../lib/kiosk/household';
import { checkPhone } from '../../lib/vn-phone';
import { checkCitizenId } from '../../lib/vn-citizen-id';
import { inScope } from './scope';
import { addHouseholdClaims, claimsOfHousehold } from '../quality/claims';
import { communesOfLeadingAccounts } from '../leading/accounts';
import { settleCodes } from './record-codes';
import { certificateDetailsOf } from '../../lib/kiosk/certificate-details';
import { kioskHashes, kioskRecordOf, kioskSeeds, progressTransaction, trackProgress, type KioskHashes } from '../channels/progress-store';
import { insertHouseholds, type NewHousehold } from './household-insert';
import { timeOrderedId } from '../db/time-ordered-id';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The same household always hashes the same, whatever spacing the phone or ID was typed with. Its record code is
 * bookkeeping, not content: a tablet resending with the code the collector gave instead is the same household.
 */
function contentHash(h: SubmittedHousehold): string {
  const { clientId: _omit, code: _code, ...rest } = h;
  return sha256(JSON.stringify(rest));
}

/** A refusal with the number and, where the check has one, its precise Vietnamese message (the same the tablet shows). */
const refuse = (clientId: string, code: Parameters<typeof problemBody>[0], field?: string, message?: string): HouseholdResult => {
  const { error } = problemBody(code, field ? { field } : {});
  return { clientId, status: 'rejected', problem: { code, message: message ?? error.message, ...(field ? { field } : {}) } };
};

/**
 * Judges and stores one household from a tablet. Idempotent on clientId: the same content again gets the
 * same answer; different content under a stored clientId is 409.1. Refusals store nothing, so the officer
 * fixes the household and sends it again under the same clientId.
 */
export async function receiveHousehold(db: Db, deviceId: string, scope: string[] | 'all', raw: unknown): Promise<HouseholdResult> {
  const h = householdFrom(raw);
  if (!/^[\w-]{8,64}$/.test(h.clientId)) return refuse(String((raw as { clientId?: unknown })?.clientId ?? ''), '400.2', 'clientId');
  if (!inScope(scope, h.communeCode)) return refuse(h.clientId, '403.50', 'communeCode');
  const problem = blockingProblems(h)[0];
  if (problem) return refuse(h.clientId, problem.code, problem.field, problem.message);
  const phone = checkPhone(h.phone);
  const id = checkCitizenId(h.idNumber);
  if (!phone.ok || !id.ok) return refuse(h.clientId, '400.2');
  if (!guideIsOfCommune(h, await communesOfLeadingAccounts(db, h.leadingAccountId ? [h.leadingAccountId] : []))) return refuse(h.clientId, '400.80', 'leadingAccountId');
  const normalised = { ...h, phone: phone.phone, idNumber: id.id };
  const hash = contentHash(normalised);

  const existing = await db.selectFrom('households').select(['id', 'code', 'content_hash']).where('client_id', '=', h.clientId).executeTakeFirst();
  if (existing) return existing.content_hash === hash ? { clientId: h.clientId, status: 'accepted', serverId: existing.id, code: existing.code } : refuse(h.clientId, '409.1', 'clientId');

  // Found by the hashes stored beside the numbers (their indexes are the ones the figures use).
  const hashes = kioskHashes({ phone: phone.phone, id_number: id.id });
  const samePhone = await db.selectFrom('households').select(['id', 'client_id']).where('phone_hash', '=', hashes.phone_hash).where('commune_code', '=', h.communeCode).where('phone', '=', phone.phone).executeTakeFirst();
  const sameId = await db.selectFrom('households').select(['id', 'client_id']).where('id_hash', '=', hashes.id_hash).where('id_number', '=', id.id).executeTakeFirst();
  // A resend of this very household stored it since the check above (batches retried at once): answer as a repeat.
  if (samePhone?.client_id === h.clientId || sameId?.client_id === h.clientId) return receiveHousehold(db, deviceId, scope, raw);
  if (samePhone) return refuse(h.clientId, '409.50', 'phone');
  if (sameId) return refuse(h.clientId, '409.51', 'idNumber');

  const [code] = await settleCodes(db, deviceId, [h.code]);
  const row = householdRow(h, code, phone.phone, id.id, id.kind, hash, hashes, deviceId, new Date().toISOString());
  const inserted = await progressTransaction(db, async (trx) => {
    const progress = await trackProgress(trx, kioskSeeds([{ ...row, id: undefined }]));
    const done = await trx.insertInto('households').values(row).onConflict((oc) => oc.column('client_id').doNothing()).executeTakeFirst();
    if (Number(done.numInsertedOrUpdatedRows ?? 1) === 0) return false;
    // VietGAP, OCOP and traceability arrive as claims for Sở NN&PTNT to verify.
    await addHouseholdClaims(trx, claimsOfHousehold(row.id, h, row.received_at));
    await progress.after({ added: [kioskRecordOf(row, row)] });
    return true;
  });
  // Two requests with the same clientId raced (a retried batch): the first one stored it; answer as a repeat.
  if (!inserted) return receiveHousehold(db, deviceId, scope, raw);
  return { clientId: h.clientId, status: 'accepted', serverId: row.id, code: row.code };
}

/**
 * Judges and stores a tablet's batch in one transaction, with the same answers as `receiveHousehold` one after
 * another (a later household of the batch sees an earlier one as a duplicate), in a handful of queries instead of
 * four per household.
 */
export async function receiveHouseholds(db: Db, deviceId: string, scope: string[] | 'all', raws: unknown[]): Promise<HouseholdResult[]> {
  const results: HouseholdResult[] = new Array(raws.length);
  let candidates: { index: number; raw: unknown; h: SubmittedHousehold; phone: string; id: string; idKind: HouseholdTable['id_kind']; hash: string; hashes: KioskHashes }[] = [];
  raws.forEach((raw, index) => {
    const h = householdFrom(raw);
    if (!/^[\w-]{8,64}$/.test(h.clientId)) return void (results[index] = refuse(String((raw as { clientId?: unknown })?.clientId ?? ''), '400.2', 'clientId'));
    if (!inScope(scope, h.communeCode)) return void (results[index] = refuse(h.clientId, '403.50', 'communeCode'));
    const problem = blockingProblems(h)[0];
    if (problem) return void (results[index] = refuse(h.clientId, problem.code, problem.field, problem.message));
    const phone = checkPhone(h.phone);
    const id = checkCitizenId(h.idNumber);
    if (!phone.ok || !id.ok) return void (results[index] = refuse(h.clientId, '400.2'));
    // The phone's and ID's hashes once: the figures' keys and the stored row both carry them.
    const hashes = kioskHashes({ phone: phone.phone, id_number: id.id });
    candidates.push({ index, raw, h, phone: phone.phone, id: id.id, idKind: id.kind, hash: contentHash({ ...h, phone: phone.phone, idNumber: id.id }), hashes });
  });
  const leadingCommunes = await communesOfLeadingAccounts(db, candidates.flatMap((c) => (c.h.leadingAccountId ? [c.h.leadingAccountId] : [])));
  for (const c of candidates.filter((c) => !guideIsOfCommune(c.h, leadingCommunes))) results[c.index] = refuse(c.h.clientId, '400.80', 'leadingAccountId');
  candidates = candidates.filter((c) => guideIsOfCommune(c.h, leadingCommunes));
  if (!candidates.length) return results;

  const raced = await progressTransaction(db, async (trx) => {
    const raced: typeof candidates = [];
    // Locked (PostgreSQL) before anything is looked up: the same household sent through two collectors at once is
    // judged by the second once the first is stored. The batch only adds households: the figures need no second read.
    const clientIds = [...new Set(candidates.map((c) => c.h.clientId))];
    // The same read gives the batch's households stored before (by clientId) and whoever holds their phones or ID
    // numbers (by their hashes: every household the figures would reach).
    const progress = await trackProgress(trx, kioskSeeds(candidates.map((c) => ({ commune_code: c.h.communeCode, ...c.hashes }))), clientIds);
    const known = progress.households;
    const wanted = new Set(clientIds);
    const stored = new Map(known.filter((r) => wanted.has(r.client_id)).map((r) => [r.client_id, r]));
    const byPhone = new Map(known.map((r) => [`${r.commune_code}|${r.phone}`, r.client_id]));
    const byId = new Map(known.map((r) => [r.id_number, r.client_id]));
    const now = new Date().toISOString();
    const rows: NewHousehold[] = [];
    const pending = new Map<string, { row: NewHousehold; c: (typeof candidates)[number] }>();
    for (const c of candidates) {
      const { h } = c;
      const before = stored.get(h.clientId) ?? pending.get(h.clientId)?.row;
      if (before) {
        results[c.index] = before.content_hash === c.hash ? { clientId: h.clientId, status: 'accepted', serverId: before.id, code: before.code } : refuse(h.clientId, '409.1', 'clientId');
        continue;
      }
      const phoneOwner = byPhone.get(`${h.communeCode}|${c.phone}`);
      const idOwner = byId.get(c.id);
      // Stored by a resend of this very batch since the first look (batches retried at once): a repeat.
      if (phoneOwner === h.clientId || idOwner === h.clientId) {
        raced.push(c);
        continue;
      }
      if (phoneOwner) {
        results[c.index] = refuse(h.clientId, '409.50', 'phone');
        continue;
      }
      if (idOwner) {
        results[c.index] = refuse(h.clientId, '409.51', 'idNumber');
        continue;
      }
      // The code is settled below, for all new rows of the batch at once.
      const row = householdRow(h, '', c.phone, c.id, c.idKind, c.hash, c.hashes, deviceId, now);
      rows.push(row);
      pending.set(h.clientId, { row, c });
      byPhone.set(`${h.communeCode}|${c.phone}`, h.clientId);
      byId.set(c.id, h.clientId);
    }
    const codes = await settleCodes(trx, deviceId, [...pending.values()].map(({ c }) => c.h.code));
    [...pending.values()].forEach(({ row }, i) => (row.code = codes[i]));
    // Repeats of a new household within the batch were answered before its code was settled.
    const codeOf = new Map(rows.map((r) => [r.id, r.code]));
    for (const r of results) if (r?.status === 'accepted' && r.serverId && codeOf.has(r.serverId)) r.code = codeOf.get(r.serverId);
    // VietGAP, OCOP and traceability arrive as claims for Sở NN&PTNT to verify. On PostgreSQL the figures go in the same
    // statement when every household is stored; otherwise (one stored meanwhile, or SQLite) on their own below.
    const added = rows.map((r) => kioskRecordOf(r, r));
    const claims = [...pending.values()].flatMap(({ row, c }) => claimsOfHousehold(row.id, c.h, now));
    const { inserted, figuresAdded } = await insertHouseholds(trx, rows, claims, progress.addition(added));
    for (const { row, c } of pending.values()) {
      if (inserted.has(row.client_id)) results[c.index] = { clientId: row.client_id, status: 'accepted', serverId: row.id, code: row.code };
      else raced.push(c);
    }
    if (!figuresAdded) await progress.after({ added: added.filter((_, i) => inserted.has(rows[i].client_id)) });
    const racedIds = new Set(raced.map((r) => r.h.clientId));
    // A later household of the batch that repeated a raced one answered with the row that was not stored.
    for (const c of candidates) if (racedIds.has(c.h.clientId) && !raced.includes(c)) raced.push(c);
    return raced;
  });
  // Another request stored the same clientId meanwhile (a retried batch): answer these as repeats, one by one.
  for (const c of raced) results[c.index] = await receiveHousehold(db, deviceId, scope, c.raw);
  return results;
}

function householdRow(h: SubmittedHousehold, code: string, phone: string, id: string, idKind: HouseholdTable['id_kind'], hash: string, hashes: KioskHashes, deviceId: string, now: string): NewHousehold {
  return {
    id: timeOrderedId(),
    client_id: h.clientId,
    code,
    content_hash: hash,
    commune_code: h.communeCode,
    village: h.village,
    head_name: h.headName,
    phone,
    id_number: id,
    id_kind: idKind,
    marketplace: h.marketplace,
    shop_name: h.shopName,
    payment: h.payment,
    has_payment_account: h.hasPaymentAccount ? 1 : 0,
    // The certificate details only when noted, as they arrived.
    details: JSON.stringify({ products: h.products, vietgap: h.vietgap, ocopStars: h.ocopStars, traceability: h.traceability, notes: h.notes, ...certificateDetailsOf(h) }),
    device_id: deviceId,
    officer_name: h.officerName,
    registered_at: h.registeredAt || now,
    received_at: now,
    updated_at: now,
    shop_url: null,
    shop_opened_at: null,
    payment_opened_at: h.hasPaymentAccount ? now : null,
    products_listed_at: null,
    guided_by: h.guidedBy ?? null,
    leading_account_id: h.guidedBy === 'leading' ? (h.leadingAccountId ?? null) : null,
    phone_hash: hashes.phone_hash,
    id_hash: hashes.id_hash,
  };
}

/** A household guided by a leading account names one of its own commune's (`communes`: each account's commune). */
const guideIsOfCommune = (h: SubmittedHousehold, communes: Map<string, string>) => h.guidedBy !== 'leading' || communes.get(h.leadingAccountId ?? '') === h.communeCode;

/** Households of the given communes changed after `since`, as the tablet keeps them (no phone/ID in clear). */
export async function rosterSince(db: Db, communes: string[], since: string | null): Promise<RosterEntry[]> {
  if (!communes.length) return [];
  let q = db
    .selectFrom('households')
    .select(['id', 'client_id', 'code', 'commune_code', 'village', 'head_name', 'phone', 'id_number', 'shop_url', 'payment_opened_at', 'products_listed_at', 'updated_at'])
    .where('commune_code', 'in', communes);
  // '>=': a row written in the same millisecond as the cursor is sent again rather than missed.
  if (since) q = q.where('updated_at', '>=', since);
  const rows = await q.orderBy('updated_at').execute();
  return rows.map((r) => ({
    serverId: r.id,
    clientId: r.client_id,
    code: r.code,
    communeCode: r.commune_code,
    village: r.village,
    headName: r.head_name,
    keyHashes: identityKeys({ phone: r.phone, idNumber: r.id_number }).map(sha256),
    status: statusOf({ shopUrl: r.shop_url, paymentOpenedAt: r.payment_opened_at, productsListedAt: r.products_listed_at }),
    shopUrl: r.shop_url,
    updatedAt: r.updated_at,
  }));
}
