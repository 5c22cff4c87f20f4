import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * How many reverse proxies in front of the collector append to X-Forwarded-For (TRUST_PROXY=<hops>; unset or 0:
 * none, the collector faces the network). Read per request so the deployment's setting is the only switch.
 */
export function trustedHops(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TRUST_PROXY ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The caller's address for rate limiting. Each trusted proxy appends the address it received the request from,
 * so the client is the entry `hops` places from the right; everything left of it was written by the client and is
 * ignored (a guesser varying it gets no fresh limit). Without a trusted proxy: the socket's peer.
 */
export function clientAddress(c: Context, hops = trustedHops()): string {
  if (hops > 0) {
    const chain = (c.req.header('X-Forwarded-For') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    // Fewer entries than hops: the request came through fewer proxies than configured; the leftmost is the nearest
    // thing to the client a trusted proxy wrote.
    if (chain.length) return chain[Math.max(0, chain.length - hops)];
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
