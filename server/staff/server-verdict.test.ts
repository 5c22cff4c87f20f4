/**
 * The server's farm verdict of an item (check-order.ts serverVerdictOf) is the shared classifier's, whether the name
 * is classified now or its verdict was kept from an earlier order, and still after the kept verdicts were dropped.
 */
import { describe, expect, it } from 'vitest';
import { keptVerdicts, serverVerdictOf } from './check-order';

// Verdicts read from the lexicon (lib/farm-products.ts), by hand.
const names: [name: string, farm: boolean][] = [
  ['Hồi khô Lạng Sơn túi 500g', true],
  ['Túi vải', false],
  ['Áo thun màu hồng', false],
  ['Hoi kho Van Quan', true],
  ['Máy phục hồi da', false],
  ['Na Chi Lăng hộp 2kg', true],
];

describe("the server's farm verdict of an item", () => {
  it('is the same when the name comes again (kept) as when it was first classified', () => {
    for (const [name, farm] of names) expect([name, serverVerdictOf({ name })]).toEqual([name, farm]);
    for (const [name, farm] of names) expect([name, serverVerdictOf({ name })]).toEqual([name, farm]);
  });

  it('stays right once more names came than are kept', () => {
    for (const [name] of names) serverVerdictOf({ name });
    for (let i = 0; i <= keptVerdicts; i++) serverVerdictOf({ name: `Sản phẩm mẫu số ${i}` });
    for (const [name, farm] of names) expect([name, serverVerdictOf({ name })]).toEqual([name, farm]);
    for (const [name, farm] of names) expect([name, serverVerdictOf({ name })]).toEqual([name, farm]);
    expect(serverVerdictOf({ name: 'Gạo nếp Bắc Sơn' })).toBe(true);
  });
});
