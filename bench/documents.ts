// The province's báo cáo tổng hợp in Word: every agency of the region pack in its table. How long it takes to
// build and how large the file is (it is downloaded on the province's connection).
import { performance } from 'node:perf_hooks';
import { langSon } from '../lib/region';
import { finishTally } from '../lib/tally';
import { provinceReportDocx } from '../server/reports/documents/province-document';
import type { ProvinceReport } from '../lib/api/province';
import { median, round, type Figures } from './figures';

export async function run(): Promise<Figures> {
  const tally = (i: number) => finishTally({ participants: 100 + i, orders: 150 + i, farmItems: 180 + i, quantity: 300 + i, amountVnd: 45_000_000 + i * 1000, grams: 90_000, itemsWithoutWeight: 0 }, 500);
  const agencies = langSon.agencies.map((a, i) => ({ code: a.code, name: a.name, group: a.group, state: 'submitted' as const, reportId: `r${i}`, version: 1, submittedAt: '2021-09-30T03:00:00Z', tally: tally(i) }));
  const report: ProvinceReport = {
    id: 'bench',
    periodId: '2021-dot-1',
    version: 1,
    createdAt: '2021-10-05T03:00:00Z',
    createdBy: 'Sở Thông tin và Truyền thông',
    document: { docNumber: '20/BC-STTTT', signerName: 'Người ký', signerPosition: 'GIÁM ĐỐC', recipients: ['Chủ tịch, các Phó Chủ tịch UBND tỉnh'], parentBody: null },
    snapshot: {
      period: { id: '2021-dot-1', name: 'Đợt 1 năm 2021', startsOn: '2021-08-01', endsOn: '2021-09-30' },
      provinceHeadcount: langSon.staffHeadcount,
      agencies,
      totals: finishTally({ participants: 5000, orders: 7000, farmItems: 8000, quantity: 13_000, amountVnd: 1_900_000_000, grams: 3_800_000, itemsWithoutWeight: 0 }, langSon.staffHeadcount),
      counts: { submitted: agencies.length, late: 0, 'not-yet': 0 },
    },
  };
  await provinceReportDocx(report); // warm-up
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    bytes = (await provinceReportDocx(report)).body.length;
    ms.push(performance.now() - t);
  }
  return {
    'documents.province-docx-ms': { value: round(median(ms), 0), unit: 'ms', target: 1000, better: 'lower' },
    'documents.province-docx-kb': { value: round(bytes / 1024, 1), unit: 'KB', target: 100, better: 'lower' },
  };
}
