import { isMarketplace, marketplaceHostOf, type Marketplace } from '../marketplaces/hosts';
import type { ProblemCode } from '../api/problems';
import { checkPhone } from '../vn-phone';
import { checkCitizenId } from '../vn-citizen-id';
import { guideProblem, type GuideKind } from './guide';
import { isOcopStars, ocopStarsMessage } from '../quality/claims';
import { vietnamToday } from '../periods';
import { certificateDetailsFrom, certificateProblems, type CertificateDetails } from './certificate-details';

/**
 * A household as the kiosk sends it (POST /api/kiosk/households). The same checks run on the tablet, as the
 * officer types, and on the collector, so a household the tablet accepts is not refused for a different reason.
 */
export interface SubmittedHousehold extends CertificateDetails {
  clientId: string;
  /**
   * The record code the tablet gave (lib/kiosk/record-code.ts), shown to people; null when it had none to give (a
   * tablet enrolled before codes, still offline). The collector keeps it, or answers with the one it gave instead.
   */
  code?: string | null;
  communeCode: string;
  /** Thôn / bản / khối: free text, suggested from the commune's earlier households. */
  village: string;
  headName: string;
  phone: string;
  idNumber: string;
  marketplace: Marketplace;
  shopName: string;
  /** E-payment account: the marketplace's wallet (PostPay / Viettel Money) or a bank account. */
  payment: 'postpay' | 'viettelmoney' | 'bank';
  hasPaymentAccount: boolean;
  products: { category: string; name: string }[];
  /** The VietGAP certificate number; its issuing body and expiry are in CertificateDetails. */
  vietgap: string | null;
  ocopStars: number | null;
  traceability: string | null;
  notes: string;
  consent: boolean;
  registeredAt: string;
  officerName: string;
  /** Who guided the household (lib/kiosk/guide.ts); absent or null when the tablet did not say. */
  guidedBy?: GuideKind | null;
  /** The leading account, when `guidedBy` is 'leading': one of the commune's (checked by the collector). */
  leadingAccountId?: string | null;
}

export type HouseholdStatus = 'received' | 'shop_opened' | 'payment_opened' | 'products_listed';

export const statusLabels: Record<HouseholdStatus, string> = {
  received: 'Đã nhận hồ sơ',
  shop_opened: 'Đã mở cửa hàng',
  payment_opened: 'Đã mở tài khoản thanh toán',
  products_listed: 'Đã đăng sản phẩm',
};

export { marketplaceHostOf };

export interface FieldProblem {
  field: keyof SubmittedHousehold;
  code: ProblemCode;
  message: string;
  /** Warnings (old CMND, odd VietGAP number) are shown but do not stop sending. */
  warning?: boolean;
}

/**
 * Longest text each field may hold, in characters (after trimming). Generous for real households (the longest
 * Vietnamese full names are under 50 characters), small enough that a tablet cannot fill the collector's disk
 * or the hand-over sheet with one record. The tablet's inputs carry the same limits.
 */
export const householdLimits = {
  village: 100,
  headName: 100,
  shopName: 120,
  officerName: 100,
  vietgap: 100,
  traceability: 500,
  notes: 2000,
  productName: 200,
  productCategory: 40,
  /** Products a household lists at registration; more are added on the marketplace itself. */
  products: 50,
} as const;

/** `registeredAt` earlier than this is a wrong tablet clock or a forged record (the campaign began in 2021). */
const earliestRegistration = Date.parse('2020-01-01T00:00:00Z');
/** A tablet clock a little ahead is tolerated; a day ahead is not. */
const clockSkewMs = 24 * 3600 * 1000;

const tooLong: [Exclude<keyof typeof householdLimits, 'products' | 'productName' | 'productCategory'>, string][] = [
  ['village', 'Tên thôn/bản'],
  ['headName', 'Họ tên chủ hộ'],
  ['shopName', 'Tên cửa hàng'],
  ['officerName', 'Tên cán bộ'],
  ['vietgap', 'Số chứng nhận VietGAP'],
  ['traceability', 'Thông tin truy xuất nguồn gốc'],
  ['notes', 'Ghi chú'],
];

/** An ISO instant (`2021-09-01T02:00:00.000Z`) that exists, within the campaign's years and not in the future. */
export function isRegistrationTime(s: string, now = Date.now()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(s)) return false;
  const t = Date.parse(s);
  // Date.parse rolls 31/02 over to 03/03: the date part must read back the same.
  if (Number.isNaN(t) || new Date(`${s.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) !== s.slice(0, 10)) return false;
  return t >= earliestRegistration && t <= now + clockSkewMs;
}

const required: [keyof SubmittedHousehold, string][] = [
  ['communeCode', 'Chưa chọn xã.'],
  ['village', 'Chưa nhập thôn/bản.'],
  ['headName', 'Chưa nhập họ tên chủ hộ.'],
  ['shopName', 'Chưa nhập tên cửa hàng muốn mở.'],
];

/** Everything wrong with a household, in form order; empty when it may be sent. `today` (Vietnam) flags an expired certificate. */
export function checkHousehold(h: SubmittedHousehold, today = vietnamToday()): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, message] of required) {
    const v = h[field];
    if (typeof v !== 'string' || !v.trim()) out.push({ field, code: '400.52', message });
  }
  const phone = checkPhone(h.phone ?? '');
  if (!phone.ok) out.push({ field: 'phone', code: '400.50', message: phone.message });
  const id = checkCitizenId(h.idNumber ?? '');
  if (!id.ok) out.push({ field: 'idNumber', code: '400.51', message: id.message });
  else if (id.kind === 'cmnd') out.push({ field: 'idNumber', code: '400.51', message: 'CMND cũ 9 số: vẫn nhận, nên đổi sang CCCD.', warning: true });
  if (!isMarketplace(h.marketplace)) out.push({ field: 'marketplace', code: '400.52', message: 'Chưa chọn sàn.' });
  if (!['postpay', 'viettelmoney', 'bank'].includes(h.payment)) out.push({ field: 'payment', code: '400.52', message: 'Chưa chọn loại tài khoản thanh toán.' });
  if (!Array.isArray(h.products) || !h.products.some((p) => p?.name?.trim())) out.push({ field: 'products', code: '400.52', message: 'Chưa nhập sản phẩm nào.' });
  out.push(...certificateProblems(h, today));
  if (h.ocopStars !== null && !isOcopStars(h.ocopStars)) out.push({ field: 'ocopStars', code: '400.52', message: ocopStarsMessage });
  if (h.consent !== true) out.push({ field: 'consent', code: '400.53', message: 'Hộ chưa đồng ý (đánh dấu đồng ý và ký tên).' });
  for (const [field, label] of tooLong) {
    const text = h[field];
    if (typeof text === 'string' && text.length > householdLimits[field]) out.push({ field, code: '400.56', message: `${label} dài quá ${householdLimits[field]} ký tự.` });
  }
  if (Array.isArray(h.products)) {
    if (h.products.length > householdLimits.products) out.push({ field: 'products', code: '400.56', message: `Mỗi hộ ghi tối đa ${householdLimits.products} sản phẩm khi đăng ký.` });
    else if (h.products.some((p) => (p?.name?.length ?? 0) > householdLimits.productName || (p?.category?.length ?? 0) > householdLimits.productCategory))
      out.push({ field: 'products', code: '400.56', message: `Tên sản phẩm dài quá ${householdLimits.productName} ký tự.` });
  }
  const guide = guideProblem(h);
  if (guide) out.push({ field: guide.field, code: '400.56', message: guide.message });
  // Empty: the collector stamps its own time (records queued by older tablets).
  if (h.registeredAt && !isRegistrationTime(h.registeredAt)) out.push({ field: 'registeredAt', code: '400.56', message: 'Ngày đăng ký không hợp lệ (xem lại ngày giờ của máy).' });
  return out;
}

export const blockingProblems = (h: SubmittedHousehold) => checkHousehold(h).filter((p) => !p.warning);

/** Keys two households must not share: the same phone or the same ID number is the same household. */
export function identityKeys(h: Pick<SubmittedHousehold, 'phone' | 'idNumber'>): string[] {
  const keys: string[] = [];
  const phone = checkPhone(h.phone ?? '');
  if (phone.ok) keys.push(`phone:${phone.phone}`);
  const id = checkCitizenId(h.idNumber ?? '');
  if (id.ok) keys.push(`id:${id.id}`);
  return keys;
}

export interface KnownHousehold {
  key: string;
  name: string;
  keys: string[];
}

/** Other households sharing a phone or ID with this one (local records and the last synced roster). */
/** `fieldOf` names the field behind a key; the tablet passes one for hashed keys. Each other household once per field. */
export function findDuplicates(
  keys: string[],
  self: string,
  known: KnownHousehold[],
  fieldOf: (key: string) => 'phone' | 'idNumber' = (k) => (k.startsWith('phone:') ? 'phone' : 'idNumber'),
): { field: 'phone' | 'idNumber'; name: string; key: string }[] {
  const out: { field: 'phone' | 'idNumber'; name: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const k of known) {
    if (k.key === self) continue;
    for (const key of keys) {
      const field = fieldOf(key);
      if (k.keys.includes(key) && !seen.has(`${k.key}|${field}`)) {
        seen.add(`${k.key}|${field}`);
        out.push({ field, name: k.name, key: k.key });
      }
    }
  }
  return out;
}

/** Status from the facts the hand-over brings back. */
export function statusOf(f: { shopUrl: string | null; paymentOpenedAt: string | null; productsListedAt: string | null }): HouseholdStatus {
  if (f.productsListedAt) return 'products_listed';
  if (f.paymentOpenedAt) return 'payment_opened';
  if (f.shopUrl) return 'shop_opened';
  return 'received';
}

/**
 * Control characters (C0 but tab and line breaks, DEL, C1) and the bidirectional overrides that make a name read
 * differently on screen than in the file: never typed by a person, dropped on arrival. One-line fields then fold
 * every run of white space (tab, line break) into one space.
 */
const invisible = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const str = (v: unknown) => (typeof v === 'string' ? v.replace(invisible, '') : '');
const line = (v: unknown) => str(v).normalize('NFC').replace(/\s+/g, ' ').trim();
const optLine = (v: unknown) => line(v) || null;

/** A household from untrusted JSON: wrong types become empty, so the checks name the field instead of crashing. */
export function householdFrom(raw: unknown): SubmittedHousehold {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const products = Array.isArray(r.products) ? r.products : [];
  return {
    clientId: str(r.clientId),
    code: optLine(r.code),
    communeCode: str(r.communeCode),
    village: line(r.village),
    headName: line(r.headName),
    phone: str(r.phone),
    idNumber: str(r.idNumber),
    marketplace: r.marketplace as SubmittedHousehold['marketplace'],
    shopName: line(r.shopName),
    payment: r.payment as SubmittedHousehold['payment'],
    hasPaymentAccount: r.hasPaymentAccount === true,
    products: products
      .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
      .map((p) => ({ category: line(p.category), name: line(p.name) }))
      .filter((p) => p.name),
    vietgap: optLine(r.vietgap),
    ocopStars: typeof r.ocopStars === 'number' ? r.ocopStars : null,
    traceability: optLine(r.traceability),
    ...certificateDetailsFrom(r, line),
    notes: str(r.notes).normalize('NFC').trim(),
    consent: r.consent === true,
    registeredAt: str(r.registeredAt),
    officerName: line(r.officerName),
    // Only when given, so a household from a tablet that never asked hashes as it did before (resends stay repeats).
    ...(r.guidedBy != null && { guidedBy: r.guidedBy as GuideKind }),
    ...((r.guidedBy != null || r.leadingAccountId != null) && { leadingAccountId: (r.leadingAccountId as string | null | undefined) ?? null }),
  };
}
