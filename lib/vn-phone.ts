import rules from './region/lang-son/vn-validation.json' with { type: 'json' };

/** Vietnamese mobile numbers: 10 digits from 0 with a current prefix. "+84 912 345 678" → "0912345678". */
export type PhoneCheck =
  | { ok: true; phone: string; carrier: string }
  | { ok: false; reason: 'empty' | 'format' | 'old-11-digit' | 'prefix'; message: string };

const current = new RegExp(rules.phone.regex);
const carrierByPrefix = new Map(Object.entries(rules.phone.prefixes).flatMap(([carrier, ps]) => ps.map((p) => [p, carrier] as const)));
const converted2018: Record<string, string> = rules.phone.conversion2018;

/** Drops spaces, dots, dashes and brackets; +84/84 → 0. Leaves anything else for the check to judge. */
export function normalisePhone(input: string): string {
  let s = input.replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = '0' + s.slice(3);
  else if (/^84\d{9}$/.test(s)) s = '0' + s.slice(2);
  return s;
}

export function checkPhone(input: string): PhoneCheck {
  const phone = normalisePhone(input);
  if (!phone) return { ok: false, reason: 'empty', message: 'Chưa nhập số điện thoại.' };
  if (/^01\d{9}$/.test(phone)) {
    const now = converted2018[phone.slice(0, 4)];
    const hint = now ? ` Số mới: ${now}${phone.slice(4)}.` : '';
    return { ok: false, reason: 'old-11-digit', message: `Số 11 chữ số đã đổi sang 10 chữ số từ 2018.${hint}` };
  }
  if (!/^0\d{9}$/.test(phone)) return { ok: false, reason: 'format', message: 'Số điện thoại di động phải có 10 chữ số, bắt đầu bằng 0.' };
  if (!current.test(phone)) return { ok: false, reason: 'prefix', message: `Đầu số ${phone.slice(0, 3)} không phải đầu số di động đang dùng.` };
  return { ok: true, phone, carrier: carrierByPrefix.get(phone.slice(0, 3)) ?? 'khác' };
}
