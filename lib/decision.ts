// What the agency decided about one sent order, in the words the person reads: the extension's popup and the
// staff page of the PWA both show it from the collector's answer (GET /api/staff/orders, StaffOrderView).
// Pure: no browser or Node API.

/** The parts of the collector's answer a decision is read from. */
export interface DecisionSource {
  status: 'accepted' | 'flagged' | 'rejected' | 'withdrawn';
  /** The agency's review: null until a focal point decides. */
  review?: 'counted' | 'excluded' | null;
  reviewNote?: string | null;
  /** Whether the agency's figures count the order now. */
  counted?: boolean;
  /** Why it is held or refused, with its numbered code (e.g. 409.13 claimed twice, 422.x held by a check). */
  problem?: { code: string; message: string };
  reason?: string;
}

export type DecisionKind = 'counted' | 'held' | 'excluded' | 'refused' | 'withdrawn';

export interface Decision {
  kind: DecisionKind;
  /** Short words for the order's badge. */
  label: string;
  /** Why it is not counted, in a sentence; null when it counts. */
  why: string | null;
  /** The collector's numbered code, when there is one. */
  code: string | null;
}

export const decisionLabels: Record<DecisionKind, string> = {
  counted: 'Cơ quan đã tính',
  held: 'Cơ quan đang xem xét',
  excluded: 'Cơ quan không tính',
  refused: 'Bị từ chối',
  withdrawn: 'Đã rút lại',
};

/** The agency's decision as the person reads it. */
export function decisionOf(s: DecisionSource): Decision {
  const code = s.problem?.code ?? null;
  const make = (kind: DecisionKind, why: string | null): Decision => ({ kind, label: decisionLabels[kind], why, code: kind === 'counted' ? null : code });
  if (s.status === 'withdrawn') return make('withdrawn', null);
  if (s.review === 'excluded') return make('excluded', s.reviewNote?.trim() ? `Ghi chú của cơ quan: ${s.reviewNote.trim()}` : 'Cơ quan không ghi lý do.');
  if (s.status === 'rejected') return make('refused', s.problem?.message ?? s.reason ?? null);
  if (s.review === 'counted' || (s.status === 'accepted' && s.counted !== false)) return make('counted', null);
  return make('held', s.problem?.message ?? s.reason ?? 'Cơ quan sẽ xem xét trước khi tính.');
}
