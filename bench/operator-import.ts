// Issue 13: an operator's list of 50.000 households (Lạng Sơn's 30.626 shops and then some) imported into a real
// collector (SQLite) as CSV and as XLSX, while /api/health is polled every 20 ms from the same machine: the import's
// time, health's p50 and max during it, the heap's growth at its peak (the file is read as it arrives, 500 rows at a
// time), the same file again (idempotent: every row unchanged) and the province's progress from every channel after.
import { mkdtempSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { round, type Figures } from './figures';
import { duringHealthPolls, idleHealth } from './health-poll';
import { startCollector } from '../server/collector';
import { readConfig } from '../server/config';
import { createProvinceUser } from '../server/testing/seed';
import { communesOf, langSon } from '../lib/region';

const rows = 50_000;

/** A full collection before the heap is read, so the growth is the import's and not the bench's own garbage. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export async function run(): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-bench-operators-'));
  const collector = await startCollector({ ...readConfig(), port: 0, dataDir, databaseUrl: null });
  const url = `http://localhost:${collector.port}`;
  try {
    const province = await createProvinceUser(collector.db);
    const communes = communesOf(langSon);
    const cells = (i: number) => [communes[i % communes.length].name, communes[i % communes.length].districtName, `Hộ sản xuất số ${i}`, `09${String(10_000_000 + i).padStart(8, '0')}`, `VS${i}`, `https://langson.voso.vn/shop/${i}`, i % 3 ? 'có' : '', String(i % 7)];
    const header = ['Tên xã', 'Huyện', 'Họ và tên', 'SĐT', 'Mã gian hàng', 'Link gian hàng', 'Ví Viettel Money', 'Số sản phẩm'];
    const csv = new TextEncoder().encode([header.join(';'), ...Array.from({ length: rows }, (_, i) => cells(i).join(';'))].join('\r\n'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Xã/Phường', 'Huyện', 'Họ tên chủ hộ', 'Số điện thoại', 'Gian hàng', 'Tài khoản PostPay', 'Số mặt hàng']);
    for (let i = 0; i < rows; i++) {
      const c = cells(i);
      ws.addRow([c[0], c[1], c[2], `08${String(10_000_000 + i).padStart(8, '0')}`, 'có', i % 2 ? 'có' : 'chưa', i % 5]);
    }
    const xlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) as Uint8Array<ArrayBuffer>;
    ws.destroy?.();
    const auth = { Authorization: `Bearer ${province.token}` };
    for (const [operator, columns] of [
      ['voso', { commune: 'Tên xã', district: 'Huyện', headName: 'Họ và tên', phone: 'SĐT', shopId: 'Mã gian hàng', shop: 'Link gian hàng', payment: 'Ví Viettel Money', products: 'Số sản phẩm' }],
      ['postmart', { commune: 'Xã/Phường', district: 'Huyện', headName: 'Họ tên chủ hộ', phone: 'Số điện thoại', shop: 'Gian hàng', payment: 'Tài khoản PostPay', products: 'Số mặt hàng' }],
    ] as const) {
      const res = await fetch(`${url}/api/channels/column-maps/${operator}`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ columns }) });
      if (res.status !== 200) throw new Error(`column map: ${res.status}`);
    }

    const upload = async (operator: string, body: Uint8Array<ArrayBuffer>) => {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const { result, ms, p50, max } = await duringHealthPolls(
        url,
        async () => {
          const res = await fetch(`${url}/api/channels/imports/${operator}`, { method: 'POST', headers: auth, body });
          const answer = await res.json();
          if (res.status !== 200) throw new Error(`${operator} import: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
          return answer;
        },
        () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
      );
      return { answer: result, ms, p50, max, heapMb: (heapPeak - heapBefore) / 2 ** 20 };
    };

    const idle = await idleHealth(url);
    const voso = await upload('voso', csv);
    if (voso.answer.added !== rows) throw new Error(`voso: ${JSON.stringify({ ...voso.answer, problems: voso.answer.problems.slice(0, 5) }).slice(0, 1500)}`);
    const again = await upload('voso', csv);
    if (again.answer.unchanged !== rows || again.answer.added + again.answer.changed !== 0) throw new Error(`voso again: ${JSON.stringify(again.answer).slice(0, 300)}`);
    const postmart = await upload('postmart', xlsx);
    if (postmart.answer.added !== rows) throw new Error(`postmart: ${JSON.stringify(postmart.answer).slice(0, 300)}`);
    const t = performance.now();
    const progress = await fetch(`${url}/api/channels/progress`, { headers: auth });
    if (progress.status !== 200) throw new Error(`progress: ${progress.status}`);
    await progress.arrayBuffer();
    const progressMs = performance.now() - t;
    process.stderr.write(`  operators: ${csv.length} B CSV, ${xlsx.length} B XLSX, ${rows} rows each\n`);
    return {
      'operator list 50.000-row CSV import': { value: round(voso.ms, 0), unit: 'ms', target: 60_000, better: 'lower' },
      'operator list 50.000-row CSV again (all unchanged)': { value: round(again.ms, 0), unit: 'ms', target: 60_000, better: 'lower' },
      'operator list 50.000-row XLSX import': { value: round(postmart.ms, 0), unit: 'ms', target: 60_000, better: 'lower' },
      'heap growth peak during 50.000-row CSV import': { value: round(voso.heapMb, 1), unit: 'MB', target: 100, better: 'lower' },
      'heap growth peak during 50.000-row XLSX import': { value: round(postmart.heapMb, 1), unit: 'MB', target: 100, better: 'lower' },
      'health max idle before the imports (same run, for scale)': { value: round(Math.max(...idle), 1), unit: 'ms', target: 200, better: 'lower' },
      'health max during the same 50.000-row CSV again': { value: round(again.max, 1), unit: 'ms', target: 200, better: 'lower' },
      'health p50 during 50.000-row CSV import': { value: round(voso.p50, 1), unit: 'ms', target: 200, better: 'lower' },
      'health max during 50.000-row CSV import': { value: round(voso.max, 1), unit: 'ms', target: 200, better: 'lower' },
      'health p50 during 50.000-row XLSX import': { value: round(postmart.p50, 1), unit: 'ms', target: 200, better: 'lower' },
      'health max during 50.000-row XLSX import': { value: round(postmart.max, 1), unit: 'ms', target: 200, better: 'lower' },
      'province progress from every channel (100.000 operator rows)': { value: round(progressMs, 0), unit: 'ms', target: 1_000, better: 'lower' },
    };
  } finally {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
