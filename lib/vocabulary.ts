/**
 * The Công văn's own words for what is counted (issue 10, item 5), one place for the dashboards, the
 * exports and the official documents. Its text: "cán bộ, công chức, viên chức, người lao động (bao gồm cả
 * cán bộ, công chức cấp xã)".
 */
export const figureNames = {
  headcount: 'Tổng số CB, CC, VC, NLĐ (kể cả cấp xã)',
  participants: 'Số CB, CC, VC, NLĐ tham gia',
  farmItems: 'Số lượng mặt hàng nông sản',
  amountVnd: 'Số tiền mua (đồng)',
} as const;

/** The line of an agency's figures for people enrolled with its agency-wide code, apart from its sub-units. */
export const noUnitName = 'Không thuộc đơn vị trực thuộc nào';
