import { isMarketplace, marketplaceHostOf, type Marketplace } from '../marketplaces/hosts';
import type { ProblemCode } from '../api/problems';
import { checkPhone } from '../vn-phone';
import { checkCitizenId } from '../vn-citizen-id';

/**
 * A household as the kiosk sends it (POST /api/kiosk/households). The same checks run on the tablet, as the
 * officer types, and on the collector, so a household the tablet accepts is not refused for a different reason.
 */
export interface SubmittedHousehold {
  clientId: string;
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
  vietgap: string | null;
  ocopStars: number | null;
  traceability: string | null;
  notes: string;
  consent: boolean;
  registeredAt: string;
  officerName: string;
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

const required: [keyof SubmittedHousehold, string][] = [
  ['communeCode', 'Chưa chọn xã.'],
  ['village', 'Chưa nhập thôn/bản.'],
  ['headName', 'Chưa nhập họ tên chủ hộ.'],
  ['shopName', 'Chưa nhập tên cửa hàng muốn mở.'],
];

/** Everything wrong with a household, in form order; empty when it may be sent. */
export function checkHousehold(h: SubmittedHousehold): FieldProblem[] {
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
  if (h.ocopStars !== null && ![3, 4, 5].includes(h.ocopStars)) out.push({ field: 'ocopStars', code: '400.52', message: 'Hạng OCOP là 3, 4 hoặc 5 sao.' });
  if (h.consent !== true) out.push({ field: 'consent', code: '400.53', message: 'Hộ chưa đồng ý (đánh dấu đồng ý và ký tên).' });
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

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const optStr = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A household from untrusted JSON: wrong types become empty, so the checks name the field instead of crashing. */
export function householdFrom(raw: unknown): SubmittedHousehold {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const products = Array.isArray(r.products) ? r.products : [];
  return {
    clientId: str(r.clientId),
    communeCode: str(r.communeCode),
    village: str(r.village).normalize('NFC').trim(),
    headName: str(r.headName).normalize('NFC').trim().replace(/\s+/g, ' '),
    phone: str(r.phone),
    idNumber: str(r.idNumber),
    marketplace: r.marketplace as SubmittedHousehold['marketplace'],
    shopName: str(r.shopName).normalize('NFC').trim(),
    payment: r.payment as SubmittedHousehold['payment'],
    hasPaymentAccount: r.hasPaymentAccount === true,
    products: products
      .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
      .map((p) => ({ category: str(p.category), name: str(p.name).normalize('NFC').trim() }))
      .filter((p) => p.name),
    vietgap: optStr(r.vietgap),
    ocopStars: typeof r.ocopStars === 'number' ? r.ocopStars : null,
    traceability: optStr(r.traceability)?.normalize('NFC') ?? null,
    notes: str(r.notes).normalize('NFC').trim(),
    consent: r.consent === true,
    registeredAt: str(r.registeredAt),
    officerName: str(r.officerName).normalize('NFC').trim(),
  };
}
