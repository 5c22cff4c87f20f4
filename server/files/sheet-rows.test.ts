import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { maxLineChars, sheetRows } from './sheet-rows';

// Names whose letters take two and three bytes in UTF-8, many enough that the file's pieces split some letters.
const names = Array.from({ length: 3000 }, (_, i) => `Lường Thị Hải Yến ${i} – Xã Hoàng Văn Thụ, Huyện Văn Lãng`);

async function read(source: Uint8Array | AsyncIterable<Uint8Array>) {
  const rows: string[][] = [];
  for await (const r of sheetRows(source)) rows.push(r.cells);
  return rows;
}

/** The bytes as a request body arrives: pieces of 777 bytes, cutting letters in two. */
async function* arriving(bytes: Uint8Array) {
  for (let i = 0; i < bytes.length; i += 777) yield bytes.subarray(i, i + 777);
}

describe('sheet rows', () => {
  it('reads every Vietnamese letter of a large XLSX intact, whole or as it arrives', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Số mặt hàng']);
    names.forEach((n, i) => ws.addRow([n, i]));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const expected = [['Họ và tên', 'Số mặt hàng'], ...names.map((n, i) => [n, String(i)])];
    expect(await read(bytes)).toEqual(expected);
    expect(await read(arriving(bytes))).toEqual(expected);
  });

  it('reads a CSV the same way, finding the separator under a title line', async () => {
    const csv = new TextEncoder().encode(['DANH SÁCH HỘ', 'Họ và tên;Số mặt hàng', ...names.map((n, i) => `${n};${i}`)].join('\r\n'));
    const rows = await read(arriving(csv));
    expect(rows).toHaveLength(3002);
    expect(rows[1]).toEqual(['Họ và tên', 'Số mặt hàng']);
    expect(rows.slice(2)).toEqual(names.map((n, i) => [n, String(i)]));
  });

  it('refuses a CSV line longer than 64 KB instead of parsing it again with every piece', async () => {
    const endless = new TextEncoder().encode('Họ và tên;Xã\r\n' + 'a'.repeat(maxLineChars + 10));
    await expect(read(arriving(endless))).rejects.toThrow('line too long');
    // A long line within the limit is read.
    const long = new TextEncoder().encode('Họ và tên;Xã\r\n' + 'a'.repeat(maxLineChars - 10) + ';b\r\n');
    expect((await read(long))[1]).toEqual(['a'.repeat(maxLineChars - 10), 'b']);
  });
});
