/**
 * Requests start a few at a time, one batch per turn of the event loop, first come first served.
 *
 * Node (libuv since 1.45) accepts ONE new connection per turn of the event loop. A collector handling 200 requests at
 * once turned its loop about once a second, every request that had arrived handled in that one turn, so a device
 * opening a connection (every person's browser behind the reverse proxy, the proxy opening another connection to
 * the collector) waited in the kernel for tens of seconds while requests on open connections went through: the
 * p99 of deadline day (bench/load.ts) was 9 to 26 s with a median under 1 s. Starting at most `perTurn` requests per
 * turn keeps each turn short, so new connections are taken within a few turns, and the waiting requests are served
 * in the order they came.
 */
export function admission(perTurn: number) {
  const waiting: (() => void)[] = [];
  let startedThisTurn = 0;
  let turnScheduled = false;

  const nextTurn = () => {
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
  };
}
