import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { handoverColumns, handoverMaxRows, readResults, toCsv, toXlsx, type HandoverRow } from './handover-file';
import { neutralise, toCsv as tableCsv } from '../export/table';

const header = 'Mã hồ sơ;Họ tên chủ hộ;Đường dẫn cửa hàng;Đã mở tài khoản thanh toán;Đã đăng sản phẩm';
const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hộ');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('hand-over result file', () => {
  it('reads a semicolon CSV with BOM, quotes, apostrophes and line breaks inside cells, numbering rows as the file does', async () => {
    const csv = `\uFEFF${header}\r\n'HH-1;"Hoàng; Văn ""Thụ""";https://langson.postmart.vn/shop/1;có;\r\n;trống;;;\r\nHH-2;"Lò\nThị Ca";;x;Rồi\r\n`;
    expect(await readResults(utf8(csv))).toEqual({
      rows: [
        { row: 2, recordCode: 'HH-1', shopUrl: 'https://langson.postmart.vn/shop/1', paymentOpened: true, productsListed: false },
        { row: 4, recordCode: 'HH-2', shopUrl: null, paymentOpened: true, productsListed: true },
      ],
    });
  });

  it(`takes ${handoverMaxRows} data rows and refuses one more (413.51), CSV and XLSX`, async () => {
    const csvOf = (n: number) => utf8(['Mã hồ sơ,Đã đăng sản phẩm', ...Array.from({ length: n }, (_, i) => `HH-${i},có`)].join('\n'));
    const full = await readResults(csvOf(5000));
    expect('rows' in full && full.rows).toHaveLength(5000);
    expect('rows' in full && full.rows.at(-1)).toEqual({ row: 5001, recordCode: 'HH-4999', shopUrl: null, paymentOpened: false, productsListed: true });
    expect(await readResults(csvOf(5001))).toEqual({ problem: '413.51' });
    const rows = (n: number) => [['Mã hồ sơ', 'Đã đăng sản phẩm'], ...Array.from({ length: n }, (_, i) => [`HH-${i}`, 'có'])];
    const xlsxFull = await readResults(await xlsxOf(rows(5000)));
    expect('rows' in xlsxFull && xlsxFull.rows).toHaveLength(5000);
    expect(await readResults(await xlsxOf(rows(5001)))).toEqual({ problem: '413.51' });
  });

  it('stops at the cap on a million short rows instead of reading them all', async () => {
    // The review's file: 2 MB of "1\n" lines under a valid header.
    const bomb = utf8('Mã hồ sơ\n' + '1\n'.repeat(1_000_000));
    expect(await readResults(bomb)).toEqual({ problem: '413.51' });
  });

  it('reads an XLSX whose cells are links, and refuses a file without the "Mã hồ sơ" column or that is not a sheet (400.54)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hộ');
    ws.addRow(['Ghi chú', 'Mã hồ sơ', 'Đường dẫn cửa hàng']);
    // A pasted URL becomes a link showing itself; the streaming reader reads what the cell shows, so a link
    // labelled otherwise comes back as its label (and the route refuses it as not a shop address, by row).
    ws.addRow(['', 'HH-9', { text: 'https://langson.voso.vn/shop/9', hyperlink: 'https://langson.voso.vn/shop/9' }]);
    ws.addRow(['', 'HH-10', { text: 'cửa hàng', hyperlink: 'https://langson.voso.vn/shop/10' }]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await readResults(bytes)).toEqual({
      rows: [
        { row: 2, recordCode: 'HH-9', shopUrl: 'https://langson.voso.vn/shop/9', paymentOpened: false, productsListed: false },
        { row: 3, recordCode: 'HH-10', shopUrl: 'cửa hàng', paymentOpened: false, productsListed: false },
      ],
    });
    expect(await readResults(utf8('Họ tên;Xã\r\nA;B\r\n'))).toEqual({ problem: '400.54' });
    expect(await readResults(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toEqual({ problem: '400.54' });
    expect(await readResults(await xlsxOf([['Họ tên'], ['A']]))).toEqual({ problem: '400.54' });
  });
});

describe('formula neutralisation', () => {
  it('prefixes an apostrophe to cells starting with = + - @ tab or CR, and nothing else', () => {
    expect(['=1+1', '+84912', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', 'Na-Chi Lăng', ' =1', '0912'].map(neutralise)).toEqual([
      "'=1+1",
      "'+84912",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=cmd",
      "'\r=cmd",
      'Na-Chi Lăng',
      ' =1',
      '0912',
    ]);
  });

  const row = (over: Partial<HandoverRow>): HandoverRow => ({ ...(Object.fromEntries(handoverColumns.map((c) => [c, ''])) as HandoverRow), ...over });

  it('the hand-over CSV and XLSX keep -, tab and CR prefixes as text', async () => {
    const rows = [row({ 'Mã hồ sơ': 'HH-1', 'Họ tên chủ hộ': '-1+cmd|calc', 'Tên cửa hàng': '\t=HYPERLINK("http://x")', 'Sản phẩm': '\r@SUM(1)', 'Số ảnh': 2 })];
    const csv = toCsv(rows);
    expect(csv.split('\r\n')[1].split(',').slice(0, 4)).toEqual(['HH-1', '', '', "'-1+cmd|calc"]);
    expect(csv).toContain(`"'\t=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'\r@SUM(1)"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(rows)).buffer as ArrayBuffer);
    const cells = wb.worksheets[0].getRow(2);
    expect(cells.getCell(handoverColumns.indexOf('Họ tên chủ hộ') + 1).value).toBe("'-1+cmd|calc");
    expect(cells.getCell(handoverColumns.indexOf('Tên cửa hàng') + 1).value).toBe(`'\t=HYPERLINK("http://x")`);
    // XML stores a carriage return as a line feed; the apostrophe still comes first.
    expect(cells.getCell(handoverColumns.indexOf('Sản phẩm') + 1).value).toBe("'\n@SUM(1)");
    expect(cells.getCell(handoverColumns.indexOf('Số ảnh') + 1).value).toBe(2);
  });

  it('the report tables neutralise text but keep negative numbers as numbers', () => {
    const csv = tableCsv({ name: 'Bảng', columns: [{ key: 'name', header: 'Tên', kind: 'text' }, { key: 'n', header: 'Số', kind: 'int' }], rows: [{ name: '-2+3', n: -5 }, { name: '\tx', n: 1 }] });
    expect(csv).toBe("\uFEFFTên,Số\r\n'-2+3,-5\r\n'\tx,1\r\n");
  });
});
