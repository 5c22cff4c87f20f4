/**
 * A household's quality claims (VietGAP certificate, OCOP stars, traceability code) and where each stands with
 * Sở NN&PTNT (the `agriculture` role): what the kiosk typed arrives unverified; the department verifies it (with
 * the certificate's number, issuing body and expiry as it checked them) or refuses it with a reason. A claim past
 * its expiry is expired on its own, from that day on, with no job to run: the status is worked out from the date.
 */
import { addDays } from '../periods';

export const claimKinds = ['vietgap', 'ocop', 'traceability'] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** What is stored: the department's decision, or none yet. */
export type ClaimDecision = 'unverified' | 'verified' | 'refused';
/** What a claim is today: its decision, or expired once its expiry has passed (a refusal stays a refusal). */
export type ClaimStatus = ClaimDecision | 'expired';
export const claimStatuses: readonly ClaimStatus[] = ['unverified', 'verified', 'refused', 'expired'];

export const claimKindLabels: Record<ClaimKind, string> = { vietgap: 'VietGAP', ocop: 'OCOP', traceability: 'Truy xuất nguồn gốc' };
export const claimStatusLabels: Record<ClaimStatus, string> = {
  unverified: 'Chưa xác minh',
  verified: 'Đã xác minh',
  refused: 'Không xác nhận',
  expired: 'Đã hết hạn',
};

/** Certificates whose expiry is this many days away or fewer are listed for the department to follow up. */
export const expiringWithinDays = 30;

/**
 * The OCOP stars a household may claim, everywhere (the kiosk's choices, the household check on the tablet and the
 * collector, the department's verification): 3 to 5. OCOP scores products from 1 to 5 stars (Quyết định 1048/QĐ-TTg),
 * but only 3 stars and up are recognised, with a certificate and the OCOP mark; 1 or 2 stars is a product still
 * short of the standard, with no certificate to verify and nothing to show a buyer.
 */
export const ocopStarRange = { min: 3, max: 5 } as const;
/** The claimable stars, in order: 3, 4, 5. */
export const ocopStarChoices: readonly number[] = Array.from({ length: ocopStarRange.max - ocopStarRange.min + 1 }, (_, i) => ocopStarRange.min + i);
export const ocopStarsMessage = `Hạng OCOP là ${ocopStarChoices.slice(0, -1).join(', ')} hoặc ${ocopStarChoices.at(-1)} sao.`;
export const isOcopStars = (n: unknown): n is number => typeof n === 'number' && ocopStarChoices.includes(n);

export const claimLimits = { number: 100, issuer: 200, code: 500, reason: 500 } as const;

/** The claim's status on `today` (yyyy-mm-dd, Vietnam): valid through its expiry day, expired the day after. */
export function claimStatus(decision: ClaimDecision, expiresOn: string | null, today: string): ClaimStatus {
  if (decision === 'refused') return 'refused';
  if (expiresOn && expiresOn < today) return 'expired';
  return decision;
}

/** A verified certificate still valid today that expires within `expiringWithinDays` days. */
export function expiresSoon(decision: ClaimDecision, expiresOn: string | null, today: string): boolean {
  return claimStatus(decision, expiresOn, today) === 'verified' && !!expiresOn && expiresOn <= addDays(today, expiringWithinDays);
}

/** The facts a claim must carry before it can be verified; the field and the Vietnamese sentence when one is missing. */
export function missingForVerification(
  kind: ClaimKind,
  c: { number: string | null; issuer: string | null; expiresOn: string | null; stars: number | null },
  today: string,
): { field: string; message: string } | null {
  if (kind === 'vietgap') {
    if (!c.number) return { field: 'number', message: 'Cần số giấy chứng nhận VietGAP.' };
    if (!c.issuer) return { field: 'issuer', message: 'Cần tên tổ chức cấp giấy chứng nhận VietGAP.' };
    if (!c.expiresOn) return { field: 'expiresOn', message: 'Cần ngày hết hạn của giấy chứng nhận VietGAP.' };
  }
  if (kind === 'ocop' && !isOcopStars(c.stars)) return { field: 'stars', message: ocopStarsMessage };
  if (kind === 'traceability' && !c.number) return { field: 'number', message: 'Cần mã truy xuất nguồn gốc.' };
  if (c.expiresOn && c.expiresOn < today) return { field: 'expiresOn', message: 'Giấy chứng nhận đã hết hạn: không xác minh được, chọn "Không xác nhận".' };
  return null;
}
