import ExcelJS from 'exceljs';
import { sheetRows } from '../files/sheet-rows';
import { neutralise } from '../export/table';

/**
 * The hand-over sheet the post office / Viettel Post staff work from: one row per pending household, with three
 * columns for them to fill in (shop URL, payment account opened, products listed), read back by `readResults`.
 */
export const handoverColumns = [
  'Mã hồ sơ',
  'Xã',
  'Thôn/bản',
  'Họ tên chủ hộ',
  'Số điện thoại',
  'Số CCCD/CMND',
  'Sàn',
  'Tên cửa hàng',
  'Tài khoản thanh toán',
  'Sản phẩm',
  'VietGAP / OCOP / truy xuất',
  'Số ảnh',
  'Ngày đăng ký',
  'Đường dẫn cửa hàng',
  'Đã mở tài khoản thanh toán',
  'Đã đăng sản phẩm',
] as const;

export type HandoverRow = Record<(typeof handoverColumns)[number], string | number>;


export async function toXlsx(rows: HandoverRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hộ chờ mở cửa hàng');
  ws.columns = handoverColumns.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Phone and ID numbers as text, so a leading 0 survives.
  for (const r of rows) ws.addRow(handoverColumns.map((h) => (typeof r[h] === 'number' ? r[h] : neutralise(r[h]))));
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

/** UTF-8 with BOM so Excel shows Vietnamese correctly. */
export function toCsv(rows: HandoverRow[]): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'number' ? String(v) : neutralise(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [handoverColumns.map(cell).join(','), ...rows.map((r) => handoverColumns.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n';
}

export interface ResultRow {
  row: number;
  /** "Mã hồ sơ" as the row holds it: a record code ("KX7A-QVYD"), or the long id of sheets made before codes. */
  recordCode: string;
  shopUrl: string | null;
  paymentOpened: boolean;
  productsListed: boolean;
}

/**
 * A filled-in sheet holds the commune's pending households: a few hundred, a few thousand at most. Files larger
 * than this are refused (413.51) rather than read (the bytes are capped before, by the API's 2 MB body limit): the review's 2 MB CSV of a million short rows held the
 * collector for 21 s. Counted as data rows, the header not included.
 */
export const handoverMaxRows = 5000;

export type ReadResult = { rows: ResultRow[] } | { problem: '400.54' | '413.51' };

/**
 * Reads the filled-in sheet (XLSX or CSV, comma or semicolon) as a stream, row by row, stopping at
 * `handoverMaxRows`: an XLSX whose few kilobytes unzip to millions of rows is never held whole in memory.
 * 400.54 when it is neither format or has no "Mã hồ sơ" column; 413.51 when it has too many rows.
 */
export async function readResults(bytes: Uint8Array): Promise<ReadResult> {
  const rows = sheetRows(bytes);
  let header: string[] | null = null;
  let columns = { id: -1, url: -1, pay: -1, listed: -1 };
  const out: ResultRow[] = [];
  let count = 0;
  try {
    for await (const { n, cells } of rows) {
      if (!header) {
        header = cells.map((h) => h.trim());
        const col = (name: string) => header!.indexOf(name);
        columns = { id: col('Mã hồ sơ'), url: col('Đường dẫn cửa hàng'), pay: col('Đã mở tài khoản thanh toán'), listed: col('Đã đăng sản phẩm') };
        if (columns.id < 0) return { problem: '400.54' };
        continue;
      }
      if (++count > handoverMaxRows) return { problem: '413.51' };
      const recordCode = unquote(cells[columns.id] ?? '').trim();
      if (!recordCode) continue;
      out.push({ row: n, recordCode, shopUrl: unquote(cells[columns.url] ?? '').trim() || null, paymentOpened: yes(cells[columns.pay]), productsListed: yes(cells[columns.listed]) });
    }
  } catch {
    return { problem: '400.54' };
  }
  return header ? { rows: out } : { problem: '400.54' };
}

const unquote = (s: string) => (s.startsWith("'") ? s.slice(1) : s);
const yes = (s: string | undefined) => /^\s*(có|co|x|1|yes|y|true|rồi|roi|đã|da)\s*$/i.test(s ?? '');
