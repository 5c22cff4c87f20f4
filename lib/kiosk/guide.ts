/**
 * Who guided a household through opening its shop, as the kiosk records it (issue 13): one of the commune's
 * leading accounts ("tài khoản đầu tàu", nominated by Sở TT&TT), the commune officer, or the operators' field
 * staff. The province counts each leading account's spread from this.
 */
export const guideKinds = ['leading', 'officer', 'vnpost', 'viettelpost'] as const;
export type GuideKind = (typeof guideKinds)[number];

export const guideLabels: Record<GuideKind, string> = {
  leading: 'Tài khoản đầu tàu của xã',
  officer: 'Cán bộ xã',
  vnpost: 'Nhân viên Bưu điện',
  viettelpost: 'Nhân viên Viettel Post',
};

/** A leading account as the tablet knows it (from the roster pull): no shop link, no reason. */
export interface LeadingAccountRef {
  id: string;
  name: string;
  communeCode: string;
}

const accountId = /^[\w-]{8,64}$/;

/** What is wrong with the guide fields, or null. Absent (older tablets, or not asked) is allowed. */
export function guideProblem(h: { guidedBy?: unknown; leadingAccountId?: unknown }): { field: 'guidedBy' | 'leadingAccountId'; message: string } | null {
  const kind = h.guidedBy ?? null;
  const id = h.leadingAccountId ?? null;
  if (kind === null) return id === null ? null : { field: 'guidedBy', message: 'Chưa chọn ai đã hướng dẫn hộ.' };
  if (!guideKinds.includes(kind as GuideKind)) return { field: 'guidedBy', message: 'Người hướng dẫn không hợp lệ.' };
  if (kind === 'leading') return typeof id === 'string' && accountId.test(id) ? null : { field: 'leadingAccountId', message: 'Chưa chọn tài khoản đầu tàu đã hướng dẫn hộ.' };
  return id === null ? null : { field: 'leadingAccountId', message: 'Chỉ ghi tài khoản đầu tàu khi hộ do tài khoản đầu tàu hướng dẫn.' };
}
