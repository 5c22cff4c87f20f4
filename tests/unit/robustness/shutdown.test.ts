/**
 * Issue 14: stopping the collector (systemd, docker stop, Ctrl+C) under traffic. A real collector process
 * receives SIGTERM while a civil servant's upload is still arriving: it stops taking new connections, answers that
 * upload (200, stored), closes the database and exits 0, never "driver has already been destroyed" — also when the
 * client of a request still being handled has hung up.
 * systemd and `docker stop` signal every process of the service, so the collector sees the signal more than once.
 * A connection with no request in flight (a keep-alive one between requests, a browser's spare socket that never
 * sent one) does not hold the stop; what does hold it past the grace is named in the log.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { createApp } from '../../../server/app';
import { enrolStaff, sampleOrder } from '../../../server/testing/seed';
import { kill, startCollector } from './collector-process';
import { throwawayDatabase } from '../../../server/testing/throwaway-database';

/** A POST whose body is sent in two parts: the request is in flight, on the server, between `begin` and `finish`. */
function slowPost(base: string, path: string, token: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  const half = Math.floor(data.length / 2);
  const u = new URL(base + path);
  let answer!: Promise<{ status: number; body: any }>;
  const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `Bearer ${token}` } });
  const connected = new Promise<void>((resolve, reject) => {
    req.once('socket', (s) => s.once('connect', () => resolve()));
    req.once('error', reject);
  });
  answer = new Promise((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.once('error', reject);
  });
  // A test that lets the collector cut the upload off never asks for its answer.
  answer.catch(() => {});
  req.write(data.subarray(0, half));
  return {
    connected,
    finish: () => {
      req.end(data.subarray(half));
      return answer;
    },
    /** The client goes away (tablet off the network): the connection is reset. */
    abort: () => req.destroy(),
    /** The port it sends from, as the collector names the connection. */
    localPort: () => req.socket?.localPort,
  };
}

/** GET /api/health on a new connection: the status, or the connection error's code (ECONNREFUSED once it stops listening). */
const health = (base: string) =>
  new Promise<number | string>((resolve) => {
    const req = request(`${base}/api/health`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });

/**
 * A raw connection to the collector: `firstBytes` sent at once (none: a browser's spare socket, opened for a request
 * it then sent elsewhere or cancelled). `closed` resolves when the collector closes it.
 */
async function rawConnection(base: string, firstBytes = '') {
  const u = new URL(base);
  const socket: Socket = connect({ host: u.hostname, port: Number(u.port) });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => (received += d));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  if (firstBytes) socket.write(firstBytes);
  /** Resolves once the collector has sent the head of an answer. */
  const answered = new Promise<void>((resolve) => {
    const check = () => received.includes('\r\n\r\n') && (socket.off('data', check), resolve());
    socket.on('data', check);
  });
  return { socket, closed, answered, received: () => received };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: graceful shutdown`, () => {
    const procs: ChildProcess[] = [];
    let cleanup = async () => {};
    afterAll(async () => {
      for (const p of procs) await kill(p, 'SIGKILL');
      await cleanup();
    });

    /**
     * A fresh database with an enrolled civil servant, and a collector process on it; `exited` is its exit code.
     * `env`: more of the collector's environment.
     */
    async function running(env: Record<string, string> = {}) {
      const database = await throwawayDatabase(kind);
      const { db } = await database.open();
      const previous = cleanup;
      cleanup = async () => {
        await previous();
        await db.destroy();
        await database.drop();
      };
      const staff = await enrolStaff({ db, app: createApp({ db, dbKind: kind, startedAt: new Date() }) }, 'SNV');
      const collector = await startCollector({ ...database.env, ...env });
      procs.push(collector.proc);
      const exited = new Promise<number | null>((resolve) => collector.proc.once('exit', (code) => resolve(code)));
      return { database, db, staff, collector, exited };
    }

    it('SIGTERM with an upload in flight: the upload is answered 200 and stored, then the process exits 0', { timeout: 60_000 }, async () => {
      const { db, staff, collector, exited } = await running();

      const order = sampleOrder();
      const upload = slowPost(collector.base, '/api/staff/orders', staff.token, { orders: [order] });
      await upload.connected;
      // A full round trip on another connection: the collector has taken the upload's connection (accepted first).
      expect(await health(collector.base)).toBe(200);

      process.kill(-collector.proc.pid!, 'SIGTERM');
      // It stops accepting new connections...
      let answer: number | string = 200;
      for (let i = 0; i < 200 && answer === 200; i++) {
        answer = await health(collector.base);
        if (answer === 200) await new Promise((r) => setTimeout(r, 25));
      }
      // A connection the kernel accepted just before the listener closed is reset rather than refused.
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(answer);
      expect(collector.proc.exitCode).toBe(null);
      // A second signal (the operator presses Ctrl+C again, systemd signals the whole group) changes nothing.
      process.kill(-collector.proc.pid!, 'SIGTERM');
      expect(await health(collector.base)).toBe('ECONNREFUSED');

      // ...and still answers the upload that was under way.
      const uploaded = await upload.finish();
      expect(uploaded.status).toBe(200);
      expect(uploaded.body.results).toEqual([expect.objectContaining({ clientId: order.clientId, status: 'accepted' })]);
      expect(await exited).toBe(0);
      expect(collector.output()).not.toMatch(/destroyed|Error/);

      const stored = await db.selectFrom('staff_orders').select(['client_id', 'total']).execute();
      expect(stored).toEqual([{ client_id: order.clientId, total: kind === 'postgres' ? '290000' : 290_000 }]);
    });

    it.runIf(kind === 'postgres')('SIGTERM while a batch of orders waits on the database and its sender has hung up: the batch is stored and checked before the database closes', { timeout: 60_000 }, async () => {
      const { database, db, staff, collector, exited } = await running();
      const holder = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await holder.connect();
      const previous = cleanup;
      // The session holding the lock ends before its database is dropped.
      cleanup = async () => {
        await holder.end().catch(() => {});
        await previous();
      };

      // Another session holds the orders table: the collector's insert waits for it, its handler is in flight.
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE staff_orders IN EXCLUSIVE MODE');
      const orders = Array.from({ length: 100 }, () => sampleOrder());
      const batch = slowPost(collector.base, '/api/staff/orders', staff.token, { orders });
      const cutOff = batch.finish().then(() => 'answered', () => 'cut off');
      let waiting = 0;
      for (let i = 0; i < 4000 && waiting === 0; i++) {
        const r = await holder.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
        waiting = r.rows[0].n;
        if (waiting === 0) await new Promise((r) => setTimeout(r, 5));
      }
      expect(waiting).toBe(1);

      // The service is stopped and the extension's connection drops; then the other session lets go.
      process.kill(-collector.proc.pid!, 'SIGTERM');
      batch.abort();
      expect(await cutOff).toBe('cut off');
      await holder.query('COMMIT');
      expect(await exited).toBe(0);
      expect(collector.output()).not.toMatch(/destroyed|Error/);
      const stored = await db.selectFrom('staff_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(100);
    });
    it.runIf(kind === 'sqlite')('SIGTERM with a browser\'s spare connection open: it is closed at once, the upload in flight is answered 200, the process exits 0', { timeout: 60_000 }, async () => {
      const { staff, collector, exited } = await running();

      // Chromium keeps a socket it opened and did not use for 60 s; a keep-alive connection waits between requests.
      const spare = await rawConnection(collector.base);
      const keptAlive = await rawConnection(collector.base, 'GET /api/health HTTP/1.1\r\nHost: nongsan-so\r\n\r\n');
      const order = sampleOrder();
      const upload = slowPost(collector.base, '/api/staff/orders', staff.token, { orders: [order] });
      await upload.connected;
      // A full round trip on another connection: the collector has taken the three before it (accepted in order).
      expect(await health(collector.base)).toBe(200);
      await keptAlive.answered;
      expect(keptAlive.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\nConnection: keep-alive\r\n/);

      process.kill(-collector.proc.pid!, 'SIGTERM');
      // Neither has a request in flight: both are closed while the upload still is.
      await spare.closed;
      await keptAlive.closed;
      expect(spare.received()).toBe('');
      expect(collector.proc.exitCode).toBe(null);

      const uploaded = await upload.finish();
      expect(uploaded.status).toBe(200);
      expect(uploaded.body.results).toEqual([expect.objectContaining({ clientId: order.clientId, status: 'accepted' })]);
      expect(await exited).toBe(0);
      expect(collector.output()).not.toMatch(/Hết|destroyed|Error/);
    });

    it.runIf(kind === 'sqlite')('a grace that is not a number of seconds: the collector does not start, and says why', { timeout: 60_000 }, async () => {
      const database = await throwawayDatabase(kind);
      const previous = cleanup;
      cleanup = async () => {
        await previous();
        await database.drop();
      };
      await expect(startCollector({ ...database.env, STOP_GRACE_SECONDS: 'hai mươi' })).rejects.toThrow(
        /^collector exited with 1: Không khởi động được máy chủ: STOP_GRACE_SECONDS phải là một số giây lớn hơn 0 \(mặc định 25\)\.\n$/,
      );
    });

    it.runIf(kind === 'sqlite')('a stop cut off by its grace (STOP_GRACE_SECONDS) says which requests and connections held it, and exits 1', { timeout: 60_000 }, async () => {
      const { staff, collector, exited } = await running({ STOP_GRACE_SECONDS: '1' });

      // An upload whose second half never comes, and a request whose headers stop half way.
      const upload = slowPost(collector.base, '/api/staff/orders', staff.token, { orders: [sampleOrder()] });
      await upload.connected;
      const halfHeaders = await rawConnection(collector.base, 'GET /api/health HTTP/1.1\r\nHo');
      expect(await health(collector.base)).toBe(200);
      const uploadPort = upload.localPort();
      const halfPort = halfHeaders.socket.localPort;

      process.kill(-collector.proc.pid!, 'SIGTERM');
      expect(await exited).toBe(1);
      await halfHeaders.closed;
      const stopLine = collector.output().split('\n').find((l) => l.startsWith('Dừng không trọn vẹn'));
      expect(stopLine).toMatch(
        new RegExp(
          `^Dừng không trọn vẹn: Hết 1 giây chờ: một số yêu cầu đã bị cắt ngang \\(thiết bị sẽ gửi lại\\)\\. ` +
            `Đang xử lý: POST /api/staff/orders, [\\d,]+ giây\\. ` +
            `Kết nối còn mở: 127\\.0\\.0\\.1:${uploadPort}: POST /api/staff/orders, [\\d,]+ giây; ` +
            `127\\.0\\.0\\.1:${halfPort}: đang gửi dở một yêu cầu \\(đã nhận 28 byte\\)\\.$`,
        ),
      );
    });
  });
}
