/**
 * The operators' own lists (Bưu điện tỉnh's postmart, Viettel Post's voso) of shops opened, payment accounts opened
 * and products listed, by commune. Their columns are named as each operator likes; the province or district picks
 * which column is which once per operator and the collector remembers it (by header name, so a reordered file reads
 * the same).
 */
import { foldVietnamese } from '../text';

export const operators = ['postmart', 'voso'] as const;
export type Operator = (typeof operators)[number];
export const isOperator = (s: string): s is Operator => (operators as readonly string[]).includes(s);

export const operatorNames: Record<Operator, string> = { postmart: 'Bưu điện (postmart)', voso: 'Viettel Post (voso)' };

/** What a column can mean. `commune` and `headName` are needed in every list; the rest when the list has them. */
export const operatorFields = ['commune', 'district', 'headName', 'phone', 'idNumber', 'shopId', 'shop', 'payment', 'products'] as const;
export type OperatorField = (typeof operatorFields)[number];
export const requiredFields: OperatorField[] = ['commune', 'headName'];

export const fieldLabels: Record<OperatorField, string> = {
  commune: 'Xã, phường, thị trấn (tên hoặc mã)',
  district: 'Huyện, thành phố',
  headName: 'Họ tên chủ hộ',
  phone: 'Số điện thoại',
  idNumber: 'Số CCCD/CMND',
  shopId: 'Mã cửa hàng của sàn',
  shop: 'Cửa hàng đã mở (đường dẫn, ngày hoặc “có”)',
  payment: 'Tài khoản thanh toán đã mở (số tài khoản, ngày hoặc “có”)',
  products: 'Số sản phẩm đã đăng',
};

/** Field → the header text of its column in the operator's file. */
export type ColumnMap = Partial<Record<OperatorField, string>>;

/** Header words that usually name a field, folded (no diacritics, lower case); the first column that matches wins. */
const usualHeaders: Record<OperatorField, RegExp> = {
  commune: /^(ten )?(xa|phuong|thi tran|xa\/phuong|xa, phuong.*|ma xa|don vi hanh chinh cap xa)$/,
  district: /^(ten )?(huyen|quan|huyen\/thanh pho|huyen, thanh pho|thanh pho)$/,
  headName: /^(ho (va )?ten|ho ten chu ho|chu ho|ten chu ho|ten khach hang|khach hang|ho ten chu cua hang)$/,
  phone: /^(so )?(dien thoai|sdt|dt|so dt|di dong)$/,
  idNumber: /^(so )?(cccd|cmnd|cccd\/cmnd|can cuoc|can cuoc cong dan|so giay to)$/,
  shopId: /^(ma|id) (cua hang|gian hang|shop|nguoi ban)$/,
  shop: /^(link|duong dan|url) ?(cua hang|gian hang|shop)?$|^(da mo )?(cua hang|gian hang)( da mo)?$/,
  payment: /^(da mo )?(tai khoan thanh toan|vi dien tu|vi postpay|viettel money|tai khoan)( da mo)?$/,
  products: /^(so )?(san pham|mat hang)( da dang)?$|^so luong san pham$/,
};

const foldHeader = (h: string) => foldVietnamese(h).replace(/\s+/g, ' ').trim();

/** A first guess from the header names, for an operator whose columns were never picked. */
export function guessColumns(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  const taken = new Set<string>();
  for (const field of operatorFields) {
    const hit = header.find((h) => h.trim() && !taken.has(h) && usualHeaders[field].test(foldHeader(h)));
    if (hit) {
      map[field] = hit;
      taken.add(hit);
    }
  }
  return map;
}

/** Required fields with no column in this file (their mapped header missing or never picked). */
export function missingFields(map: ColumnMap, header: string[]): OperatorField[] {
  return requiredFields.filter((f) => !map[f] || !header.includes(map[f]!));
}

/** Where each mapped field is in this file; a field whose header this file lacks is absent (not in this list). */
export function columnIndexes(map: ColumnMap, header: string[]): Partial<Record<OperatorField, number>> {
  const at: Partial<Record<OperatorField, number>> = {};
  for (const f of operatorFields) {
    const i = map[f] ? header.indexOf(map[f]!) : -1;
    if (i >= 0) at[f] = i;
  }
  return at;
}
