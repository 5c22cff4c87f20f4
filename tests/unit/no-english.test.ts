/**
 * Issue 10 item 5: no English in the dashboards or exports. The screens' strings are read from their syntax trees
 * (the PWA, the shared components, the extension's pages), the HTML shells as text, the collector's messages from
 * their table, and the exports as a collector makes them: XLSX, CSV, Word and the printable code page, read back.
 * Each is checked against a hand-written list of English interface words (tests/unit/english-words.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { englishWords, uiStrings } from './english-words';
import { problems } from '../../lib/api/problems';
import { openDb, type Db } from '../../server/db';
import { createApp } from '../../server/app';
import { createAgencyFocalPoint, createProvinceUser, sampleOrder, submitOrders } from '../../server/testing/seed';
import { readDocx } from '../../server/testing/docx-text';

const root = join(import.meta.dirname, '../..');
const tracked = (...paths: string[]) => execFileSync('git', ['ls-files', ...paths], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** "file:line [words] text" for every text of `texts` with English words in it. */
const found = (texts: { where: string; text: string }[]) => texts.flatMap(({ where, text }) => (englishWords(text).length ? [`${where} [${englishWords(text).join(', ')}] ${text.slice(0, 100)}`] : []));

/** What a person reads on an HTML page: its text and the attributes read aloud or shown, not its styles or scripts. */
export function htmlText(html: string): string {
  const attrs = [...html.matchAll(/\s(?:title|aria-label|placeholder|alt)="([^"]*)"/g), ...html.matchAll(/<meta name="(?:description|apple-mobile-web-app-title|application-name)" content="([^"]*)"/g)].map((m) => m[1]);
  const body = html.replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, ' ');
  return [body, ...attrs].join(' ').replace(/\s+/g, ' ').trim();
}

describe('no English in what people read', () => {
  it('the screens: strings the PWA, the shared components and the extension pages show', () => {
    const files = tracked('pwa/src', 'components', 'entrypoints').filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(files).toContain('pwa/src/dashboard/sign-in.tsx');
    expect(files).toContain('pwa/src/dashboard/agency/units.tsx');
    const texts = files.flatMap((f) => uiStrings(f, readFileSync(join(root, f), 'utf8')).map((s) => ({ where: `${f}:${s.line}`, text: s.text })));
    // Over a thousand strings: the scan reads the screens, not an empty list.
    expect(texts.length).toBeGreaterThan(1000);
    expect(found(texts)).toEqual([]);
  });

  it('the HTML shells of the PWA and the extension pages', () => {
    const pages = tracked('pwa', 'entrypoints').filter((f) => f.endsWith('.html'));
    expect(pages).toContain('pwa/index.html');
    expect(found(pages.map((f) => ({ where: f, text: htmlText(readFileSync(join(root, f), 'utf8')) })))).toEqual([]);
  });

  it("the collector's messages", () => {
    expect(found(Object.entries(problems).map(([code, p]) => ({ where: code, text: p.vi })))).toEqual([]);
  });

  it('finds English where there is some, and not in code (checked on a small screen)', () => {
    const screen = `
      import { x } from './agency';
      export function Demo({ state }: { state: 'active' | 'expired' }) {
        const path = \`/api/province/periods/\${state}/limits\`;
        if (state === 'active') console.log('Loading done');
        return (
          <section class="error dash-row" aria-label="Đang tải">
            <p>Loading…</p>
            <button type="submit" title={state === 'expired' ? 'Hết hạn' : 'Not active'}>Lưu</button>
            <Confirm confirmLabel="Xóa" cancelLabel={'Cancel'} />
            {busy ? 'Đang gửi…' : 'Gửi tệp CSV, XLSX qua URL'}
            <ExportButton path="/api/agency/export.csv" label={\`Tải về \${n} Report\`} />
          </section>
        );
      }`;
    const texts = uiStrings('demo.tsx', screen).map((s) => ({ where: `demo.tsx:${s.line}`, text: s.text }));
    expect(found(texts)).toEqual(['demo.tsx:8 [Loading] Loading…', 'demo.tsx:9 [Not, active] Not active', 'demo.tsx:10 [Cancel] Cancel', 'demo.tsx:12 [Report] Tải về Report']);
    expect(englishWords('Đăng nhập: Agency and province sign-in')).toEqual(['Agency', 'and', 'province', 'sign']);
    expect(htmlText('<html><head><title>Sign in</title><style>.error{}</style></head><body><p aria-label="Tổng">Total</p></body></html>').match(/\S+/g)).toEqual(['Sign', 'in', 'Total', 'Tổng']);
  });
});

describe('no English in the exports a collector makes', () => {
  let db: Db;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const texts: { where: string; text: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nongsan-so-english-'));
    db = (await openDb({ dataDir: dir })).db;
    app = createApp({ db, dbKind: 'sqlite', startedAt: new Date() });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await db.insertInto('periods').values({ id: 'now', name: 'Đợt hiện tại', starts_on: '2025-01-01', ends_on: '2099-12-31', report_due: '2099-12-31' }).execute();
    const focal = await createAgencyFocalPoint(db, 'UBND-178');
    const province = await createProvinceUser(db);
    const json = { 'Content-Type': 'application/json' };
    const call = async (who: { auth: Record<string, string> }, method: string, path: string, body?: unknown) => {
      const res = await app.request(path, { method, headers: { ...who.auth, ...json }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    // A person of a sub-unit with a counted order, so every table has lines.
    const code = (await (await call(focal, 'POST', '/api/agency/enrolment-codes', { count: 1, unitId: 'UBND-178-05971' })).json()).codes[0].code;
    const enrolled = await (await app.request('/api/staff/enrol', { method: 'POST', headers: json, body: JSON.stringify({ code, fullName: 'Hoàng Văn An', installationId: randomUUID() }) })).json();
    await submitOrders({ app }, { id: enrolled.staff.id, token: enrolled.token, auth: { Authorization: `Bearer ${enrolled.token}` }, agencyCode: 'UBND-178' }, [sampleOrder({ placedAt: today })]);
    const report = await (await call(focal, 'POST', '/api/agency/reports', { periodId: 'now' })).json();
    const provinceReport = await (await call(province, 'POST', '/api/province/reports', { periodId: 'now' })).json();

    const xlsx = async (where: string, res: Response) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      for (const ws of wb.worksheets) {
        texts.push({ where: `${where} (sheet)`, text: ws.name });
        ws.eachRow((row, n) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push({ where: `${where} ${ws.name}!${n}`, text: cell.value })));
      }
    };
    await xlsx('agency export.xlsx', await call(focal, 'GET', '/api/agency/export.xlsx?period=now'));
    await xlsx('agency report export.xlsx', await call(focal, 'GET', `/api/agency/export.xlsx?report=${report.id}`));
    await xlsx('rollup export.xlsx', await call(province, 'GET', '/api/province/rollup/export.xlsx?period=now'));
    await xlsx('handover.xlsx', await call(province, 'GET', '/api/kiosk/handover.xlsx'));
    for (const path of ['/api/agency/export.csv?period=now', '/api/agency/export.csv?period=now&table=units']) texts.push({ where: path, text: await (await call(focal, 'GET', path)).text() });
    for (const path of ['/api/province/rollup/export.csv?period=now', '/api/kiosk/handover.csv']) texts.push({ where: path, text: await (await call(province, 'GET', path)).text() });
    texts.push({ where: 'agency document.docx', text: (await readDocx(await (await call(focal, 'GET', `/api/agency/reports/${report.id}/document.docx`)).arrayBuffer())).text });
    texts.push({ where: 'province document.docx', text: (await readDocx(await (await call(province, 'GET', `/api/province/reports/${provinceReport.id}/document.docx`)).arrayBuffer())).text });
    texts.push({ where: 'enrolment code print page', text: htmlText(await (await call(focal, 'GET', '/api/agency/enrolment-codes/print')).text()) });
  }, 120_000);

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('XLSX (sheet names and every cell), CSV, both Word documents and the printable code page', () => {
    expect(texts.filter((t) => t.where.endsWith('(sheet)')).map((t) => t.text)).toContain('Theo đơn vị trực thuộc');
    expect(texts.find((t) => t.where === 'agency document.docx')?.text).toContain('Phường Hoàng Văn Thụ');
    expect(found(texts)).toEqual([]);
  });
});
