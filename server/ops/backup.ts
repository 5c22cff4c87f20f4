// Backups of the collector's database, for `npm run admin -- backup | restore` (docs/deploy.md).
// SQLite: better-sqlite3's online backup, safe while the collector runs. PostgreSQL: pg_dump / pg_restore
// (custom format), which must be installed and at least as new as the server.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { CollectorConfig } from '../config';

export const sqliteFile = (dataDir: string) => join(dataDir, 'nongsan-so.sqlite');

type Where = Pick<CollectorConfig, 'dataDir' | 'databaseUrl'>;

/** Writes a backup of the configured database to `file` (overwriting it). Returns a line for the operator. */
export async function backupDatabase(where: Where, file: string): Promise<string> {
  if (where.databaseUrl) {
    runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], where.databaseUrl);
    return `Đã sao lưu PostgreSQL vào ${file} (pg_dump, định dạng custom).`;
  }
  const source = sqliteFile(where.dataDir);
  if (!existsSync(source)) throw new Error(`Không có cơ sở dữ liệu SQLite ở ${source}: kiểm tra DATA_DIR.`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return `Đã sao lưu SQLite vào ${file}.`;
}

/**
 * Replaces the configured database's content with a backup. The collector must be stopped (SQLite: its file is
 * replaced; PostgreSQL: tables are dropped and recreated in one transaction, so a failed restore changes nothing).
 */
export async function restoreDatabase(where: Where, file: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`Không có tệp sao lưu ${file}.`);
  const kind = backupKind(file);
  if (where.databaseUrl) {
    if (kind !== 'postgres') throw new Error(`${file} không phải bản sao lưu PostgreSQL (pg_dump --format=custom)${kind === 'sqlite' ? ': đây là bản sao lưu SQLite, hãy bỏ DATABASE_URL' : ''}.`);
    runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file], where.databaseUrl);
    return `Đã khôi phục PostgreSQL từ ${file}.`;
  }
  if (kind !== 'sqlite') throw new Error(`${file} không phải bản sao lưu SQLite${kind === 'postgres' ? ': đây là bản sao lưu PostgreSQL, hãy đặt DATABASE_URL' : ''}.`);
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  const target = sqliteFile(where.dataDir);
  const staging = `${target}.restoring`;
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Tệp sao lưu ${file} bị hỏng (${String(check)}).`);
    const ours = backup.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!ours) throw new Error(`${file} là tệp SQLite nhưng không phải cơ sở dữ liệu của Nông sản số.`);
    rmSync(staging, { force: true });
    // A copy through SQLite (not a file copy): one consistent file, written beside the database, then swapped in.
    await backup.backup(staging);
  } finally {
    backup.close();
  }
  // The old write-ahead log belongs to the old file: left beside the new one it would be replayed into it.
  for (const side of ['-wal', '-shm']) rmSync(target + side, { force: true });
  renameSync(staging, target);
  return `Đã khôi phục SQLite từ ${file} vào ${target}.`;
}

function backupKind(file: string): 'sqlite' | 'postgres' | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
    if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Runs pg_dump / pg_restore on the database of `url`; the password travels in the environment, not on the command line. */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const result = spawnSync(tool, [...args, `--dbname=${u.toString()}`], { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`Không tìm thấy ${tool}: cài gói postgresql-client (cùng phiên bản chính với máy chủ PostgreSQL hoặc mới hơn).`);
  }
  if (result.status !== 0) throw new Error(`${tool} thất bại: ${result.stderr.trim() || `mã ${result.status}`}`);
}
