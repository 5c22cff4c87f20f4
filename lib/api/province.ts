/**
 * Shapes of the province's calls (server/api/province/), shared by the collector, which validates requests and
 * answers with them, and the province dashboard.
 */
import * as v from 'valibot';
import { clientId, documentFieldsSchema, documentFieldsOutput, intIn, isoDate, scopeSchema, typedText } from './fields';
import { marketplaceOf } from '../marketplaces/hosts';
import { periodSchema } from './public';
import { tallySchema } from './agency';
import { roles } from './public';
import { rulesFromCollector } from '../marketplaces/rules';

export const reportStates = ['submitted', 'late', 'not-yet'] as const;
export type ReportState = (typeof reportStates)[number];

/** One agency in GET /api/province/rollup. */
export const rollupAgencySchema = v.object({
  code: v.string(),
  name: v.string(),
  group: v.string(),
  active: v.boolean(),
  /** What counts: the newest submitted report's numbers, zeros when none (live numbers for a month). */
  tally: tallySchema,
  /** Live numbers from the orders received ("chưa nộp / tạm tính"). */
  live: tallySchema,
  /** The agency's report for the period: on time when its first version was; the newest version's numbers. */
  report: v.object({ state: v.picklist(reportStates), overdue: v.boolean(), id: v.nullable(v.string()), version: v.nullable(v.number()), submittedAt: v.nullable(v.string()), tally: v.nullable(tallySchema) }),
});
export type RollupAgency = v.InferOutput<typeof rollupAgencySchema>;

/** GET /api/province/rollup answer. */
export const rollupSchema = v.object({
  scope: scopeSchema,
  provinceHeadcount: v.number(),
  agencies: v.array(rollupAgencySchema),
  /** 'submitted' for a period; 'live' for a month, which has no reports of its own. */
  basis: v.picklist(['submitted', 'live']),
  /** Totals of `tally` (the submitted reports for a period); participation against the province's headcount (28,385). */
  totals: tallySchema,
  /** Totals of the live numbers ("chưa nộp / tạm tính"). */
  liveTotals: tallySchema,
  counts: v.object({ submitted: v.number(), late: v.number(), 'not-yet': v.number(), overdue: v.number() }),
});
export type Rollup = v.InferOutput<typeof rollupSchema>;

export const agencySchema = v.object({
  code: v.string(),
  name: v.string(),
  kind: v.string(),
  group: v.string(),
  districtCode: v.nullable(v.string()),
  headcount: v.nullable(v.number()),
  /** Locked by the province: the agency can no longer change its headcount. */
  headcountLocked: v.boolean(),
  active: v.boolean(),
  enrolledStaff: v.number(),
  focalPoints: v.number(),
});
export type AgencyView = v.InferOutput<typeof agencySchema>;

/** GET /api/province/agencies answer. */
export const agencyListSchema = v.object({ agencies: v.array(agencySchema) });

/** PATCH /api/province/agencies/:code body. */
export const agencyPatchRequest = v.object({
  name: v.optional(typedText(2, 200, 'Tên cơ quan cần 2–200 ký tự.')),
  headcount: v.optional(v.nullable(intIn(0, 100_000, 'Tổng số CB, CC, VC, NLĐ là số nguyên từ 0 đến 100.000, hoặc để trống.'))),
  headcountLocked: v.optional(v.boolean('Khóa là có hoặc không.')),
  active: v.optional(v.boolean()),
});

export const communeCodesMessage = 'Chọn từ 1 đến 50 xã, phường, thị trấn.';
/** A commune officer's communes (required for an officer; the collector checks each code exists). */
const communeCodes = v.pipe(v.array(v.string(), communeCodesMessage), v.minLength(1, communeCodesMessage), v.maxLength(50, communeCodesMessage));
const fullName = typedText(2, 120, 'Họ và tên cần 2–120 ký tự.');
/** How strong a password must be is the collector's rule (server/auth/passwords.ts); here only that it is text. */
const password = v.string('Thiếu mật khẩu.');

/** POST /api/province/users body. */
export const newUserRequest = v.object({
  username: v.pipe(
    v.string('Tên đăng nhập cần 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.'),
    v.transform((s) => s.trim().toLowerCase()),
    v.regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập cần 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.'),
  ),
  fullName,
  role: v.picklist(roles),
  password,
  agencyCode: v.nullish(v.string()),
  /** A district account's district. */
  districtCode: v.nullish(v.string()),
  /** Only an officer's count (1–50, checked by the collector for that role); the dashboard sends [] for the others. */
  communeCodes: v.optional(v.array(v.string(), communeCodesMessage)),
});

/** PATCH /api/province/users/:id body. */
export const userPatchRequest = v.object({
  fullName: v.optional(fullName),
  password: v.optional(password),
  communeCodes: v.optional(communeCodes),
  disabled: v.optional(v.boolean()),
});

export const userSchema = v.object({
  id: v.string(),
  username: v.string(),
  fullName: v.string(),
  role: v.picklist(roles),
  agencyCode: v.nullable(v.string()),
  /** The agency's full name, shown instead of its code. */
  agencyName: v.nullable(v.string()),
  communeCodes: v.array(v.string()),
  /** A district account's district. */
  districtCode: v.nullable(v.string()),
  createdAt: v.string(),
  disabled: v.boolean(),
});
export type UserView = v.InferOutput<typeof userSchema>;

/** GET /api/province/users answer. */
export const userListSchema = v.object({ users: v.array(userSchema) });

const periodName = typedText(2, 120, 'Tên đợt cần 2–120 ký tự.');

/** POST /api/province/periods body (start ≤ end and report due ≥ start are checked together by the route). */
export const newPeriodRequest = v.object({
  id: v.pipe(v.string('Mã đợt 3–40 ký tự: chữ thường không dấu, số, gạch.'), v.regex(/^[a-z0-9-]{3,40}$/, 'Mã đợt 3–40 ký tự: chữ thường không dấu, số, gạch.')),
  name: periodName,
  startsOn: isoDate(),
  endsOn: isoDate(),
  reportDue: isoDate(),
});

/** PATCH /api/province/periods/:id body. */
export const periodPatchRequest = v.partial(v.omit(newPeriodRequest, ['id']));

export { periodSchema };

/** PATCH /api/province/communes/:code body and answer. */
export const communePatchRequest = v.object({
  householdCount: v.nullable(intIn(0, 1_000_000, 'Số hộ là số nguyên từ 0 đến 1.000.000, hoặc để trống nếu chưa rõ.')),
});
export const communePatchAnswerSchema = v.object({ code: v.string(), householdCount: v.nullable(v.number()) });

/** PATCH /api/province/districts/:code body and answer. */
export const districtPatchRequest = v.object({
  signupDeadline: v.nullable(isoDate('Hạn là một ngày có thật dạng yyyy-mm-dd, hoặc để trống.')),
});
export const districtPatchAnswerSchema = v.object({ code: v.string(), signupDeadline: v.nullable(v.string()) });

/** GET /api/province/charts answer. */
export const chartsSchema = v.object({
  byAgency: v.array(v.object({ code: v.string(), name: v.string(), participants: v.number(), participationRate: v.nullable(v.number()), amountVnd: v.number(), kg: v.number() })),
  byDay: v.array(v.object({ date: v.string(), orders: v.number(), participants: v.number(), amountVnd: v.number(), kg: v.number() })),
  dailyKgTarget: v.number(),
  averageKgPerDay: v.number(),
});
export type Charts = v.InferOutput<typeof chartsSchema>;

/** GET /api/province/most-bought-shops query and answer: the shops staff bought from most ("cửa hàng được cán bộ mua nhiều"). */
export const mostBoughtShopsQuery = v.object({
  by: v.optional(v.picklist(['amount', 'quantity', 'kg']), 'amount'),
  limit: v.optional(v.string()),
  period: v.optional(v.string()),
  month: v.optional(v.string()),
});
export const shopRowSchema = v.object({ shop: v.string(), buyers: v.number(), orders: v.number(), quantity: v.number(), amountVnd: v.number(), kg: v.number() });
export type ShopRow = v.InferOutput<typeof shopRowSchema>;
export const mostBoughtShopsSchema = v.object({ shops: v.array(shopRowSchema) });

/** An active agency with no participant yet. */
export const notStartedAgencySchema = v.object({ code: v.string(), name: v.string(), headcount: v.nullable(v.number()), enrolledStaff: v.number(), codesIssued: v.number() });
export type NotStarted = v.InferOutput<typeof notStartedAgencySchema>;

/** GET /api/province/not-started answer. */
export const notStartedSchema = v.object({ agencies: v.array(notStartedAgencySchema) });

/** Why the extension could not read these rules, or null; also each site's rules filed under its own name. */
const rulesProblem = (sites: Record<string, unknown>) => {
  const read = rulesFromCollector({ version: 0, sites });
  if (!read.ok) return read.error;
  const misfiled = Object.keys(sites).find((name, i) => read.rules.sites[i].marketplace !== name);
  return misfiled === undefined ? null : `sites.${misfiled}: quy tắc của sàn khác`;
};

/**
 * PUT /api/province/rules body. `sites` is read exactly as the extension reads what GET /api/rules serves
 * (lib/marketplaces/rules.ts), so the collector never accepts rules the extension would reject.
 */
export const rulesUploadRequest = v.object({
  sites: v.pipe(
    v.record(v.string(), v.unknown(), 'Trường "sites" phải là một đối tượng { voso, postmart }.'),
    v.check((sites) => Object.keys(sites).length > 0, 'Cần quy tắc cho ít nhất một sàn.'),
    v.check((sites) => rulesProblem(sites) === null, (issue) => rulesProblem(issue.input as Record<string, unknown>) ?? ''),
  ),
  version: v.optional(v.number('Số phiên bản phải là số nguyên.')),
});
export const rulesUploadAnswerSchema = v.object({ version: v.number(), uploadedAt: v.string() });

export const pageReportRowSchema = v.object({
  id: v.string(),
  url: v.string(),
  pageType: v.string(),
  agencyCode: v.string(),
  extensionVersion: v.string(),
  rulesVersion: v.nullable(v.string()),
  note: v.nullable(v.string()),
  receivedAt: v.string(),
});
/** GET /api/province/page-reports answer. */
export const pageReportListSchema = v.object({ reports: v.array(pageReportRowSchema) });
/** GET /api/province/page-reports/:id answer. */
export const pageReportDetailSchema = v.object({ ...pageReportRowSchema.entries, structure: v.unknown() });

/** GET and PUT /api/province/periods/:id/limits: above either, a person's orders in the period wait for review. */
export const periodLimitsSchema = v.object({
  maxOrdersPerPerson: v.pipe(v.number('Số đơn tối đa phải là số.'), v.integer('Số đơn tối đa phải là số nguyên.'), v.minValue(1, 'Số đơn tối đa ít nhất là 1.'), v.maxValue(10_000, 'Số đơn tối đa không quá 10.000.')),
  maxAmountPerPerson: v.pipe(v.number('Số tiền tối đa phải là số.'), v.integer('Số tiền tối đa là số đồng nguyên.'), v.minValue(1, 'Số tiền tối đa ít nhất 1 ₫.'), v.maxValue(10_000_000_000, 'Số tiền tối đa không quá 10 tỷ ₫.')),
});
export type PeriodLimits = v.InferInput<typeof periodLimitsSchema>;

/** POST /api/province/reports body. */
export const provinceReportRequest = v.object({ periodId: v.string('Chọn đợt báo cáo.'), ...documentFieldsSchema.entries });
export type ProvinceReportRequest = v.InferInput<typeof provinceReportRequest>;

/**
 * Sở TT&TT's báo cáo tổng hợp: a versioned snapshot of every agency's newest submitted report for a period (an
 * agency that has not reported is in it with zeros and its state), the province headcount and totals.
 */
export const provinceSnapshotSchema = v.object({
  period: v.object({ id: v.string(), name: v.string(), startsOn: v.string(), endsOn: v.string() }),
  provinceHeadcount: v.number(),
  agencies: v.array(
    v.object({ code: v.string(), name: v.string(), group: v.string(), state: v.picklist(reportStates), reportId: v.nullable(v.string()), version: v.nullable(v.number()), submittedAt: v.nullable(v.string()), tally: tallySchema }),
  ),
  totals: tallySchema,
  counts: v.object({ submitted: v.number(), late: v.number(), 'not-yet': v.number() }),
});
export type ProvinceSnapshot = v.InferOutput<typeof provinceSnapshotSchema>;

const provinceReportFields = { id: v.string(), periodId: v.string(), version: v.number(), createdAt: v.string(), createdBy: v.string(), document: documentFieldsOutput };

/** POST /api/province/reports and GET /api/province/reports/:id answer. */
export const provinceReportSchema = v.object({ ...provinceReportFields, snapshot: provinceSnapshotSchema });
export type ProvinceReport = v.InferOutput<typeof provinceReportSchema>;

/** GET /api/province/reports answer (without the snapshots). */
export const provinceReportListSchema = v.object({ reports: v.array(v.object(provinceReportFields)) });

/** POST /api/province/leading-accounts body: Sở TT&TT nominates a person or household with a shop ("tài khoản đầu tàu"). */
export const leadingAccountRequest = v.object({
  /** Made by the dashboard: the same nomination sent again is answered as before (idempotent). */
  id: clientId('Mã đề cử không hợp lệ.'),
  name: typedText(2, 120, 'Tên người hoặc hộ cần 2–120 ký tự.'),
  communeCode: v.string('Chọn xã.'),
  shopUrl: v.pipe(
    v.string('400.81'),
    v.transform((s) => s.trim()),
    v.maxLength(500, '400.81'),
    v.check((s) => /^https?:\/\//i.test(s) && marketplaceOf(s) !== null, '400.81'),
  ),
  reason: typedText(5, 1000, 'Lý do chọn cần 5–1.000 ký tự.'),
});
export type LeadingAccountRequest = v.InferInput<typeof leadingAccountRequest>;

/** One leading account as the province sees it, with its spread (households the kiosk recorded as guided by it). */
export const leadingAccountSchema = v.object({
  id: v.string(),
  name: v.string(),
  communeCode: v.string(),
  communeName: v.string(),
  districtName: v.string(),
  shopUrl: v.string(),
  reason: v.string(),
  nominatedAt: v.string(),
  /** When the province retired it (no longer offered on the tablets; its households still count), or null. */
  retiredAt: v.nullable(v.string()),
  households: v.number(),
  /** Of those households, the ones with a shop link. */
  withShop: v.number(),
  /** Products those households listed (a household marked as listed counts the products it registered with). */
  productsListed: v.number(),
});
export type LeadingAccountView = v.InferOutput<typeof leadingAccountSchema>;

/** GET /api/province/leading-accounts answer. */
export const leadingAccountListSchema = v.object({ accounts: v.array(leadingAccountSchema) });
