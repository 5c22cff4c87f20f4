/**
 * Shapes of an agency's sub-units (đơn vị trực thuộc): the agency manages them (server/api/agency/units.ts), the
 * province may too (server/api/province/agency-units.ts). The figures by sub-unit: lib/api/agency.ts unitTallySchema.
 */
import * as v from 'valibot';
import { typedText } from './fields';

export const unitSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** The commune it stands for when it came from the region data; null for a unit the agency added. */
  communeCode: v.nullable(v.string()),
  active: v.boolean(),
  /** People enrolled in it (a unit with people cannot be deleted, only stopped). */
  people: v.number(),
});
export type AgencyUnit = v.InferOutput<typeof unitSchema>;

/** GET …/units answer. */
export const unitListSchema = v.object({ units: v.array(unitSchema) });

const unitName = typedText(2, 200, 'Tên đơn vị trực thuộc cần 2–200 ký tự.');

/** POST …/units body. */
export const unitCreateRequest = v.object({ name: unitName });

/** PATCH …/units/:id body: rename, stop (active false) or take back (true). */
export const unitPatchRequest = v.object({
  name: v.optional(unitName),
  active: v.optional(v.boolean('Trạng thái là có hoặc không.')),
});
