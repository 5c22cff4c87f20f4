import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { checkpointInBackground, walCheckpoint, type WalCheckpointer } from './wal-checkpoint';
import { openDb, storeClientOf } from './index';

const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'wal-checkpoint-'));
  dirs.push(dir);
  return dir;
}

/** Rows of about 1 KB each: `n` of them put about n KB into the log. */
function writeRows(file: SQLite.Database, n: number, from = 0) {
  const insert = file.prepare('insert into notes (id, text) values (?, ?)');
  file.transaction(() => {
    for (let i = from; i < from + n; i++) insert.run(i, 'x'.repeat(1000));
  })();
}

/** Waits (up to 5 s) until `ok` holds; `what` names it in the failure. */
const until = (what: string, ok: () => boolean) =>
  vi.waitFor(() => {
    if (!ok()) throw new Error(`still not: ${what}`);
  }, { timeout: 5000, interval: 10 });

// safetyNetPages 0: the writing connection never checkpoints; whatever reaches the database file came through the worker.
const small = { startAtBytes: 256 * 1024, everyMs: 20, safetyNetPages: 0, lookEveryMs: 20 };

describe('the WAL checkpoint on a thread of its own', () => {
  /** A file in WAL mode, with the checkpoint thread watching it (stopped, then the file closed, after each test). */
  function openWatched(): { path: string; file: SQLite.Database; checkpointer: WalCheckpointer } {
    const path = join(freshDir(), 'db.sqlite');
    const file = new SQLite(path);
    file.pragma('journal_mode = WAL');
    file.exec('create table notes (id integer primary key, text text not null)');
    const checkpointer = checkpointInBackground(file, small);
    stops.push(async () => {
      await checkpointer.stop();
      file.close();
    });
    return { path, file, checkpointer };
  }

  it('copies the log into the database file while the writing connection never checkpoints', async () => {
    const { path, file, checkpointer } = openWatched();
    const before = statSync(path).size;
    writeRows(file, 600);
    await until('the worker started', () => checkpointer.running);
    // 600 rows of 1 KB are about 150 pages of 4 KB: the database file takes them in, from the worker.
    await until('the rows reached the database file', () => statSync(path).size >= before + 600 * 1000);
    expect(file.prepare('select count(*) as n from notes').get()).toEqual({ n: 600 });
  });

  it('starts no worker while the log stays small', async () => {
    const { path, file, checkpointer } = openWatched();
    const before = statSync(path).size;
    writeRows(file, 50);
    await new Promise((r) => setTimeout(r, 10 * small.lookEveryMs));
    expect(checkpointer.running).toBe(false);
    expect(statSync(path).size).toBe(before);
  });

  it('stops: the worker closes its connection and stops copying', async () => {
    const { path, file, checkpointer } = openWatched();
    writeRows(file, 600);
    await until('the worker started', () => checkpointer.running);
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    const after = statSync(path).size;
    writeRows(file, 600, 600);
    await new Promise((r) => setTimeout(r, 10 * small.everyMs));
    expect(statSync(path).size).toBe(after);
  });
});

describe('the collector’s SQLite database', () => {
  it('keeps temporary tables and statement journals in memory', async () => {
    const { db } = await openDb({ dataDir: freshDir() });
    stops.push(() => db.destroy());
    const file = (storeClientOf(db) as { file: SQLite.Database }).file;
    // 2 = MEMORY (SQLite's pragma documentation: 0 DEFAULT, 1 FILE, 2 MEMORY).
    expect(file.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('keeps the automatic checkpoint only as a safety net, at the mark the worker leaves it', async () => {
    const { db } = await openDb({ dataDir: freshDir() });
    stops.push(() => db.destroy());
    const file = (storeClientOf(db) as { file: SQLite.Database }).file;
    expect(file.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    expect(walCheckpoint.safetyNetPages).toBe(10_000);
  });

  it('closes the worker’s connection before its own, so that closing checkpoints the log and removes it', async () => {
    const dir = freshDir();
    const { db } = await openDb({ dataDir: dir });
    await sql`create table notes (id integer primary key, text text not null)`.execute(db);
    const file = (storeClientOf(db) as { file: SQLite.Database }).file;
    // Past the mark at which the worker starts (4 MB of log), in rows of 1 KB.
    writeRows(file, 5000);
    const wal = join(dir, 'nongsan-so.sqlite-wal');
    const database = join(dir, 'nongsan-so.sqlite');
    expect(statSync(wal).size).toBeGreaterThan(walCheckpoint.startAtBytes);
    // The worker started and copied the rows in (this connection would not before 10.000 pages).
    const before = statSync(database).size;
    await until('the rows reached the database file', () => statSync(database).size >= before + 5000 * 1000);
    await db.destroy();
    expect(existsSync(wal)).toBe(false);
    const reopened = new SQLite(database, { readonly: true });
    expect(reopened.prepare('select count(*) as n from notes').get()).toEqual({ n: 5000 });
    reopened.close();
  });
});
