/**
 * What the kiosk may note from a household's certificates besides the VietGAP number (issue 13, item 5): the issuing
 * body and the expiry printed on the VietGAP certificate, and the traceability code as printed on the certificate or
 * the stamp. All optional and unverified: they reach Sở NN&PTNT on the household's claims, pre-filled for its check
 * (server/quality/claims.ts). Tablets from before these fields never send them, and a household without them is
 * read (and hashed) exactly as before, so a resend from an old or an upgraded tablet stays a repeat.
 */
import { isRealDate } from '../api/fields';
import type { ProblemCode } from '../api/problems';
import { formatDate, parseDate } from '../format';
import { claimLimits } from '../quality/claims';

export interface CertificateDetails {
  /** Tổ chức chứng nhận, as printed on the VietGAP certificate. */
  vietgapIssuer?: string | null;
  /**
   * The certificate's last valid day, yyyy-mm-dd. While what the officer typed is not a real day it holds that text,
   * so nothing typed is lost; the checks refuse it until it is corrected.
   */
  vietgapExpiresOn?: string | null;
  /** Mã truy xuất nguồn gốc, exactly as printed; `traceability` keeps the officer's free description beside it. */
  traceabilityCode?: string | null;
}

const detailFields = ['vietgapIssuer', 'vietgapExpiresOn', 'traceabilityCode'] as const;

export const certificateLimits = { vietgapIssuer: claimLimits.issuer, traceabilityCode: claimLimits.code } as const;

/** Said on the kiosk too, where "dd/mm/yyyy" is not a word officers read (tests/e2e/kiosk-screens.spec.ts). */
export const expiryFormatMessage = 'Ngày hết hạn không đúng: ghi một ngày có thật, ngày/tháng/năm, ví dụ 30/06/2027.';

/** dd/mm/yyyy as typed (dots or dashes between the parts are read as slashes) → yyyy-mm-dd, or null when it is no real day. */
export const parseExpiry = (text: string): string | null => parseDate(text.trim().replace(/\s*[./-]\s*/g, '/'));

/** The stored value for what the officer typed: the day when it is one, otherwise the text itself; empty → null. */
export const expiryFromInput = (text: string): string | null => (text.trim() ? (parseExpiry(text) ?? text) : null);

/** What the expiry input shows for a stored value: dd/mm/yyyy for a day, the officer's own text otherwise. */
export const expiryForInput = (stored: string | null | undefined): string => (!stored ? '' : isRealDate(stored) ? formatDate(stored) : stored);

export interface CertificateProblem {
  field: keyof CertificateDetails | 'vietgap';
  code: ProblemCode;
  message: string;
  warning?: boolean;
}

/**
 * What is wrong with the details, in form order. A certificate already past its expiry is kept (the officer records
 * what the household holds) with a warning, so the officer knows the department will not verify it as it is.
 */
export function certificateProblems(h: CertificateDetails & { vietgap: string | null }, today: string): CertificateProblem[] {
  const out: CertificateProblem[] = [];
  if (!h.vietgap?.trim() && (h.vietgapIssuer || h.vietgapExpiresOn))
    out.push({ field: 'vietgap', code: '400.52', message: 'Đã ghi tổ chức cấp hoặc ngày hết hạn: cần ghi cả số chứng nhận VietGAP.' });
  if (typeof h.vietgapIssuer === 'string' && h.vietgapIssuer.length > certificateLimits.vietgapIssuer)
    out.push({ field: 'vietgapIssuer', code: '400.56', message: `Tên tổ chức cấp dài quá ${certificateLimits.vietgapIssuer} ký tự.` });
  const expiry = h.vietgapExpiresOn;
  if (expiry && !isRealDate(expiry)) out.push({ field: 'vietgapExpiresOn', code: '400.56', message: expiryFormatMessage });
  else if (expiry && expiry < today)
    out.push({
      field: 'vietgapExpiresOn',
      code: '400.56',
      message: `Giấy chứng nhận đã hết hạn (hạn đến ${formatDate(expiry)}). Vẫn ghi lại được, nhưng Sở NN&PTNT chỉ xác minh giấy còn hạn.`,
      warning: true,
    });
  if (typeof h.traceabilityCode === 'string' && h.traceabilityCode.length > certificateLimits.traceabilityCode)
    out.push({ field: 'traceabilityCode', code: '400.56', message: `Mã truy xuất nguồn gốc dài quá ${certificateLimits.traceabilityCode} ký tự.` });
  return out;
}

/**
 * The details from untrusted JSON, each only when it holds text (`line` cleans it as the household's other one-line
 * fields are cleaned): an absent, null or empty field is left out, so the household reads as an old tablet's would.
 */
export function certificateDetailsFrom(r: Record<string, unknown>, line: (v: unknown) => string): CertificateDetails {
  const out: CertificateDetails = {};
  for (const field of detailFields) {
    const text = line(r[field]);
    if (text) out[field] = text;
  }
  return out;
}

/** The VietGAP certificate as the kiosk noted it, in one line: "VietGAP-TT-13-09-20-0096, cấp bởi QUACERT, hạn đến 30/06/2027". */
export function vietgapAsNoted(h: CertificateDetails & { vietgap: string | null }): string | null {
  if (!h.vietgap) return null;
  const expiry = h.vietgapExpiresOn && isRealDate(h.vietgapExpiresOn) ? `hạn đến ${formatDate(h.vietgapExpiresOn)}` : null;
  return [h.vietgap, h.vietgapIssuer && `cấp bởi ${h.vietgapIssuer}`, expiry].filter(Boolean).join(', ');
}

/** The traceability facts as the kiosk noted them, in one line: the officer's description, then the printed code. */
export function traceabilityAsNoted(h: CertificateDetails & { traceability: string | null }): string | null {
  return [h.traceability, h.traceabilityCode && `mã ${h.traceabilityCode}`].filter(Boolean).join(', ') || null;
}

/** Only the details noted (a household from an old tablet has none). */
export function certificateDetailsOf(h: CertificateDetails): CertificateDetails {
  const out: CertificateDetails = {};
  for (const field of detailFields) if (h[field]) out[field] = h[field];
  return out;
}
