/**
 * Helpers for tests (any area): make the people of the campaign directly in the database, with tokens,
 * so a test can start from "an agency with an enrolled civil servant" in one line.
 */
import { randomUUID, randomInt } from 'node:crypto';
import type { Db } from '../db';
import type { UserRole } from '../db/schema';
import type { TestDeps } from '../test-databases';
import { hashPassword } from '../auth/passwords';
import { issueToken } from '../auth/tokens';
import { generateEnrolmentCode } from '../staff/enrolment';
import { sessionTtlMs } from '../api/public/auth';

export const testPassword = 'mat-khau-thu-nghiem';

export interface SeededUser {
  id: string;
  username: string;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for app.request. */
  auth: Record<string, string>;
}

async function createUser(db: Db, role: UserRole, agencyCode: string | null, fullName: string, communes: string[] = []): Promise<SeededUser> {
  const id = randomUUID();
  const username = `${role}-${id.slice(0, 8)}`;
  await db
    .insertInto('users')
    .values({ id, username, password_hash: await hashPassword(testPassword), role, full_name: fullName, agency_code: agencyCode, created_at: new Date().toISOString(), disabled_at: null })
    .execute();
  if (communes.length) await db.insertInto('user_communes').values(communes.map((c) => ({ user_id: id, commune_code: c }))).execute();
  const { token } = await issueToken(db, { role, subjectId: id, agencyCode }, sessionTtlMs);
  return { id, username, token, auth: { Authorization: `Bearer ${token}` } };
}

/** A Sở TT&TT account, signed in. */
export const createProvinceUser = (db: Db) => createUser(db, 'province', null, 'Sở Thông tin và Truyền thông');

/** An agency focal point (cán bộ đầu mối) of `agencyCode` (e.g. 'SNV'), signed in. */
export const createAgencyFocalPoint = (db: Db, agencyCode: string) => createUser(db, 'agency', agencyCode, `Đầu mối ${agencyCode}`);

/** A Sở NN&PTNT account (quality checks), signed in. */
export const createAgricultureUser = (db: Db) => createUser(db, 'agriculture', null, 'Sở Nông nghiệp và Phát triển nông thôn');

/** A commune officer for the given commune codes, signed in. */
export const createCommuneOfficer = (db: Db, communeCodes: string[]) => createUser(db, 'officer', null, 'Cán bộ xã', communeCodes);

/** A district account (huyện) of `districtCode` (e.g. '182', Văn Lãng), signed in. */
export async function createDistrictUser(db: Db, districtCode: string): Promise<SeededUser> {
  const user = await createUser(db, 'district', null, `Huyện ${districtCode}`);
  await db.insertInto('user_districts').values({ user_id: user.id, district_code: districtCode }).execute();
  return user;
}

/** An enrolment code of `agencyCode`; by default valid for a week and one person. */
export async function createEnrolmentCode(db: Db, agencyCode: string, opts: { maxUses?: number; expiresAt?: string; revoked?: boolean } = {}): Promise<string> {
  const code = generateEnrolmentCode();
  const now = new Date();
  await db
    .insertInto('enrolment_codes')
    .values({
      code,
      agency_code: agencyCode,
      label: null,
      max_uses: opts.maxUses ?? 1,
      used_count: 0,
      created_by: null,
      created_at: now.toISOString(),
      expires_at: opts.expiresAt ?? new Date(now.getTime() + 7 * 86400_000).toISOString(),
      revoked_at: opts.revoked ? now.toISOString() : null,
    })
    .execute();
  return code;
}

export interface SeededStaff {
  id: string;
  token: string;
  auth: Record<string, string>;
  agencyCode: string;
}

/** A civil servant of `agencyCode` enrolled through the real API (code → POST /api/staff/enrol). */
export async function enrolStaff(deps: Pick<TestDeps, 'db' | 'app'>, agencyCode: string, fullName = 'Nguyễn Văn An'): Promise<SeededStaff> {
  return enrolWithCode(deps, await createEnrolmentCode(deps.db, agencyCode), fullName);
}

/** A civil servant enrolled through the real API with a code the agency issued (POST /api/staff/enrol). */
export async function enrolWithCode(deps: Pick<TestDeps, 'app'>, code: string, fullName = 'Nguyễn Văn An'): Promise<SeededStaff> {
  const res = await deps.app.request('/api/staff/enrol', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, fullName, installationId: randomUUID() }),
  });
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; staff: { id: string }; agency: { code: string } };
  return { id: body.staff.id, token: body.token, auth: { Authorization: `Bearer ${body.token}` }, agencyCode: body.agency.code };
}

/** A realistic farm-product order inside the first Lạng Sơn period; override any field. */
export function sampleOrder(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    marketplace: 'voso',
    // Distinct as real orders are: 30.000 codes drawn from 10^9 met twice in some deadline-day runs (a double claim).
    orderCode: `VS${randomInt(2 ** 47)}`,
    placedAt: '2021-08-20T03:15:00Z',
    source: 'detected',
    status: 'placed',
    items: [
      { name: 'Hồi khô Lạng Sơn túi 500g', quantity: 2, unitPrice: 120_000, lineTotal: 240_000, shop: 'HTX Hồi Văn Quan', productUrl: 'https://langson.voso.vn/hoi-kho-p123.html', weightGrams: 500, isFarmProduct: true, excluded: false },
      { name: 'Túi vải', quantity: 1, unitPrice: 30_000, lineTotal: 30_000, shop: 'HTX Hồi Văn Quan', productUrl: null, weightGrams: null, isFarmProduct: false, excluded: false },
    ],
    shippingFee: 20_000,
    discount: 0,
    total: 290_000,
    ...overrides,
  };
}

/** POST a batch of orders with a staff token; returns the parsed answer. */
export async function submitOrders(deps: Pick<TestDeps, 'app'>, staff: SeededStaff, orders: unknown[]) {
  const res = await deps.app.request('/api/staff/orders', { method: 'POST', headers: { ...staff.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ orders }) });
  return { status: res.status, body: (await res.json()) as { results: { clientId: string; status: string; serverId?: string; problem?: { code: string; message: string; field?: string } }[] } };
}
