import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses a request body over `maxSize` bytes, as hono's bodyLimit does, without asking for the body stream when
 * the answer is known from the headers: a body whose length the request states (Content-Length, no
 * Transfer-Encoding) is judged by that number, and a GET or HEAD that states none has no body. Asking for the
 * stream makes @hono/node-server build a web Request around the socket for the call, where the body is otherwise
 * read straight from the socket: a sixth of the CPU of posting an order batch over loopback HTTP went there.
 * A body of unstated length (chunked, HTTP/2, a Request made in-process) is counted as it arrives.
 */
export function apiBodyLimit(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return (c, next) => {
    const stated = c.req.header('Content-Length');
    const chunked = c.req.header('Transfer-Encoding') !== undefined;
    if (stated !== undefined && !chunked) return parseInt(stated, 10) > maxSize ? Promise.resolve(onError(c)) : next();
    if (stated === undefined && !chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return counted(c, next);
  };
}
