/**
 * Requests start a few at a time, one batch per turn of the event loop, first come first served.
 *
 * Node (libuv since 1.45) accepts ONE new connection per turn of the event loop. A collector handling 200 requests at
 * once turned its loop about once a second, every request that had arrived handled in that one turn, so a device
 * opening a connection (every person's browser behind the reverse proxy, the proxy opening another connection to
 * the collector) waited in the kernel for tens of seconds while requests on open connections went through: the
 * p99 of deadline day (bench/load.ts) was 9 to 26 s with a median under 1 s. Starting only as many requests per turn
 * as keep a turn near `turnMs` keeps new connections coming in, and the waiting requests are served in the order
 * they came. How many that is follows the last turn's length: a handful of orders on SQLite, whose queries run
 * within the turn; many on PostgreSQL, whose requests mostly wait for the database.
 */
export function admission(turnMs: number, now: () => number = () => performance.now()) {
  const waiting: (() => void)[] = [];
  /** Requests a turn may start, adjusted after every turn. */
  let perTurn = 1;
  let startedThisTurn = 0;
  let turnScheduled = false;
  let turnStart = now();

  const nextTurn = () => {
    const t = now();
    const lasted = Math.max(t - turnStart, 0.001);
    // Turn after turn of full starts and still short: allow more; long: fewer (never none).
    if (startedThisTurn >= perTurn || lasted > turnMs) perTurn = Math.max(1, Math.min(maxPerTurn, Math.floor((perTurn * turnMs) / lasted)));
    turnStart = t;
    startedThisTurn = 0;
    turnScheduled = false;
    while (waiting.length && startedThisTurn < perTurn) {
      startedThisTurn++;
      waiting.shift()!();
    }
    if (waiting.length || startedThisTurn) schedule();
  };
  const schedule = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };

  return {
    /** Resolves when the request may start (at once while this turn has room). */
    enter(): Promise<void> | void {
      // After a quiet spell the turn starts now, not when the last one ended.
      if (!turnScheduled) turnStart = now();
      schedule();
      if (!waiting.length && startedThisTurn < perTurn) {
        startedThisTurn++;
        return;
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    /** Requests waiting for a later turn. */
    get waiting() {
      return waiting.length;
    },
    /** Requests the current turn may start. */
    get perTurn() {
      return perTurn;
    },
  };
}

/** However short the turns, a burst of this many starts at most in one. */
const maxPerTurn = 64;
