import * as v from 'valibot';

/**
 * Request bodies of the official documents (issue 10) as valibot schemas: the collector validates with them,
 * the dashboards type with them. Messages are the Vietnamese sentence the person reads.
 */

export const line = (label: string, max: number) =>
  v.pipe(v.string(`${label} phải là chữ.`), v.normalize('NFC'), v.trim(), v.maxLength(max, `${label} dài quá ${max} ký tự.`));
const optionalLine = (label: string, max: number) => v.optional(v.nullable(line(label, max)), null);

/** What varies in a báo cáo and is saved with it: số ký hiệu, the signer, recipients, the governing body. */
export const DocumentFieldsSchema = v.object({
  /** Số ký hiệu as written on the document, e.g. "15/BC-SNV"; empty leaves "Số:      /BC-…" to fill by hand. */
  docNumber: optionalLine('Số ký hiệu', 40),
  signerName: optionalLine('Họ tên người ký', 100),
  /** e.g. "GIÁM ĐỐC", or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" on two lines. */
  signerPosition: optionalLine('Chức vụ người ký', 120),
  /** Nơi nhận besides "Như trên" and "Lưu: VT", one per line. */
  recipients: v.optional(v.nullable(v.pipe(v.array(line('Nơi nhận', 200), 'Nơi nhận phải là danh sách.'), v.maxLength(20, 'Tối đa 20 nơi nhận.'))), null),
  /** Cơ quan chủ quản above the issuing body, e.g. "UBND TỈNH LẠNG SƠN"; empty when there is none. */
  parentBody: optionalLine('Cơ quan chủ quản', 120),
});
export type DocumentFields = v.InferOutput<typeof DocumentFieldsSchema>;

/** POST /api/agency/reports body (the numbers come from the collector, never from the request). */
export const AgencyReportRequestSchema = v.object({
  periodId: v.string('Chọn đợt báo cáo.'),
  note: v.optional(v.nullable(line('Ghi chú', 1000)), null),
  ...DocumentFieldsSchema.entries,
});
export type AgencyReportRequest = v.InferInput<typeof AgencyReportRequestSchema>;

/** POST /api/province/reports body. */
export const ProvinceReportRequestSchema = v.object({
  periodId: v.string('Chọn đợt báo cáo.'),
  ...DocumentFieldsSchema.entries,
});
export type ProvinceReportRequest = v.InferInput<typeof ProvinceReportRequestSchema>;
