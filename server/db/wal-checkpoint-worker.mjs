// The WAL checkpoint of the collector's SQLite file, on a thread of its own (server/db/wal-checkpoint.ts says why).
// Plain JavaScript: a worker thread runs without the TypeScript loader the collector and its tests start with.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const file = new Database(workerData.path, { fileMustExist: true });
// A PASSIVE checkpoint never waits for the collector's connection: it copies what no reader still needs and
// leaves the rest for the next round.
const checkpoint = file.prepare('pragma wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.run();
  } catch (e) {
    parentPort.postMessage({ failed: e instanceof Error ? e.message : String(e) });
  }
}, workerData.everyMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  file.close();
  parentPort.close();
});
