/**
 * The province roll-up (province token). Routes:
 *   GET /api/province/rollup?period=|month=yyyy-mm → Rollup (server/reports/rollup.ts): per agency submitted/late/not-yet (+ overdue),
 *       `tally` = the newest submitted report (zeros when none), `live` = live numbers; `totals` of the submitted figures,
 *       `liveTotals` beside them; participation vs the province headcount (28,385). A month's figures are live (basis 'live').
 *   GET /api/province/rollup/export.xlsx|export.csv?period=|month= → "tong-hop-<period|month>-<yyyy-mm-dd>" with a totals row;
 *       submitted figures, then the live ones in columns headed "chưa nộp / tạm tính"
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { scopeOf } from '../../reports/tally';
import { provinceRollup, type ReportState } from '../../reports/rollup';
import { liveColumns, liveFields, tallyColumns } from '../../reports/agency-export';
import { download, toCsv, toXlsx, type Table } from '../../export/table';
import { formatDate } from '../../../lib/format';
import { vietnamToday } from '../../../lib/periods';

const stateText: Record<ReportState, string> = { submitted: 'Đã nộp', late: 'Nộp muộn', 'not-yet': 'Chưa nộp' };

export function provinceRollupRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.get('/', async (c) => c.json(await provinceRollup(db, await scopeOf(db, c.req.query()))));

  const exportFile = (format: 'xlsx' | 'csv') => async (c: Context<AuthEnv>) => {
    const scope = await scopeOf(db, c.req.query());
    const rollup = await provinceRollup(db, scope);
    const table: Table = {
      name: 'Tổng hợp toàn tỉnh',
      caption: [
        `Tổng hợp kết quả mua nông sản trực tuyến của cán bộ, công chức, viên chức — ${scope.label}`,
        rollup.basis === 'submitted' ? 'Số liệu theo báo cáo đã nộp của từng cơ quan (lần nộp mới nhất); cơ quan chưa nộp tính 0. Các cột "chưa nộp / tạm tính" là số liệu đang có, chưa được báo cáo.' : 'Số liệu theo tháng là số liệu tạm tính (báo cáo được nộp theo đợt).',
        `Xuất ngày ${formatDate(new Date().toISOString())}`,
      ],
      columns: [
        { key: 'no', header: 'STT', kind: 'int', width: 6 },
        { key: 'code', header: 'Mã', kind: 'text', width: 12 },
        { key: 'name', header: 'Cơ quan, đơn vị', kind: 'text', width: 44 },
        { key: 'state', header: 'Báo cáo', kind: 'text', width: 14 },
        { key: 'submittedAt', header: 'Ngày nộp', kind: 'date', width: 12 },
        ...tallyColumns,
        ...(rollup.basis === 'submitted' ? liveColumns : []),
      ],
      rows: rollup.agencies
        .filter((a) => a.active)
        .map((a, i) => ({
          no: i + 1,
          code: a.code,
          name: a.name,
          state: stateText[a.report.state] + (a.report.overdue ? ' (quá hạn)' : ''),
          submittedAt: a.report.submittedAt ? formatDate(a.report.submittedAt) : '',
          ...a.tally,
          ...liveFields(a.live),
        })),
      totals: { name: 'Toàn tỉnh', ...rollup.totals, ...liveFields(rollup.liveTotals) },
    };
    const fileName = `tong-hop-${'periodId' in scope ? scope.periodId : c.req.query('month')}-${vietnamToday()}`;
    return format === 'xlsx' ? download(c, await toXlsx([table]), `${fileName}.xlsx`, 'xlsx') : download(c, toCsv(table), `${fileName}.csv`, 'csv');
  };
  r.get('/export.xlsx', exportFile('xlsx'));
  r.get('/export.csv', exportFile('csv'));

  return r;
}
