import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * SQLite's WAL checkpoint off the collector's thread.
 *
 * SQLite copies the write-ahead log back into the database file inside whichever COMMIT takes the log past its mark
 * (1.000 pages by default), on the one thread every request waits for: under deadline-day load that COMMIT took a
 * quarter of a kiosk burst's time (docs/scale.md). Here a worker thread, with its own connection to the same file,
 * checkpoints every `everyMs` once the log has first grown to `startAtBytes`; the collector's own automatic checkpoint
 * stays, at `safetyNetPages`, for a worker that falls behind. A small database (tests, a quiet province) never
 * starts the worker.
 */
export const walCheckpoint = {
  startAtBytes: 4 * 1024 * 1024,
  everyMs: 200,
  safetyNetPages: 10_000,
  /** How often the collector's thread looks at the log's size until the worker starts (one `stat`). */
  lookEveryMs: 500,
};

export interface WalCheckpointer {
  /** The worker has started (the log reached `startAtBytes`). */
  readonly running: boolean;
  /** Stops looking, or stops the worker and waits for it to close its connection. */
  stop(): Promise<void>;
}

/** Sets `file`'s own automatic checkpoint to the safety net and watches its log (`file` is in WAL mode). */
export function checkpointInBackground(file: SQLite.Database, settings = walCheckpoint): WalCheckpointer {
  file.pragma(`wal_autocheckpoint = ${settings.safetyNetPages}`);
  const databasePath = file.name;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stopped = false;
  const look = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${databasePath}-wal`).size;
    } catch {
      return; // no log yet
    }
    if (size < settings.startAtBytes) return;
    clearInterval(look);
    worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
      workerData: { path: databasePath, everyMs: settings.everyMs },
    });
    // The worker never keeps the process alive; `stop` closes its connection before the collector's.
    worker.unref();
    const started = worker;
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
    worker.on('message', (m: { failed?: string }) => {
      if (m.failed) console.error(`SQLite: điểm kiểm (checkpoint) nền bị lỗi (${m.failed}); SQLite vẫn tự làm khi nhật ký đầy.`);
    });
    worker.on('error', (e) => console.error(`SQLite: luồng điểm kiểm (checkpoint) nền dừng (${e.message}); SQLite vẫn tự làm khi nhật ký đầy.`));
  }, settings.lookEveryMs);
  look.unref();
  return {
    get running() {
      return worker !== null && !stopped;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(look);
      if (!worker) return;
      // Held open until it has closed its connection (unreferenced, the process could end while waiting for it).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
