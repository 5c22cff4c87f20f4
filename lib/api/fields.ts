/**
 * Small field schemas the API shapes share. A Vietnamese message given here is what the collector sends back as
 * the problem's `detail` (server/validate.ts); a field without one is named in `field` only.
 */
import * as v from 'valibot';
import type { ProblemCode } from './problems';

/** Text a person typed: NFC, runs of white space as one space, trimmed; then its length is checked. */
export const typedText = (min: number, max: number, message?: string) =>
  v.pipe(
    v.string(message),
    v.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim()),
    v.minLength(min, message),
    v.maxLength(max, message),
  );

/** An optional note: NFC, trimmed, at most `max` characters (longer is cut, not refused); empty or absent → null. */
export const note = (max: number) =>
  v.pipe(
    v.nullish(v.string(), null),
    v.transform((s) => (s === null ? null : s.normalize('NFC').trim().slice(0, max) || null)),
  );

/** A calendar date yyyy-mm-dd that exists (no 31/02). */
export const isRealDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A calendar date yyyy-mm-dd that exists (no 31/02). */
export const isoDate = (message = 'Ngày theo dạng yyyy-mm-dd.') => v.pipe(v.string(message), v.check(isRealDate, message));

/** An integer from min to max. */
export const intIn = (min: number, max: number, message?: string) => v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

/** A client-generated id: 8–64 letters, digits, dash, underscore. */
export const clientId = (message?: string) => v.pipe(v.string(message), v.regex(/^[A-Za-z0-9_-]{8,64}$/, message));

/** Why one record of a batch (an order, a household) was refused, for the person to read. */
export const itemProblemSchema = v.object({ code: v.custom<ProblemCode>((x) => typeof x === 'string'), message: v.string(), field: v.optional(v.string()) });

/** The scope an answer covers. */
export const scopeSchema = v.union([
  v.object({ periodId: v.string(), label: v.string() }),
  v.object({ from: v.string(), to: v.string(), label: v.string() }),
]);

/** One line of text a person typed for a document: NFC, trimmed, at most `max` characters. */
export const line = (label: string, max: number) =>
  v.pipe(v.string(`${label} phải là chữ.`), v.normalize('NFC'), v.trim(), v.maxLength(max, `${label} dài quá ${max} ký tự.`));
const optionalLine = (label: string, max: number) => v.optional(v.nullable(line(label, max)), null);

/**
 * What varies in a báo cáo (the agency's and the province's) and is saved with it: số ký hiệu, the signer,
 * recipients, the governing body.
 */
export const documentFieldsSchema = v.object({
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
export type DocumentFields = v.InferOutput<typeof documentFieldsSchema>;

/** The document fields as the collector gives them back. */
export const documentFieldsOutput = v.object({
  docNumber: v.nullable(v.string()),
  signerName: v.nullable(v.string()),
  signerPosition: v.nullable(v.string()),
  recipients: v.nullable(v.array(v.string())),
  parentBody: v.nullable(v.string()),
});
