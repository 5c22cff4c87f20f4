// The reverse proxy keeps its connections to the collector open between requests and sends the next request on one of
// them (deploy/nginx.conf, deploy/Caddyfile). The collector must not close them first (server/collector.ts,
// idleConnectionMs): Node's own 5 s did, and the proxy's next request on it failed, or waited for a new connection.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { idleConnectionMs, startCollector } from './collector';
import { readConfig } from './config';
import { throwawayDatabase } from './testing/throwaway-database';

/** GET /api/health through `agent`: its status, whether it went on a connection opened before, and what it said of keep-alive. */
const health = (port: number, agent: Agent) =>
  new Promise<{ status: number; reused: boolean; keepAlive: string | undefined }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, keepAlive: res.headers['keep-alive']?.toString() }));
    });
    req.on('error', reject);
    req.end();
  });

describe('a connection between two requests', () => {
  it('stays open past Node’s own 5 s, and the next request goes on it', async () => {
    const database = await throwawayDatabase('sqlite');
    const collector = await startCollector({ ...readConfig(), port: 0, host: '127.0.0.1', dataDir: database.dataDir, databaseUrl: null });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await health(collector.port, agent)).toEqual({ status: 200, reused: false, keepAlive: 'timeout=65' });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await health(collector.port, agent)).toEqual({ status: 200, reused: true, keepAlive: 'timeout=65' });
    } finally {
      agent.destroy();
      await collector.close();
      await database.drop();
    }
  }, 30_000);
});

describe('the reverse proxies in deploy/', () => {
  // How many requests one collector has in flight at the peak of deadline day (bench/load.ts: 200 orders and 200
  // tablets' batches): the proxy keeps that many connections open between requests, or opens the rest again.
  const peakInFlight = 400;

  it('nginx closes its idle connections to the collector before the collector would, and keeps enough of them', () => {
    const upstream = /upstream nongsan_so \{([^}]*)\}/.exec(readFileSync('deploy/nginx.conf', 'utf8'))![1];
    const idleSeconds = Number(/^\s*keepalive_timeout (\d+)s;/m.exec(upstream)![1]);
    const kept = Number(/^\s*keepalive (\d+);/m.exec(upstream)![1]);
    expect(idleSeconds).toBe(60);
    expect(idleSeconds * 1000).toBeLessThan(idleConnectionMs);
    expect(kept).toBeGreaterThanOrEqual(peakInFlight);
  });

  it('Caddy closes its idle connections to the collector before the collector would, and keeps enough of them', () => {
    const transport = /transport http \{([^}]*)\}/.exec(readFileSync('deploy/Caddyfile', 'utf8'))![1];
    const idleSeconds = Number(/^\s*keepalive (\d+)s$/m.exec(transport)![1]);
    const kept = Number(/^\s*keepalive_idle_conns_per_host (\d+)$/m.exec(transport)![1]);
    expect(idleSeconds).toBe(60);
    expect(idleSeconds * 1000).toBeLessThan(idleConnectionMs);
    expect(kept).toBeGreaterThanOrEqual(peakInFlight);
  });
});
