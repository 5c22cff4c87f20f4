import { formatNumber } from '../../../lib/format';
import { langSon } from '../../../lib/region';
import type { Tally } from '../../../lib/tally';

import { figureNames } from '../../../lib/vocabulary';

const d = langSon.directive;
export const directiveRef = `Công văn số ${d.number} của ${d.issuer} về việc ${d.subject}`;
export const subjectOf = (periodName: string) => `Kết quả thực hiện Công văn số ${d.number} của ${d.issuer}, ${periodName}`;

const rate = (t: Tally) => (t.participationRate === null ? '' : `, đạt ${formatNumber(t.participationRate * 100, 2)}%`);

/** The three figures as numbered sentences; the headcount and rate when known. */
export function figureLines(t: Tally): string[] {
  return [
    `1. ${figureNames.participants}: ${formatNumber(t.participants)} người${t.headcount === null ? '' : ` trên tổng số ${formatNumber(t.headcount)} người${rate(t)}`}.`,
    `2. ${figureNames.farmItems}: ${formatNumber(t.farmItems)} mặt hàng (${formatNumber(t.quantity)} đơn vị sản phẩm).`,
    `3. ${figureNames.amountVnd}: ${formatNumber(t.amountVnd)} đồng.`,
  ];
}

/** Table columns: STT, the unit, then the three figures. */
export function figureColumns(unitHeader: string, extra: { header: string; widthMm: number }[] = []) {
  const rest = 165 - 12 - 28 * 3 - extra.reduce((s, c) => s + c.widthMm, 0);
  return [
    { header: 'STT', align: 'center' as const, widthMm: 12 },
    { header: unitHeader, align: 'left' as const, widthMm: rest },
    ...extra.map((c) => ({ ...c, align: 'center' as const })),
    { header: figureNames.participants, align: 'right' as const, widthMm: 28 },
    { header: figureNames.farmItems, align: 'right' as const, widthMm: 28 },
    { header: figureNames.amountVnd, align: 'right' as const, widthMm: 28 },
  ];
}

export const figureCells = (t: Tally) => [formatNumber(t.participants), formatNumber(t.farmItems), formatNumber(t.amountVnd)];

/** "Lạng Sơn" date of an instant, Vietnam time. */
export const vnDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

export const positionLines = (p: string | null, fallback: string) => (p ?? fallback).split(/\n/).map((x) => x.trim()).filter(Boolean);
