// Closing the collector leaves nothing behind that touches its database: rate-limiter-flexible cleans expired rows
// on a 5-minute timer, which after the close threw "The database connection is not open" into whatever the process
// was doing by then (in the end-to-end tests: the next test, failed for it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCollector } from './collector';
import { readConfig } from './config';
import { limitsOf } from './auth/rate-limit';
import { throwawayDatabase } from './testing/throwaway-database';

describe('a closed collector', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves no clean-up of its rate limits to run on the closed database', async () => {
    const database = await throwawayDatabase('sqlite');
    const rejected: unknown[] = [];
    const note = (e: unknown) => rejected.push(e);
    process.on('unhandledRejection', note);
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const collector = await startCollector({ ...readConfig(), port: 0, dataDir: database.dataDir, databaseUrl: null });
      // As the first sign-in or enrolment makes them.
      limitsOf(collector.db);
      await collector.close();
      await vi.advanceTimersByTimeAsync(11 * 60_000);
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejected).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
      await database.drop();
    }
  });
});
