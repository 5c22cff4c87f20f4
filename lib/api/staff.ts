/**
 * Shapes of the extension's calls (server/api/staff/, and its public enrolment and adapter rules), shared by the
 * collector, which validates requests and answers with them, and the extension.
 */
import * as v from 'valibot';
import { marketplaceHostList, marketplaceOf, marketplaces } from '../marketplaces/hosts';
import { clientId, itemProblemSchema, typedText } from './fields';
import { periodSchema } from './public';

/** One item of an order as the extension submits it. */
export const submittedItemSchema = v.object({
  name: v.string(),
  quantity: v.number(),
  unitPrice: v.number(),
  lineTotal: v.number(),
  shop: v.nullable(v.string()),
  productUrl: v.nullable(v.string()),
  weightGrams: v.nullable(v.number()),
  isFarmProduct: v.boolean(),
  /** The person said "không tính" for this item. */
  excluded: v.boolean(),
});
export type SubmittedItem = v.InferOutput<typeof submittedItemSchema>;

/**
 * One order as the extension submits it and the collector gives it back. The collector judges each order of a
 * batch on its own with the business limits (server/staff/validate-order.ts: 400.10 naming the field).
 */
export const submittedOrderSchema = v.object({
  clientId: v.string(),
  marketplace: v.picklist(marketplaces),
  orderCode: v.nullable(v.string()),
  placedAt: v.nullable(v.string()),
  source: v.picklist(['detected', 'manual']),
  status: v.picklist(['placed', 'cancelled']),
  items: v.array(submittedItemSchema),
  shippingFee: v.nullable(v.number()),
  discount: v.nullable(v.number()),
  total: v.nullable(v.number()),
});
export type SubmittedOrder = v.InferOutput<typeof submittedOrderSchema>;

/** POST /api/staff/orders body: 1–100 orders, each checked on its own (so one bad order does not sink the batch). */
export const submitOrdersRequest = v.object({
  orders: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(100, '400.12')),
});

export const submissionStatuses = ['accepted', 'flagged', 'rejected', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissionResultSchema = v.object({
  clientId: v.string(),
  status: v.picklist(submissionStatuses),
  serverId: v.optional(v.string()),
  /**
   * Why the agency or the collector refused it (rejected), holds it for review (flagged: 409.13, 422.10, 422.11),
   * or counted an item otherwise than sent (accepted: 422.12); the message ends with its code.
   */
  problem: v.optional(itemProblemSchema),
});
export type SubmissionResult = v.InferOutput<typeof submissionResultSchema>;

/** POST /api/staff/orders answer. */
export const submitOrdersAnswerSchema = v.object({ results: v.array(submissionResultSchema) });
export type SubmitOrdersResponse = v.InferOutput<typeof submitOrdersAnswerSchema>;

/** One of my orders as the collector holds it (GET /api/staff/orders). */
export const staffOrderViewSchema = v.object({
  clientId: v.string(),
  serverId: v.string(),
  status: v.picklist(submissionStatuses),
  /** Why it is flagged or was not counted, in Vietnamese. */
  reason: v.optional(v.string()),
  /** Why it is held or refused, with its numbered code (lib/decision.ts reads it). */
  problem: v.optional(itemProblemSchema),
  /** The agency's review: null until a focal point decides; its note says why it excluded the order. */
  review: v.nullable(v.picklist(['counted', 'excluded'])),
  reviewNote: v.nullable(v.string()),
  /** Whether the agency's figures count this order now. */
  counted: v.boolean(),
  order: submittedOrderSchema,
  receivedAt: v.string(),
});
export type StaffOrderView = v.InferOutput<typeof staffOrderViewSchema>;

/** GET /api/staff/orders answer. */
export const staffOrdersAnswerSchema = v.object({ orders: v.array(staffOrderViewSchema) });
export type StaffOrdersResponse = v.InferOutput<typeof staffOrdersAnswerSchema>;

/** DELETE /api/staff/orders/:clientId answer. */
export const withdrawAnswerSchema = v.object({ clientId: v.string(), status: v.literal('withdrawn') });

/** PUT /api/staff/orders/:clientId/photo answer: the photo of a self-declared order, as evidence for the agency. */
export const staffOrderPhotoAnswerSchema = v.object({ clientId: v.string(), size: v.number() });

/** GET /api/rules: adapter rules as data, the newest version the province uploaded (checked by lib/marketplaces/rules.ts). */
export const rulesAnswerSchema = v.object({
  version: v.number(),
  sites: v.record(v.picklist(marketplaces), v.record(v.string(), v.unknown())),
  uploadedAt: v.string(),
});
export type RulesResponse = v.InferOutput<typeof rulesAnswerSchema>;

/** GET /api/enrolment-codes/:code — shown to the person to confirm before enrolling. */
export const enrolmentCodePreviewSchema = v.object({
  agency: v.object({ code: v.string(), name: v.string() }),
  /** The agency's sub-unit the person will belong to; null for the agency itself (optional for older collectors). */
  unit: v.nullish(v.object({ id: v.string(), name: v.string() })),
  expiresAt: v.string(),
});
export type EnrolmentCodePreview = v.InferOutput<typeof enrolmentCodePreviewSchema>;

/** POST /api/staff/enrol body. `code` may be typed with spaces, dashes, any case. */
export const staffEnrolRequest = v.object({
  code: v.string(),
  fullName: typedText(2, 120, 'Họ và tên cần 2–120 ký tự.'),
  /** A random id the extension keeps for its installation; enrolling again from it keeps the same person. */
  installationId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,100}$/)),
});
export type EnrolRequest = v.InferInput<typeof staffEnrolRequest>;

/** GET /api/staff/me; POST /api/staff/enrol adds the token. */
export const staffMeSchema = v.object({
  staff: v.object({ id: v.string(), fullName: v.string() }),
  agency: v.object({ code: v.string(), name: v.string() }),
  periods: v.array(periodSchema),
});
export type StaffMe = v.InferOutput<typeof staffMeSchema>;

/** POST /api/staff/enrol answer. */
export const enrolAnswerSchema = v.object({ ...staffMeSchema.entries, token: v.string(), expiresAt: v.nullable(v.string()) });
export type EnrolResponse = v.InferOutput<typeof enrolAnswerSchema>;


export const pageTypes = ['product', 'cart', 'checkout', 'order-confirmation', 'order-detail', 'order-list', 'other'] as const;

const maxStructureChars = 256 * 1024;

const onlyMarketplaces = `Chỉ nhận trang của các sàn ${marketplaceHostList}.`;

/**
 * POST /api/page-reports body ("Báo trang lỗi"): page structure with personal data stripped. Every refusal is
 * 400.14 with the sentence below. As stored: the URL without query and fragment, the structure as JSON text.
 */
export const pageReportRequest = v.object({
  clientId: clientId('Mã gửi không hợp lệ.'),
  url: v.pipe(
    v.string(onlyMarketplaces),
    v.check((u) => marketplaceOf(u) !== null, onlyMarketplaces),
    v.transform((u) => {
      const url = new URL(u);
      return `${url.origin}${url.pathname}`;
    }),
  ),
  pageType: v.picklist(pageTypes, `Loại trang phải là một trong: ${pageTypes.join(', ')}.`),
  structure: v.pipe(
    v.custom<object>((x) => typeof x === 'object' && x !== null, 'Thiếu cấu trúc trang.'),
    v.transform((x) => JSON.stringify(x)),
    v.maxLength(maxStructureChars, 'Cấu trúc trang quá 256 KB.'),
  ),
  extensionVersion: v.pipe(v.string('Thiếu phiên bản tiện ích.'), v.maxLength(40, 'Thiếu phiên bản tiện ích.')),
  rulesVersion: v.pipe(
    v.nullish(v.union([v.string(), v.number()]), null),
    v.transform((x) => (x === null ? null : String(x).slice(0, 40))),
  ),
  note: v.pipe(
    v.nullish(v.pipe(v.string('Ghi chú tối đa 1000 ký tự.'), v.maxLength(1000, 'Ghi chú tối đa 1000 ký tự.')), null),
    v.transform((s) => (s === null ? null : s.normalize('NFC').trim() || null)),
  ),
});
export type PageReport = v.InferInput<typeof pageReportRequest>;

/** POST /api/page-reports answer. */
export const pageReportAnswerSchema = v.object({ id: v.string() });
