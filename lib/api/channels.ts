/**
 * Shapes of the operators' lists and every channel's progress (server/api/channels/, server/api/province/phases.ts),
 * shared by the collector and the dashboards.
 */
import * as v from 'valibot';
import { isoDate } from './fields';
import { operatorFields, type ColumnMap, type OperatorField } from '../channels/operator-columns';
import type { RowProblem } from '../channels/operator-row';
import type { Channel, ChannelFigures } from '../channels/progress';
import type { DistrictStatus } from '../channels/phases';

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

/** A district in GET /api/channels/progress: its communes added up, its phase and where it stands. */
export interface DistrictProgress {
  districtCode: string;
  districtName: string;
  /** Over the communes whose household count is known; null when none is. */
  householdCount: number | null;
  signedUp: number;
  shopsOpened: number;
  paymentAccounts: number;
  both: number;
  productsListed: number;
  percentBoth: number | null;
  phase: { id: string; name: string } | null;
  deadline: string | null;
  status: DistrictStatus;
  channels: Record<Channel, ChannelFigures>;
}


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

