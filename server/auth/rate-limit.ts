import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { storeClientOf, type Db } from '../db';
import { Problem } from '../problem';

/**
 * Guess and sign-in limits, kept in the database (table `rate_limits`, migration 0301) so every collector instance
 * shares them, through rate-limiter-flexible: each try is one atomic upsert that counts and answers together, spent
 * BEFORE the lookup it guards, so 300 parallel guesses cannot all slip past a check made before any was counted.
 * A try that turns out right is given back: only wrong ones use up the limit. Rows expire with their window;
 * nothing is wiped because many keys exist.
 */
export interface Limits {
  /** Wrong passwords per (address, username): a guesser elsewhere cannot lock the province admin out. */
  loginAccount: RateLimiterAbstract;
  /** Wrong passwords per address across usernames: one password sprayed over many accounts. */
  loginAddress: RateLimiterAbstract;
  /** Wrong enrolment codes per address, and per code prefix (a typo keeps its prefix). */
  enrolmentAddress: RateLimiterAbstract;
  enrolmentPrefix: RateLimiterAbstract;
  /** Wrong tablet device codes per address. */
  deviceCodeAddress: RateLimiterAbstract;
}

const window15min = 15 * 60;

/** Tries per window, by limit: the numbers SECURITY.md states. */
export const limitPoints: Record<keyof Limits, number> = {
  loginAccount: 10,
  loginAddress: 30,
  enrolmentAddress: 30,
  enrolmentPrefix: 20,
  deviceCodeAddress: 20,
};

const byDb = new WeakMap<Db, Limits>();

/** The limits of the database `db` was opened on (openDb), made once per database. */
export function limitsOf(db: Db): Limits {
  let limits = byDb.get(db);
  if (!limits) {
    const store = storeClientOf(db);
    const make = (keyPrefix: keyof Limits) => {
      const common = { keyPrefix, points: limitPoints[keyPrefix], duration: window15min, tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: true };
      return store.kind === 'postgres'
        ? new RateLimiterPostgres({ ...common, storeClient: store.pool, storeType: 'pool' })
        : new RateLimiterSQLite({ ...common, storeClient: store.file, storeType: 'better-sqlite3' });
    };
    limits = { loginAccount: make('loginAccount'), loginAddress: make('loginAddress'), enrolmentAddress: make('enrolmentAddress'), enrolmentPrefix: make('enrolmentPrefix'), deviceCodeAddress: make('deviceCodeAddress') };
    byDb.set(db, limits);
  }
  return limits;
}

/**
 * Stops the limits' clean-up of expired rows, which rate-limiter-flexible runs on a timer every 5 minutes (it has no
 * public way to stop it): the database is about to close, and a clean-up after that throws "The database connection
 * is not open" in whatever the process is doing then (the next test, in the end-to-end tests).
 */
export function stopLimits(db: Db): void {
  for (const limiter of Object.values(byDb.get(db) ?? {})) clearTimeout((limiter as unknown as { _clearExpiredTimeoutId?: NodeJS.Timeout })._clearExpiredTimeoutId);
  byDb.delete(db);
}

/** Spends one try of each (limit, key) before the work they guard; 429.1 as soon as one has none left. */
export async function spendTry(...tries: [RateLimiterAbstract, string][]): Promise<void> {
  for (const [limiter, key] of tries) {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new Problem('429.1', { detail: `Xin thử lại sau ${Math.ceil(e.msBeforeNext / 60_000)} phút.` });
      throw e;
    }
  }
}

/** Gives back the tries a right answer spent: only wrong tries count toward a limit. */
export async function giveBack(...tries: [RateLimiterAbstract, string][]): Promise<void> {
  for (const [limiter, key] of tries) await limiter.reward(key, 1);
}
