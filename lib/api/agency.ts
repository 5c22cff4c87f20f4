/**
 * Shapes of an agency focal point's calls (server/api/agency/), shared by the collector, which validates requests
 * and answers with them, and the agency dashboard.
 */
import * as v from 'valibot';
import { documentFieldsSchema, intIn, line, note, scopeSchema } from './fields';
import { submittedOrderSchema, submissionStatuses } from './staff';

/** Numbers as lib/tally.ts adds them up. */
export const tallySchema = v.object({
  headcount: v.nullable(v.number()),
  participants: v.number(),
  orders: v.number(),
  farmItems: v.number(),
  quantity: v.number(),
  amountVnd: v.number(),
  grams: v.number(),
  kg: v.number(),
  itemsWithoutWeight: v.number(),
  participationRate: v.nullable(v.number()),
});

/** One line of an agency's figures by sub-unit; `unitId` null is the agency-wide line (lib/vocabulary.ts noUnitName). */
export const unitTallySchema = v.object({ unitId: v.nullable(v.string()), name: v.string(), tally: tallySchema });
export type UnitTally = v.InferOutput<typeof unitTallySchema>;

/** The figures by sub-unit, or null for an agency without sub-units. Its lines add up to the agency's tally. */
const unitTallies = v.nullable(v.array(unitTallySchema));

/** POST /api/agency/enrolment-codes body. */
export const issueCodesRequest = v.object({
  count: v.nullish(intIn(1, 500, 'Từ 1 đến 500.'), 1),
  maxUses: v.nullish(intIn(1, 1000, 'Từ 1 đến 1000.'), 1),
  validDays: v.nullish(intIn(1, 180, 'Từ 1 đến 180.'), 30),
  label: v.pipe(
    v.nullish(v.pipe(v.string(), v.maxLength(120)), null),
    v.transform((s) => (s === null ? null : s.normalize('NFC').trim() || null)),
  ),
  /** A sub-unit of the agency (GET /api/agency/units): whoever enrols with these codes belongs to it. */
  unitId: v.nullish(v.string('Chọn đơn vị trực thuộc.'), null),
});

export const enrolmentCodeSchema = v.object({
  code: v.string(),
  /** "ABCD-EFGH", as printed. */
  display: v.string(),
  label: v.nullable(v.string()),
  maxUses: v.number(),
  usedCount: v.number(),
  createdAt: v.string(),
  expiresAt: v.string(),
  revokedAt: v.nullable(v.string()),
  state: v.picklist(['active', 'expired', 'revoked', 'used-up']),
  /** The sub-unit its people belong to; null: the agency itself. */
  unit: v.nullable(v.object({ id: v.string(), name: v.string() })),
  qrSvg: v.optional(v.string()),
});
export type EnrolmentCodeView = v.InferOutput<typeof enrolmentCodeSchema>;

/** POST and GET /api/agency/enrolment-codes answer; `extensionLinks` from the region pack, for the printed slips. */
export const enrolmentCodeListSchema = v.object({
  codes: v.array(enrolmentCodeSchema),
  extensionLinks: v.object({ chrome: v.optional(v.string()), firefox: v.optional(v.string()) }),
});

/** One person in GET /api/agency/participants. */
export const participantRowSchema = v.object({
  staffId: v.string(),
  fullName: v.string(),
  enrolledAt: v.string(),
  /** When the agency revoked the person (their token stopped; their orders stay), or null. */
  revokedAt: v.nullable(v.string()),
  /** Their sub-unit; null (or absent in reports submitted before sub-units) for the agency itself. */
  unit: v.nullish(v.object({ id: v.string(), name: v.string() })),
  participated: v.boolean(),
  orders: v.number(),
  farmItems: v.number(),
  quantity: v.number(),
  amountVnd: v.number(),
  kg: v.number(),
  /** Orders waiting for the agency's review (claimed twice). */
  awaitingReview: v.number(),
  /** Counted orders the person declared by hand. */
  selfDeclared: v.number(),
});
export type ParticipantRow = v.InferOutput<typeof participantRowSchema>;

/** POST /api/agency/participants/:staffId/revoke answer. */
export const staffRevokeAnswerSchema = v.object({ staffId: v.string(), revokedAt: v.string() });

/** GET /api/agency/participants answer. */
export const participantListSchema = v.object({ scope: scopeSchema, participants: v.array(participantRowSchema) });

/** One item of an order as the agency reviews it: what was sent, what the server decided, the agency's word. */
export const itemReviewSchema = v.object({
  lineNo: v.number(),
  name: v.string(),
  sentAsFarm: v.boolean(),
  serverVerdict: v.boolean(),
  counts: v.boolean(),
  override: v.nullable(v.object({ isFarmProduct: v.boolean(), byName: v.string(), at: v.string(), note: v.string() })),
});
export type ItemReview = v.InferOutput<typeof itemReviewSchema>;

/** A check the collector noted on an order (server/staff/check-order.ts): its code and the sentence for the person. */
export const orderCheckSchema = v.object({ code: v.picklist(['409.13', '422.10', '422.11', '422.12']), message: v.string(), field: v.optional(v.string()) });
export type OrderCheck = v.InferOutput<typeof orderCheckSchema>;

/** An order as the focal point reviews it, with who else claimed the same marketplace order. */
export const agencyOrderSchema = v.object({
  id: v.string(),
  staffId: v.string(),
  fullName: v.string(),
  status: v.picklist(submissionStatuses),
  reason: v.nullable(v.string()),
  counted: v.boolean(),
  source: v.picklist(['detected', 'manual']),
  flagged: v.boolean(),
  review: v.nullable(v.picklist(['counted', 'excluded'])),
  reviewNote: v.nullable(v.string()),
  reviewedAt: v.nullable(v.string()),
  placedOn: v.string(),
  receivedAt: v.string(),
  order: submittedOrderSchema,
  /** Another agency's people are not this agency's business: their name is null. */
  otherClaims: v.array(v.object({ agencyCode: v.string(), agencyName: v.string(), fullName: v.nullable(v.string()) })),
  /** The person attached a photo of the order (GET /api/agency/orders/:id/photo). */
  hasPhoto: v.boolean(),
  /** What the collector's checks noted (holds and verdicts). */
  checks: v.array(orderCheckSchema),
  /** Each item with the classifier's verdict and the agency's word, if any. */
  items: v.array(itemReviewSchema),
});
export type AgencyOrderView = v.InferOutput<typeof agencyOrderSchema>;

/** GET /api/agency/participants/:staffId/orders and GET /api/agency/review answer. */
export const agencyOrderListSchema = v.object({ orders: v.array(agencyOrderSchema) });

/** GET /api/agency/review query. */
export const reviewQuery = v.object({ kind: v.optional(v.picklist(['pending', 'flagged', 'manual', 'reviewed', 'checked']), 'pending'), period: v.optional(v.string()) });

/** POST /api/agency/review/:orderId/items/:lineNo body: the agency's word on one item, with why. */
export const itemOverrideRequest = v.object({
  isFarmProduct: v.boolean('Chọn "là nông sản" hoặc "không phải nông sản".'),
  note: v.pipe(line('Lý do', 500), v.minLength(1, 'Cần ghi lý do để người mua và Sở biết vì sao.')),
});
export type ItemOverride = v.InferInput<typeof itemOverrideRequest>;

/** POST /api/agency/review/:orderId/items/:lineNo answer: the order's items. */
export const itemReviewListSchema = v.object({ items: v.array(itemReviewSchema) });

/** POST /api/agency/review/:orderId body; a note is required to exclude (checked by the route: it names `note`). */
export const reviewRequest = v.object({
  decision: v.picklist(['counted', 'excluded'], 'Chọn "counted" (tính) hoặc "excluded" (không tính).'),
  note: v.pipe(v.nullish(v.string()), v.transform((s) => (typeof s === 'string' ? s.normalize('NFC').trim().slice(0, 500) : ''))),
});

/** POST /api/agency/reports body (the numbers come from the collector, never from the request). */
export const submitReportRequest = v.object({ periodId: v.string('Chọn đợt báo cáo.'), note: note(1000), ...documentFieldsSchema.entries });

export const reportSummarySchema = v.object({
  id: v.string(),
  agencyCode: v.string(),
  periodId: v.string(),
  version: v.number(),
  tally: tallySchema,
  note: v.nullable(v.string()),
  submittedBy: v.object({ id: v.string(), fullName: v.string() }),
  submittedAt: v.string(),
  late: v.boolean(),
});
export type ReportSummary = v.InferOutput<typeof reportSummarySchema>;

/** POST /api/agency/reports and GET /api/agency/reports/:id answer: the report with its participants. */
export const reportSchema = v.object({ ...reportSummarySchema.entries, participants: v.array(participantRowSchema), units: unitTallies });
export type AgencyReport = v.InferOutput<typeof reportSchema>;

/** GET /api/agency/reports answer. */
export const reportListSchema = v.object({ reports: v.array(reportSummarySchema) });

/** GET /api/agency/tally answer. */
export const agencyTallySchema = v.object({ scope: scopeSchema, tally: tallySchema, units: unitTallies, report: v.nullable(reportSummarySchema) });

/** PUT /api/agency/headcount body: the agency's Tổng số CB, CC, VC, NLĐ (kể cả cấp xã). */
export const headcountRequest = v.object({ headcount: intIn(1, 100_000, 'Tổng số CB, CC, VC, NLĐ là số nguyên từ 1 đến 100.000.') });

/** GET and PUT /api/agency/headcount answer; `locked` once the province has locked it. */
export const headcountSchema = v.object({ headcount: v.nullable(v.number()), locked: v.boolean() });
export type Headcount = v.InferOutput<typeof headcountSchema>;
