import { resolve } from 'node:path';

/** Everything the collector reads from the environment, in one place (documented in README). */
export interface CollectorConfig {
  port: number;
  /** Address to listen on; null: every address (IPv6 and IPv4). 127.0.0.1 behind a reverse proxy on the same machine. */
  host: string | null;
  dataDir: string;
  databaseUrl: string | null;
  pwaDir: string;
  /** Region pack: a name (`lang-son`) or a pack's JSON file (server/region.ts). */
  region: string;
  extensionDir: string;
  /**
   * How long a stop waits for requests in flight before it cuts them off. Under the 30 s the service managers are
   * told to wait (docs/deploy.md: systemd TimeoutStopSec, docker --stop-timeout), so the database is still closed
   * cleanly.
   */
  stopGraceMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST || null,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    pwaDir: resolve(env.PWA_DIR ?? 'dist/pwa'),
    region: env.REGION || 'lang-son',
    extensionDir: resolve('.output/chrome-mv3'),
    stopGraceMs: stopGraceMs(env.STOP_GRACE_SECONDS),
  };
}

/** STOP_GRACE_SECONDS in ms; anything but a positive number is refused (NaN would cut off every stop at once). */
function stopGraceMs(value: string | undefined): number {
  const seconds = Number(value || 25);
  if (!(seconds > 0)) throw new Error('STOP_GRACE_SECONDS phải là một số giây lớn hơn 0 (mặc định 25).');
  return seconds * 1000;
}
