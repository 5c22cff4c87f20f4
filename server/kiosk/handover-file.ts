import ExcelJS from 'exceljs';

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

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is kept as text with a leading apostrophe. */
export const neutralise = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function toXlsx(rows: HandoverRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hộ chờ mở cửa hàng');
  ws.columns = handoverColumns.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Phone and ID numbers as text, so a leading 0 survives.
  for (const r of rows) ws.addRow(handoverColumns.map((h) => (typeof r[h] === 'number' ? r[h] : String(neutralise(r[h])))));
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

/** UTF-8 with BOM so Excel shows Vietnamese correctly. */
export function toCsv(rows: HandoverRow[]): string {
  const cell = (v: string | number) => {
    const s = String(neutralise(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [handoverColumns.map(cell).join(','), ...rows.map((r) => handoverColumns.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n';
}

export interface ResultRow {
  row: number;
  serverId: string;
  shopUrl: string | null;
  paymentOpened: boolean;
  productsListed: boolean;
}

/** Reads the filled-in sheet (XLSX or CSV, comma or semicolon); null when it is neither or has no "Mã hồ sơ" column. */
export async function readResults(bytes: Uint8Array): Promise<ResultRow[] | null> {
  let table: string[][];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return null;
    }
    const ws = wb.worksheets[0];
    if (!ws) return null;
    table = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      // Columns as they are in the file: staff may have moved or added some.
      const values = (row.values as unknown[]).slice(1);
      table[n - 1] = values.map(cellText);
    });
    table = Array.from(table, (r) => r ?? []);
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
    table = parseCsv(text);
  }
  const header = table[0]?.map((h) => h.trim());
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const id = col('Mã hồ sơ');
  if (!header || id < 0) return null;
  const url = col('Đường dẫn cửa hàng');
  const pay = col('Đã mở tài khoản thanh toán');
  const listed = col('Đã đăng sản phẩm');
  const out: ResultRow[] = [];
  table.slice(1).forEach((r, i) => {
    const serverId = unquote(r[id] ?? '').trim();
    if (!serverId) return;
    out.push({ row: i + 2, serverId, shopUrl: unquote(r[url] ?? '').trim() || null, paymentOpened: yes(r[pay]), productsListed: yes(r[listed]) });
  });
  return out;
}

const unquote = (s: string) => (s.startsWith("'") ? s.slice(1) : s);
const yes = (s: string | undefined) => /^\s*(có|co|x|1|yes|y|true|rồi|roi|đã|da)\s*$/i.test(s ?? '');

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: unknown; hyperlink?: unknown; result?: unknown; richText?: { text: string }[] };
    if (typeof o.hyperlink === 'string') return o.hyperlink;
    if (typeof o.text === 'string') return o.text;
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}

function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
