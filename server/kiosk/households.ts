import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db';
import type { HouseholdTable } from '../db/schema-kiosk';
import { problemBody } from '../../lib/api/problems';
import type { HouseholdResult, RosterEntry } from '../../lib/api/kiosk';
import { blockingProblems, householdFrom, identityKeys, statusOf, type SubmittedHousehold } from '../../lib/kiosk/household';
import { checkPhone } from '../../lib/vn-phone';
import { checkCitizenId } from '../../lib/vn-citizen-id';
import { inScope } from './scope';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The same household always hashes the same, whatever spacing the phone or ID was typed with. */
function contentHash(h: SubmittedHousehold): string {
  const { clientId: _omit, ...rest } = h;
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
  const normalised = { ...h, phone: phone.phone, idNumber: id.id };
  const hash = contentHash(normalised);

  const existing = await db.selectFrom('households').select(['id', 'content_hash']).where('client_id', '=', h.clientId).executeTakeFirst();
  if (existing) return existing.content_hash === hash ? { clientId: h.clientId, status: 'accepted', serverId: existing.id } : refuse(h.clientId, '409.1', 'clientId');

  const samePhone = await db.selectFrom('households').select(['id', 'client_id']).where('commune_code', '=', h.communeCode).where('phone', '=', phone.phone).executeTakeFirst();
  const sameId = await db.selectFrom('households').select(['id', 'client_id']).where('id_number', '=', id.id).executeTakeFirst();
  // A resend of this very household stored it since the check above (batches retried at once): answer as a repeat.
  if (samePhone?.client_id === h.clientId || sameId?.client_id === h.clientId) return receiveHousehold(db, deviceId, scope, raw);
  if (samePhone) return refuse(h.clientId, '409.50', 'phone');
  if (sameId) return refuse(h.clientId, '409.51', 'idNumber');

  const now = new Date().toISOString();
  const row: HouseholdTable = {
    id: randomUUID(),
    client_id: h.clientId,
    content_hash: hash,
    commune_code: h.communeCode,
    village: h.village,
    head_name: h.headName,
    phone: phone.phone,
    id_number: id.id,
    id_kind: id.kind,
    marketplace: h.marketplace,
    shop_name: h.shopName,
    payment: h.payment,
    has_payment_account: h.hasPaymentAccount ? 1 : 0,
    details: JSON.stringify({ products: h.products, vietgap: h.vietgap, ocopStars: h.ocopStars, traceability: h.traceability, notes: h.notes }),
    device_id: deviceId,
    officer_name: h.officerName,
    registered_at: h.registeredAt || now,
    received_at: now,
    updated_at: now,
    shop_url: null,
    shop_opened_at: null,
    payment_opened_at: h.hasPaymentAccount ? now : null,
    products_listed_at: null,
  };
  const inserted = await db.insertInto('households').values(row).onConflict((oc) => oc.column('client_id').doNothing()).executeTakeFirst();
  // Two requests with the same clientId raced (a retried batch): the first one stored it; answer as a repeat.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 1) === 0) return receiveHousehold(db, deviceId, scope, raw);
  return { clientId: h.clientId, status: 'accepted', serverId: row.id };
}

/** Households of the given communes changed after `since`, as the tablet keeps them (no phone/ID in clear). */
export async function rosterSince(db: Db, communes: string[], since: string | null): Promise<RosterEntry[]> {
  if (!communes.length) return [];
  let q = db
    .selectFrom('households')
    .select(['id', 'client_id', 'commune_code', 'village', 'head_name', 'phone', 'id_number', 'shop_url', 'payment_opened_at', 'products_listed_at', 'updated_at'])
    .where('commune_code', 'in', communes);
  // '>=': a row written in the same millisecond as the cursor is sent again rather than missed.
  if (since) q = q.where('updated_at', '>=', since);
  const rows = await q.orderBy('updated_at').execute();
  return rows.map((r) => ({
    serverId: r.id,
    clientId: r.client_id,
    communeCode: r.commune_code,
    village: r.village,
    headName: r.head_name,
    keyHashes: identityKeys({ phone: r.phone, idNumber: r.id_number }).map(sha256),
    status: statusOf({ shopUrl: r.shop_url, paymentOpenedAt: r.payment_opened_at, productsListedAt: r.products_listed_at }),
    shopUrl: r.shop_url,
    updatedAt: r.updated_at,
  }));
}
