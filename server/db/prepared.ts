import pg from 'pg';

/**
 * Statements PostgreSQL keeps parsed and planned on each connection (named prepared statements), by their text.
 *
 * A statement sent unnamed is parsed, analysed and planned again on every call. For the largest of deadline day's
 * statements that costs more than running them: a tablet's batch reads its households through nine index lookups in
 * one statement (server/channels/progress-store.ts), 1,6–7,7 ms of PostgreSQL's CPU a call unnamed against 0,35–0,40
 * ms named (50 households, one connection, 400 calls each way, 02/12/2026). Only texts named here are kept, and at
 * most `maxNamed` of them: a text built for each call would otherwise fill every connection with statements used once.
 * A text whose placeholders follow its values' number (a batch's orders) is one text per number; past the bound, new
 * texts go unnamed as before.
 *
 * Each connection prepares a statement on its first use (the driver remembers which it prepared); PostgreSQL plans
 * it again by itself when a table it reads changes (a migration) or its statistics do.
 */
const names = new Map<string, string>();
const maxNamed = 200;

/** `text`, to be sent as a prepared statement of its own on PostgreSQL (SQLite's texts pass through unchanged). */
export function prepared(text: string): string {
  if (!names.has(text) && names.size < maxNamed) names.set(text, `nongsan_${names.size + 1}`);
  return text;
}

/**
 * Statements whose answer nobody reads (BEGIN, a transaction's locks, an insert whose rows are not asked back): on
 * PostgreSQL the connection sends them and goes on at once, and the next statement follows on the same trip, so the
 * two cost one round trip instead of two. PostgreSQL still runs them one after the other, in the order they were sent
 * (a read sent behind a lock starts once the lock is held, and reads what its holder committed). What such a
 * statement answers is the answer to nothing: `notWaited`. If it fails, the statement after it on the connection
 * fails with its error (a transaction it leaves aborted stores nothing after it): a write that defers one must send
 * another behind it, its COMMIT or ROLLBACK at the least. On deadline day an order took five round trips and now takes
 * two (its token's check rides on the first: server/auth/one-connection.ts), a tablet's batch eight and now six (each
 * one a wait for the collector's loop and a wake-up of PostgreSQL's backend on the same two cores).
 */
const deferredTexts = new Set<string>(['begin']);
export function deferred(text: string): string {
  deferredTexts.add(text);
  return text;
}
/** What a deferred statement answers at once. */
const notWaited = () => ({ command: 'DEFERRED', rowCount: null, rows: [], fields: [] });

const ignore = () => {};

/**
 * The pool's client (in the driver's pipeline mode, which sends each statement as soon as it is asked: only the
 * deferred ones are asked before the one before them answered): a registered text goes as its named statement,
 * everything else as the driver sends it.
 */
export class PreparingClient extends pg.Client {
  /** The deferred statements sent since the last one waited for: the next one answers only after them, with their error first. */
  #unanswered: Promise<unknown> | null = null;
  /** Whether this turn's statements are being held for one write (`holdForOneWrite`). */
  #holding = false;

  /**
   * Every statement asked on this connection in this turn of the event loop leaves in one write, at the turn's end
   * (setImmediate: after the answers and requests the loop is handling now). The driver writes each statement as it is
   * asked: BEGIN, the locks and the batch's read were three writes, and each write to PostgreSQL's socket wakes its
   * backend, which on a shared machine takes the core from the collector's loop there and then. Held together, an
   * order's transaction goes in two writes instead of six. Deadline day at full scale on PostgreSQL (03/12/2026):
   * the collector's writes 242.000 → 122.000, its loop taken off its core 59.000 → 35.000 times, its CPU 27,5–31,2 →
   * 22,0–24,4 s (docs/scale.md). The stream's cork counts: the driver's own cork and uncork inside it still nest.
   */
  #holdForOneWrite() {
    if (this.#holding) return;
    const stream = (this as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    this.#holding = true;
    stream.cork();
    setImmediate(() => {
      this.#holding = false;
      stream.uncork();
    });
  }

  // pg's query() has many overloads; Kysely calls query(text, values) and awaits the promise.
  query(config: unknown, values?: unknown, callback?: unknown): any {
    if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined) return (super.query as (...a: unknown[]) => unknown)(config, values, callback);
    const name = names.get(config);
    this.#holdForOneWrite();
    // Built from the text, then named: the driver copies a config object given to it, every property, on every call
    // (about 2,5 µs of the collector's CPU a statement: 20,5 → 18 µs over 20.000 statements on one connection).
    const query = new pg.Query(config, values) as pg.Query & { name?: string; callback?: (err: Error | null, res: unknown) => void };
    if (name) query.name = name;
    const sent = new Promise<unknown>((resolve, reject) => (query.callback = (err, res) => (err ? reject(err) : resolve(res))));
    (super.query as (q: unknown) => unknown)(query);
    const before = this.#unanswered;
    const answer = before ? before.then(() => sent, (e) => (sent.catch(ignore), Promise.reject(e))) : sent;
    if (deferredTexts.has(config)) {
      this.#unanswered = answer;
      // Reported by the next statement on the connection.
      answer.catch(ignore);
      return Promise.resolve(notWaited());
    }
    this.#unanswered = null;
    return answer;
  }
}
