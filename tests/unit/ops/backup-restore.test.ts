/**
 * Issue 14: `npm run admin -- backup --to <file>`, the database wiped, `restore --from <file>`: every tally, report,
 * export (XLSX and CSV content), commune progress and photo is what it was. Real commands, on SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';
import { seedCampaign, whatPeopleSee } from './campaign';
import { admin } from './admin-command';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: backup and restore`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'nongsan-so-backup-'));
    let drop = async () => {};
    afterAll(async () => {
      await drop();
      rmSync(folder, { recursive: true, force: true });
    });

    it('backup, wipe, restore: the same tallies, reports, exports, progress and photos', { timeout: 120_000 }, async () => {
      const database = await throwawayDatabase(kind);
      drop = database.drop;
      let { db } = await database.open();
      const campaign = await seedCampaign(db, kind);
      const before = await whatPeopleSee(db, kind, campaign);
      expect(before.agencyTally.tally.participants).toBe(2);
      // The 2021 period's deadline has passed: SNV's report is late, the 41 other agencies overdue.
      expect(before.rollup.counts).toEqual({ submitted: 0, late: 1, 'not-yet': 41, overdue: 41 });
      await db.destroy();

      const file = join(folder, kind === 'sqlite' ? 'nongsan-so.sqlite.bak' : 'nongsan-so.pgdump');
      const backup = admin(database.env, 'backup', '--to', file);
      expect(backup.out).toContain(`Đã sao lưu ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} vào ${file}`);
      expect(backup.status).toBe(0);
      expect(statSync(file).size).toBeGreaterThan(0);

      // Wipe: the data folder emptied, or the PostgreSQL database dropped and created again empty.
      await database.wipe();
      if (kind === 'postgres') {
        // Emptied indeed, or a restore over the old tables would prove nothing (SQLite: its file is gone, below).
        const empty = database.openBare();
        expect(await empty.introspection.getTables()).toEqual([]);
        await empty.destroy();
      }

      // Restoring asks first; without a terminal and without --yes it changes nothing.
      const refused = admin(database.env, 'restore', '--from', file);
      expect(refused.status).toBe(1);
      expect(refused.out).toContain('Cần xác nhận: chạy lại với --yes.');
      if (kind === 'sqlite') expect(existsSync(join(database.env.DATA_DIR, 'nongsan-so.sqlite'))).toBe(false);

      const restore = admin(database.env, 'restore', '--from', file, '--yes');
      expect(restore.out).toContain(`Đã khôi phục ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} từ ${file}`);
      expect(restore.status).toBe(0);

      ({ db } = await database.open());
      try {
        expect(await whatPeopleSee(db, kind, campaign)).toEqual(before);
      } finally {
        await db.destroy();
      }
    });

    it('a backup of the other database kind, or not a backup at all, is refused with the reason', async () => {
      const database = await throwawayDatabase(kind);
      const previous = drop;
      drop = async () => {
        await previous();
        await database.drop();
      };
      const notBackup = join(folder, 'ghi-chu.txt');
      writeFileSync(notBackup, 'không phải bản sao lưu\n');
      const r = admin(database.env, 'restore', '--from', notBackup, '--yes');
      expect(r.status).toBe(1);
      expect(r.out).toContain(`${notBackup} không phải bản sao lưu ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
      const missing = admin(database.env, 'restore', '--from', join(folder, 'khong-co.bak'), '--yes');
      expect(missing.status).toBe(1);
      expect(missing.out).toContain('Không có tệp sao lưu');
    });
  });
}
