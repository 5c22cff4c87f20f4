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
  const open = new Map<Socket, { answering?: { method: string; path: string; since: number } }>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, {});
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = open.get(req.socket);
    if (!state) return;
    const answering = { method: req.method ?? '', path: (req.url ?? '').split('?')[0], since: Date.now() };
    state.answering = answering;
    res.once('close', () => {
      if (state.answering === answering) state.answering = undefined;
    });
  });
  return {
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
        return answering ? `${who}: ${answering.method} ${answering.path}, ${seconds(now - answering.since)} giây` : `${who}: đang gửi dở một yêu cầu (đã nhận ${socket.bytesRead} byte)`;
      });
    },
  };
}

/** 25300 → "25,3". */
export const seconds = (ms: number) => (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
