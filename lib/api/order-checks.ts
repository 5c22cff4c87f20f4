import * as v from 'valibot';
import { line } from './documents';

/** Request bodies of the collector's order checks (issue 10), as valibot schemas. */

/** POST /api/agency/review/:orderId/items/:lineNo: the agency's word on one item, with why. */
export const ItemOverrideSchema = v.object({
  isFarmProduct: v.boolean('Chọn "là nông sản" hoặc "không phải nông sản".'),
  note: v.pipe(line('Lý do', 500), v.minLength(1, 'Cần ghi lý do để người mua và Sở biết vì sao.')),
});
export type ItemOverride = v.InferInput<typeof ItemOverrideSchema>;

/** PUT /api/province/periods/:id/limits: above either, a person's orders in the period wait for review. */
export const PeriodLimitsSchema = v.object({
  maxOrdersPerPerson: v.pipe(v.number('Số đơn tối đa phải là số.'), v.integer('Số đơn tối đa phải là số nguyên.'), v.minValue(1, 'Số đơn tối đa ít nhất là 1.'), v.maxValue(10_000, 'Số đơn tối đa không quá 10.000.')),
  maxAmountPerPerson: v.pipe(v.number('Số tiền tối đa phải là số.'), v.integer('Số tiền tối đa là số đồng nguyên.'), v.minValue(1, 'Số tiền tối đa ít nhất 1 ₫.'), v.maxValue(10_000_000_000, 'Số tiền tối đa không quá 10 tỷ ₫.')),
});
export type PeriodLimits = v.InferInput<typeof PeriodLimitsSchema>;

/** One item of an order as the agency reviews it: what was sent, what the server decided, the agency's word. */
export interface ItemReview {
  lineNo: number;
  name: string;
  sentAsFarm: boolean;
  serverVerdict: boolean;
  counts: boolean;
  override: { isFarmProduct: boolean; byName: string; at: string; note: string } | null;
}

