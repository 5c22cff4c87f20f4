import { describe, expect, it } from 'vitest';
import { communeLookup, judgeOperatorRow } from './operator-row';
import { communesOf, langSon } from '../region';

const find = communeLookup(communesOf(langSon).map((c) => ({ code: c.code, name: c.name, districtName: c.districtName })));

describe('finding a commune in an operator\'s list', () => {
  it('by code, by full name, by name without its kind, folded and abbreviated', () => {
    expect(find('6181', '')).toEqual({ code: '06181' });
    expect(find('Xã Nhạc Kỳ', '')).toEqual({ code: '06181' });
    expect(find('nhac ky', '')).toEqual({ code: '06181' });
    expect(find('TT. Na Sầm', '')).toEqual({ code: '06124' });
  });

  it('tells a town from a commune of the same name in one district (Chi Lăng, Đình Lập), and asks when it cannot', () => {
    expect(find('Thị trấn Chi Lăng', 'Chi Lăng')).toEqual({ code: '06466' });
    expect(find('TT Chi Lăng', '')).toEqual({ code: '06466' });
    expect(find('Xã Chi Lăng', 'Huyện Chi Lăng')).toEqual({ code: '06523' });
    // Tràng Định has a Xã Chi Lăng too, and the city a Phường Chi Lăng.
    expect(find('Xã Chi Lăng', '')).toEqual({ problem: 'ambiguous' });
    expect(find('Xã Chi Lăng', 'Tràng Định')).toEqual({ code: '06034' });
    expect(find('Chi Lăng', 'Huyện Chi Lăng')).toEqual({ problem: 'ambiguous' });
    expect(find('Xã Không Có', '')).toEqual({ problem: 'unknown' });
  });
});

describe('judging a row', () => {
  const at = { commune: 0, headName: 1, phone: 2, idNumber: 3, shopId: 4, shop: 5, payment: 6, products: 7 };
  it('keys a row by shop id, else phone, else ID, else commune and name; a bad phone is a note, not a refusal', () => {
    expect(judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà Văn Tú', '0912 345 678', '', 'V1', 'https://langson.voso.vn/shop/v1', 'chưa', '3'], at, find)).toEqual({
      facts: { key: 'shop:V1', communeCode: '06181', headName: 'Hà Văn Tú', phone: '0912345678', idNumber: null, shopId: 'V1', shopUrl: 'https://langson.voso.vn/shop/v1', shop: true, payment: false, products: 3 },
      problems: [],
    });
    expect(judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà Văn Tú', '0912345678', '', '', 'có', 'x', ''], at, find).facts?.key).toBe('phone:06181:0912345678');
    expect(judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà Văn Tú', '', '020190001234', '', '', '', ''], at, find).facts?.key).toBe('id:020190001234');
    expect(judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà  Văn Tú', '', '', '', '', '', ''], at, find).facts?.key).toBe('name:06181:ha van tu');
    const bad = judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà Văn Tú', '12345', '', 'V2', 'có', 'có', '1'], at, find);
    expect(bad.facts?.phone).toBeNull();
    expect(bad.problems.map((p) => [p.code, p.blocking])).toEqual([['400.61', false]]);
    expect(judgeOperatorRow(['Xã Nhạc Kỳ', 'Hà Văn Tú', '', '', 'V3', 'có', 'có', 'ba'], at, find).problems.map((p) => [p.code, p.blocking])).toEqual([['400.65', true]]);
  });
});
