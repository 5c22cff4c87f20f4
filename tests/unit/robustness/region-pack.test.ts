/**
 * Issue 14: another province is another pack, loaded by data. A collector started with REGION=<pack.json> (a fictional
 * test province) seeds that province on first start and counts against its figures; the same database refuses to
 * start as Lạng Sơn; a broken pack is refused with the reasons.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../../server/app';
import { createProvinceUser } from '../../../server/testing/seed';
import { loadRegion } from '../../../server/region';
import { enrolKiosk, household } from './people';
import { kill, startCollector } from './collector-process';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';

const packFile = resolve('tests/region-packs/tinh-thu-nghiem.json');

/** `node --import tsx server/main.ts` until it exits: its code and what it printed. */
const runToExit = (env: Record<string, string>) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: '0', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: a second province's region pack`, () => {
    const procs: ChildProcess[] = [];
    let cleanup = async () => {};
    afterAll(async () => {
      for (const p of procs) await kill(p, 'SIGKILL');
      await cleanup();
    });

    it('REGION=tinh-thu-nghiem.json: its districts, communes, agencies, period and headcount; households of its communes', { timeout: 120_000 }, async () => {
      const database = await throwawayDatabase(kind);
      cleanup = database.drop;
      const collector = await startCollector({ ...database.env, REGION: packFile });
      procs.push(collector.proc);

      const { db } = await database.open({ region: loadRegion(packFile) });
      try {
        expect(await db.selectFrom('districts').select(['code', 'name', 'signup_deadline']).orderBy('code').execute()).toEqual([
          { code: '990', name: 'Thành phố Thử Nghiệm', signup_deadline: '2026-06-30' },
          { code: '991', name: 'Huyện Mẫu', signup_deadline: '2026-12-31' },
        ]);
        expect((await db.selectFrom('communes').select('code').orderBy('code').execute()).map((c) => c.code)).toEqual(['99001', '99002', '99101', '99102']);
        expect(await db.selectFrom('periods').select(['id', 'report_due']).execute()).toEqual([{ id: '2026-dot-1', report_due: '2027-01-15' }]);

        // The province's roll-up counts against the pack's agencies and headcount (1.234), not Lạng Sơn's.
        const province = await createProvinceUser(db);
        const rollup = await fetch(`${collector.base}/api/province/rollup?period=2026-dot-1`, { headers: province.auth });
        expect(rollup.status).toBe(200);
        const body = (await rollup.json()) as { provinceHeadcount: number; agencies: { code: string }[] };
        expect(body.provinceHeadcount).toBe(1234);
        expect(body.agencies.map((a) => a.code).sort()).toEqual(['SNNPTNT', 'STTTT', 'UBND-991']);

        // A commune officer of Phường Một signs up a household of that commune.
        const kiosk = await enrolKiosk({ db, app: createApp({ db, dbKind: kind, startedAt: new Date() }) }, ['99001']);
        const sent = await fetch(`${collector.base}/api/kiosk/households`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${kiosk.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ households: [household({ communeCode: '99001' })] }),
        });
        expect(sent.status).toBe(200);
        expect(((await sent.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['accepted']);

        // Its targets, not Lạng Sơn's (50% of households, 10 tấn/ngày): 40% and 500 kg a day.
        const progress = (await (await fetch(`${collector.base}/api/kiosk/progress`, { headers: province.auth })).json()) as { targetPercent: number; communes: { communeCode: string; signedUp: number; targetPercent: number; deadline: string }[] };
        expect(progress.targetPercent).toBe(40);
        expect(progress.communes[0]).toMatchObject({ communeCode: '99001', signedUp: 1, targetPercent: 40, deadline: '2026-06-30' });
        const charts = (await (await fetch(`${collector.base}/api/province/charts?period=2026-dot-1`, { headers: province.auth })).json()) as { dailyKgTarget: number };
        expect(charts.dailyKgTarget).toBe(500);
      } finally {
        await db.destroy();
      }
      await kill(collector.proc, 'SIGTERM');

      // The same database started as Lạng Sơn: refused, nothing mixed.
      const asLangSon = runToExit({ ...database.env, REGION: 'lang-son' });
      expect(asLangSon.status).toBe(1);
      expect(asLangSon.out).toContain('Cơ sở dữ liệu này đã có dữ liệu của một tỉnh khác, không phải Tỉnh Lạng Sơn: kiểm tra REGION và DATA_DIR / DATABASE_URL.');
    });
  });
}

describe('a region pack that cannot be loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nongsan-so-region-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names what is wrong and does not start', () => {
    const broken = join(dir, 'tinh-hong.json');
    writeFileSync(broken, JSON.stringify({ province: { code: '98', name: 'Tỉnh Hỏng' }, districts: [{ code: '980', name: 'Huyện A', type: 'Huyện', communes: [] }], agencies: [{ code: 'X', name: 'Sở X', kind: 'k', group: 'g', districtCode: '999' }], periods: [], marketplaceHosts: {}, signupDeadlines: {}, householdTargetPercent: 50, dailyKgTarget: 0, staffHeadcount: 0 }));
    const r = runToExit({ DATA_DIR: dir, DATABASE_URL: '', REGION: broken });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`Gói địa phương ${broken} chưa đúng:\n- Huyện 980 không có xã nào.\n- Cơ quan X thuộc huyện 999 không có trong gói.\n- staffHeadcount phải là số nguyên dương (số cán bộ của tỉnh).`);
    const unknown = runToExit({ DATA_DIR: dir, DATABASE_URL: '', REGION: 'cao-bang' });
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('Không có gói địa phương "cao-bang": dùng lang-son hoặc đường dẫn tới tệp .json.');
  });
});
