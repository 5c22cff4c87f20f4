/**
 * Shapes of the agriculture area (server/api/agriculture/): Sở NN&PTNT's queue of household quality claims and its
 * decisions. A claim shows the household only as far as checking a certificate needs: who holds it, where, which
 * shop and products. No phone or ID number, no photo, no officer or tablet.
 */
import * as v from 'valibot';
import { isoDate, typedText } from './fields';
import { claimKinds, claimLimits, claimStatuses, isOcopStars, ocopStarsMessage } from '../quality/claims';

export const claimHouseholdSchema = v.strictObject({
  id: v.string(),
  headName: v.string(),
  village: v.string(),
  communeCode: v.string(),
  communeName: v.string(),
  districtName: v.string(),
  marketplace: v.string(),
  shopName: v.string(),
  shopUrl: v.nullable(v.string()),
  products: v.array(v.strictObject({ category: v.string(), name: v.string() })),
});

/** One claim as the department sees it. `status` is today's (an expired claim says so on its own). */
export const claimViewSchema = v.strictObject({
  id: v.string(),
  kind: v.picklist(claimKinds),
  /** VietGAP certificate number, or the traceability code. */
  number: v.nullable(v.string()),
  issuer: v.nullable(v.string()),
  expiresOn: v.nullable(v.string()),
  stars: v.nullable(v.number()),
  status: v.picklist(claimStatuses),
  refusalReason: v.nullable(v.string()),
  decidedAt: v.nullable(v.string()),
  decidedBy: v.nullable(v.string()),
  /** What the kiosk typed, when the claim came from the kiosk's free text. */
  submitted: v.nullable(v.string()),
  household: claimHouseholdSchema,
});
export type ClaimView = v.InferOutput<typeof claimViewSchema>;

/** GET /api/agriculture/claims and GET /api/agriculture/claims/expiring answers. */
export const claimListSchema = v.strictObject({ today: v.string(), claims: v.array(claimViewSchema) });
export type ClaimList = v.InferOutput<typeof claimListSchema>;

const optionalText = (max: number, message: string) => v.optional(v.nullable(typedText(0, max, message)));

/**
 * POST /api/agriculture/claims/:id/decision body. Verifying records the facts as the department checked them (a
 * field left out keeps what the claim holds); refusing needs the reason the household will be told.
 */
export const claimDecisionRequest = v.variant('decision', [
  v.strictObject({
    decision: v.literal('verified'),
    number: optionalText(claimLimits.code, `Số chứng nhận / mã truy xuất tối đa ${claimLimits.code} ký tự.`),
    issuer: optionalText(claimLimits.issuer, `Tên tổ chức cấp tối đa ${claimLimits.issuer} ký tự.`),
    expiresOn: v.optional(v.nullable(isoDate('Ngày hết hạn theo dạng yyyy-mm-dd.'))),
    stars: v.optional(v.nullable(v.pipe(v.number(ocopStarsMessage), v.check((n: number) => isOcopStars(n), ocopStarsMessage)))),
  }),
  v.strictObject({
    decision: v.literal('refused'),
    reason: typedText(3, claimLimits.reason, `Ghi lý do không xác nhận (3–${claimLimits.reason} ký tự).`),
  }),
]);
export type ClaimDecisionRequest = v.InferOutput<typeof claimDecisionRequest>;
