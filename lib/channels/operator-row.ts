/**
 * One row of an operator's list, judged: which commune, which household, what it has. A row with a blocking
 * problem is not imported; a bad phone or ID number is only noted (the row counts, but cannot be matched on it).
 */
import { checkPhone } from '../vn-phone';
import { checkCitizenId } from '../vn-citizen-id';
import { cleanText, foldVietnamese } from '../text';
import type { OperatorField } from './operator-columns';
import type { ProblemCode } from '../api/problems';

export interface OperatorRowFacts {
  /** The row's identity within the operator's lists: its shop id, else phone, else ID number, else commune + name. */
  key: string;
  communeCode: string;
  headName: string;
  phone: string | null;
  idNumber: string | null;
  shopId: string | null;
  shopUrl: string | null;
  /** Undefined when the file has no such column: an import then leaves what an earlier file said. */
  shop?: boolean;
  payment?: boolean;
  products?: number;
}

export interface RowProblem {
  code: ProblemCode;
  message: string;
  /** Blocking problems keep the row out; the others are notes. */
  blocking: boolean;
}

export type CommuneLookup = (commune: string, district: string) => { code: string } | { problem: 'unknown' | 'ambiguous' };

/** "Xã Hoàng Văn Thụ", "hoang van thu", "TT. Na Sầm" → the folded name without its kind. */
export function communeKey(name: string): string {
  return foldVietnamese(cleanText(name))
    .replace(/^(xa|phuong|thi tran|tt\.?|p\.?|x\.?)\s+/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function districtKey(name: string): string {
  return foldVietnamese(cleanText(name))
    .replace(/^(huyen|thanh pho|tp\.?|quan|thi xa|h\.?)\s+/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded name with its kind, abbreviations spelled out: "TT. Na Sầm" → "thi tran na sam". */
function fullCommuneKey(name: string): string {
  return foldVietnamese(cleanText(name))
    .replace(/^tt\.?\s+/, 'thi tran ')
    .replace(/^p\.?\s+/, 'phuong ')
    .replace(/^x\.?\s+/, 'xa ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds communes by code or name. The full name ("Thị trấn Chi Lăng") is tried first, then the name without its
 * kind ("Chi Lăng"): a district may hold a town and a commune of the same name. A district name settles a name two
 * districts share.
 */
export function communeLookup(communes: { code: string; name: string; districtName: string }[]): CommuneLookup {
  const byCode = new Set(communes.map((c) => c.code));
  const index = (key: (name: string) => string) => {
    const map = new Map<string, { code: string; district: string }[]>();
    for (const c of communes) map.set(key(c.name), [...(map.get(key(c.name)) ?? []), { code: c.code, district: districtKey(c.districtName) }]);
    return map;
  };
  const byFull = index(fullCommuneKey);
  const byBare = index(communeKey);
  return (commune, district) => {
    const text = cleanText(commune);
    if (/^\d{1,5}$/.test(text) && byCode.has(text.padStart(5, '0'))) return { code: text.padStart(5, '0') };
    const narrow = (found: { code: string; district: string }[]) => (district.trim() ? found.filter((f) => f.district === districtKey(district)) : found);
    const full = narrow(byFull.get(fullCommuneKey(text)) ?? []);
    if (full.length === 1) return { code: full[0].code };
    const bare = full.length ? full : narrow(byBare.get(communeKey(text)) ?? []);
    if (bare.length === 1) return { code: bare[0].code };
    return { problem: bare.length > 1 ? 'ambiguous' : 'unknown' };
  };
}

const noWords = /^(khong|chua|0|no|n|false|-)$/;
/** A shop or payment cell: empty or "không/chưa" is no; a link, a date, an account number, "có", "x" is yes. */
const opened = (cell: string) => cell.trim() !== '' && !noWords.test(foldVietnamese(cell.trim()));

export function judgeOperatorRow(cells: string[], at: Partial<Record<OperatorField, number>>, findCommune: CommuneLookup): { facts: OperatorRowFacts | null; problems: RowProblem[] } {
  const cell = (f: OperatorField) => (at[f] === undefined ? '' : cleanText(cells[at[f]!] ?? '').replace(/^'/, ''));
  const problems: RowProblem[] = [];
  const note = (code: ProblemCode, message: string, blocking: boolean) => problems.push({ code, message, blocking });

  const communeText = cell('commune');
  const where = communeText ? findCommune(communeText, cell('district')) : ({ problem: 'unknown' } as const);
  if ('problem' in where)
    note(
      where.problem === 'ambiguous' ? '400.66' : '400.60',
      where.problem === 'ambiguous'
        ? `Có nhiều xã, phường, thị trấn tên “${communeText}”: ghi rõ “Xã …” hay “Thị trấn …”, hoặc thêm cột huyện.`
        : communeText
          ? `Không có xã “${communeText}”${cell('district') ? ` thuộc ${cell('district')}` : ''} trong danh mục của tỉnh.`
          : 'Thiếu tên xã.',
      true,
    );
  const headName = cell('headName');
  if (!headName) note('400.63', 'Thiếu họ tên chủ hộ.', true);

  let phone: string | null = null;
  if (cell('phone')) {
    const p = checkPhone(cell('phone'));
    if (p.ok) phone = p.phone;
    else note('400.61', `Số điện thoại “${cell('phone')}” không hợp lệ (${p.message}) — vẫn nhận dòng, nhưng không đối chiếu được theo số này.`, false);
  }
  let idNumber: string | null = null;
  if (cell('idNumber')) {
    const id = checkCitizenId(cell('idNumber'));
    if (id.ok) idNumber = id.id;
    else note('400.62', `Số CCCD/CMND “${cell('idNumber')}” không hợp lệ — vẫn nhận dòng, nhưng không đối chiếu được theo số này.`, false);
  }
  let products: number | undefined;
  if (at.products !== undefined) {
    const text = cell('products').replace(/\./g, '');
    if (text === '') products = 0;
    else if (/^\d{1,6}$/.test(text)) products = Number(text);
    else note('400.65', `Số sản phẩm “${cell('products')}” cần là số nguyên không âm.`, true);
  }
  if (problems.some((p) => p.blocking) || 'problem' in where) return { facts: null, problems };

  const shopId = cell('shopId') || null;
  const shopText = cell('shop');
  const communeCode = where.code;
  const key = shopId ? `shop:${shopId}` : phone ? `phone:${communeCode}:${phone}` : idNumber ? `id:${idNumber}` : `name:${communeCode}:${foldVietnamese(headName)}`;
  return {
    facts: {
      key,
      communeCode,
      headName,
      phone,
      idNumber,
      shopId,
      shopUrl: /^https?:\/\//i.test(shopText) ? shopText : null,
      ...(at.shop !== undefined ? { shop: opened(shopText) } : {}),
      ...(at.payment !== undefined ? { payment: opened(cell('payment')) } : {}),
      ...(products !== undefined ? { products } : {}),
    },
    problems,
  };
}
