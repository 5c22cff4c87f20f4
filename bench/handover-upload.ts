// Issue 11: a maximal hand-over upload must not stall the collector. Uploads, to a real collector (SQLite), the
// largest file it accepts (5.000 rows, each updating a real household) and the review's attack files (2 MB of a
// million short rows; an XLSX of 200.000 rows a few hundred kilobytes zipped), while polling /api/health every
// 20 ms from the same machine; reports health's p50 and max during each upload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { median, round, type Figures } from './figures';
import { duringHealthPolls, idleHealth } from './health-poll';
import { startCollector } from '../server/collector';
import { readConfig } from '../server/config';
import { seedOfficer } from '../server/kiosk/seed-officer';
import { handoverMaxRows } from '../server/kiosk/handover-file';
import { sampleHousehold } from '../lib/kiosk/sample-household';

export async function run(): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nongsan-so-bench-handover-'));
  const collector = await startCollector({ ...readConfig(), port: 0, dataDir, databaseUrl: null });
  const url = `http://localhost:${collector.port}`;
  try {
    await seedOfficer(collector.db, { username: 'bench', password: 'mat-khau-cua-xa', fullName: 'Lý Thị Mai', communes: ['06181'] });
    const login = await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'mat-khau-cua-xa' }) })).json();
    const officer = { Authorization: `Bearer ${login.token}` };
    const { code } = await (await fetch(`${url}/api/kiosk/device-codes`, { method: 'POST', headers: { ...officer, 'Content-Type': 'application/json' }, body: '{}' })).json();
    const { token } = await (await fetch(`${url}/api/kiosk/enrol`, { method: 'POST', body: JSON.stringify({ code }) })).json();
    for (let b = 0; b < handoverMaxRows / 100; b++) {
      const households = Array.from({ length: 100 }, (_, j) => {
        const i = b * 100 + j;
        return sampleHousehold({ clientId: `bench-handover-${i}`, phone: `03${String(80_000_000 + i).padStart(8, '0')}`, idNumber: `020${String(190_000_000 + i).padStart(9, '0')}`, headName: `Hộ ${i}` });
      });
      const res = await fetch(`${url}/api/kiosk/households`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ households }) });
      if (res.status !== 200) throw new Error(`seeding households: ${res.status}`);
    }
    // The sheet lists record codes ("KX7A-QVYD"), as the hand-over export writes them.
    const ids = (await collector.db.selectFrom('households').select('code').execute()).map((h) => h.code);

    // The largest accepted file: every pending household gets its shop link and both facts.
    const maximal = new TextEncoder().encode(
      ['Mã hồ sơ;Đường dẫn cửa hàng;Đã mở tài khoản thanh toán;Đã đăng sản phẩm', ...ids.map((id, i) => `${id};https://langson.postmart.vn/shop/${i};có;có`)].join('\r\n'),
    );
    const million = new TextEncoder().encode('Mã hồ sơ\n' + '1\n'.repeat(1_000_000));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hộ');
    ws.addRow(['Mã hồ sơ']);
    for (let i = 0; i < 200_000; i++) ws.addRow(['1']);
    const xlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) as Uint8Array<ArrayBuffer>;

    const upload = async (body: Uint8Array<ArrayBuffer>) => {
      const { result, ms, p50, max, stall } = await duringHealthPolls(url, async () => {
        const res = await fetch(`${url}/api/kiosk/handover`, { method: 'POST', headers: officer, body });
        return { status: res.status, answer: await res.json() };
      });
      return { ...result, ms, p50, max, stall };
    };

    const idle = await idleHealth(url);
    const ok = await upload(maximal);
    if (ok.status !== 200 || ok.answer.updated !== handoverMaxRows) throw new Error(`maximal upload: ${ok.status} ${JSON.stringify(ok.answer).slice(0, 200)}`);
    const flood = await upload(million);
    const zipped = await upload(xlsx);
    if (flood.status !== 413 || zipped.status !== 413) throw new Error(`oversized files: ${flood.status}, ${zipped.status}`);
    process.stderr.write(`  hand-over: ${maximal.length} B maximal CSV in ${round(ok.ms, 0)} ms; ${million.length} B flood; ${xlsx.length} B XLSX\n`);
    process.stderr.write(`  longest stall of the collector's event loop: maximal ${round(ok.stall.ms, 0)} ms (${round(ok.stall.cpuMs, 0)} ms of it on the CPU), flood ${round(flood.stall.ms, 0)} (${round(flood.stall.cpuMs, 0)}), XLSX ${round(zipped.stall.ms, 0)} (${round(zipped.stall.cpuMs, 0)})\n`);
    return {
      'handover maximal upload (5.000 rows)': { value: round(ok.ms, 0), unit: 'ms', target: 10_000, better: 'lower' },
      'health p50 idle (same run, for scale)': { value: round(median(idle), 1), unit: 'ms', target: 50, better: 'lower' },
      'health max idle (same run, for scale)': { value: round(Math.max(...idle), 1), unit: 'ms', target: 200, better: 'lower' },
      'health p50 during maximal hand-over upload': { value: round(ok.p50, 1), unit: 'ms', target: 200, better: 'lower' },
      'health max during maximal hand-over upload': { value: round(ok.max, 1), unit: 'ms', target: 200, better: 'lower' },
      'event loop: CPU time of its longest stall, maximal upload': { value: round(ok.stall.cpuMs, 1), unit: 'ms', target: 100, better: 'lower' },
      'health max during a million-row CSV (refused)': { value: round(flood.max, 1), unit: 'ms', target: 200, better: 'lower' },
      'health max during a 200.000-row XLSX (refused)': { value: round(zipped.max, 1), unit: 'ms', target: 200, better: 'lower' },
    };
  } finally {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
