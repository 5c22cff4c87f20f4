/**
 * Shapes of the operators' lists and every channel's progress (server/api/channels/, server/api/province/phases.ts),
 * shared by the collector and the dashboards.
 */
import * as v from 'valibot';
import { isoDate } from './fields';
import { operatorFields, type ColumnMap, type OperatorField } from '../channels/operator-columns';
import type { RowProblem } from '../channels/operator-row';
import type { DistrictStatus } from '../channels/phases';
import { communeProgressSchema, progressFigures } from './kiosk';

/** PUT /api/channels/column-maps/:operator body: field → the header of its column in the operator's file. */
export const columnMapRequest = v.object({
  columns: v.record(v.picklist(operatorFields, 'Trường không có trong danh sách.'), v.pipe(v.string(), v.trim(), v.minLength(1, 'Tên cột trống.'), v.maxLength(200, 'Tên cột quá dài.'))),
});

/** PUT /api/province/phases/:id body. */
export const phaseRequest = v.object({
  name: v.pipe(v.string('Thiếu tên giai đoạn.'), v.trim(), v.minLength(1, 'Thiếu tên giai đoạn.'), v.maxLength(100, 'Tên giai đoạn quá dài.')),
  startsOn: v.nullish(isoDate()),
  deadline: isoDate(),
  districtCodes: v.pipe(v.array(v.string()), v.maxLength(200)),
});
export type PhaseRequest = v.InferOutput<typeof phaseRequest>;

/** GET /api/channels/progress query. */
export const progressQuery = v.object({ district: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'Mã huyện là số.'))) });

/** POST /api/channels/imports/:operator(/preview) answer. */
export interface RowReport extends RowProblem {
  row: number;
}

export interface ImportOutcome {
  header: string[];
  columns: ColumnMap;
  /** Required fields this file has no column for: nothing was read (400.68 when committing). */
  missing: OperatorField[];
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  refused: number;
  problems: RowReport[];
  /** Problems beyond the first 5.000, not listed. */
  problemsLeftOff: number;
}


// Answers, checked against every route in server/api/answers.test.ts.
const districtStatusSchema = v.picklist(['reached', 'on-track', 'behind', 'late', 'unknown'] satisfies DistrictStatus[]);

/** GET and PUT /api/channels/column-maps/:operator answer. */
export const columnMapViewSchema = v.strictObject({
  operator: v.picklist(['postmart', 'voso']),
  columns: v.record(v.picklist(operatorFields), v.string()),
  fields: v.array(v.strictObject({ field: v.picklist(operatorFields), label: v.string(), required: v.boolean() })),
});

/** POST /api/channels/imports/:operator(/preview) answer (ImportOutcome). */
export const importOutcomeSchema = v.strictObject({
  header: v.array(v.string()),
  columns: v.record(v.picklist(operatorFields), v.string()),
  missing: v.array(v.picklist(operatorFields)),
  rows: v.number(),
  added: v.number(),
  changed: v.number(),
  unchanged: v.number(),
  refused: v.number(),
  problems: v.array(v.strictObject({ row: v.number(), code: v.string(), message: v.string(), blocking: v.boolean() })),
  problemsLeftOff: v.number(),
});

/** GET /api/channels/imports answer. */
export const importListSchema = v.strictObject({
  imports: v.array(
    v.strictObject({ id: v.string(), operator: v.picklist(['postmart', 'voso']), fileName: v.string(), importedAt: v.string(), rows: v.number(), added: v.number(), changed: v.number(), unchanged: v.number(), refused: v.number() }),
  ),
});

/**
 * A district in GET /api/channels/progress: its communes added up (the household count over the communes whose
 * count is known; null when none is), its phase and where it stands.
 */
const districtProgressSchema = v.strictObject({
  districtCode: v.string(),
  districtName: v.string(),
  ...progressFigures,
  phase: v.nullable(v.strictObject({ id: v.string(), name: v.string() })),
  status: districtStatusSchema,
});
export type DistrictProgress = v.InferOutput<typeof districtProgressSchema>;

/** GET /api/channels/progress answer. */
export const channelProgressSchema = v.strictObject({ targetPercent: v.number(), today: v.string(), communes: v.array(communeProgressSchema), districts: v.array(districtProgressSchema) });

/** A phase: GET /api/channels/phases lists them, PUT /api/province/phases/:id answers one. */
export const phaseSchema = v.strictObject({ id: v.string(), name: v.string(), startsOn: v.nullable(v.string()), deadline: v.string(), districtCodes: v.array(v.string()) });
export const phaseListSchema = v.strictObject({ phases: v.array(phaseSchema) });
