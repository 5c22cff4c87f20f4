import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The collector's open connections, as a stop sees them: which can be closed at once, and what is left when the
 * grace runs out.
 *
 * Node's closeIdleConnections() closes a keep-alive connection between two requests, but counts one that has not
 * sent its first request yet as busy (its clock for headersTimeout starts at connect). Chromium keeps such sockets:
 * one opened for a request that was cancelled, or served by another socket that freed up first, waits unused in its
 * pool for 60 s. One of them held an end-to-end collector's stop for the whole 25 s grace. A connection that has not
 * sent a single byte has no request in flight: it is closed too, and a browser sends its request again on a new
 * connection (an unused socket it finds closed is retried, as a reused one is).
 */
export function trackConnections(server: Server) {
  const open = new Map<Socket, { answering?: Answering }>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, {});
    socket.once('close', () => open.delete(socket));
  });
  return {
    /**
     * The record of a request arriving: its connection's current request until its answer is closed, and the one the
     * handler's count keeps while it runs (collector.ts inFlight), so a request is written down once for both.
     */
    answering(req: IncomingMessage, res: ServerResponse): Answering {
      const answering = { method: req.method ?? '', path: (req.url ?? '').split('?')[0], since: Date.now() };
      const state = open.get(req.socket);
      if (state) {
        state.answering = answering;
        res.once('close', () => {
          if (state.answering === answering) state.answering = undefined;
        });
      }
      return answering;
    },
    /** Closes every connection with no request in flight: between two requests, or never used. */
    closeIdle() {
      server.closeIdleConnections();
      for (const socket of open.keys()) if (socket.bytesRead === 0) socket.destroy();
    },
    /** What each connection still open is doing, in the operator's words ("GET /api/health, 25,3 giây"). */
    left(now = Date.now()): string[] {
      return [...open].map(([socket, { answering }]) => {
        // An IPv4 client of the dual-stack listener is "::ffff:127.0.0.1".
        const address = (socket.remoteAddress ?? '').replace(/^::ffff:/, '');
        const who = address.includes(':') ? `[${address}]:${socket.remotePort}` : `${address}:${socket.remotePort}`;
        return answering ? `${who}: ${described(answering, now)}` : `${who}: đang gửi dở một yêu cầu (đã nhận ${socket.bytesRead} byte)`;
      });
    },
  };
}

/** A request being answered, as the operator's log names it. */
export interface Answering {
  method: string;
  /** Without the query: "/api/staff/orders". */
  path: string;
  /** When it arrived (ms since 1970). */
  since: number;
}

/** "POST /api/staff/orders, 25,3 giây". */
export const described = (a: Answering, now: number) => `${a.method} ${a.path}, ${seconds(now - a.since)} giây`;

/** 25300 → "25,3". */
export const seconds = (ms: number) => (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
