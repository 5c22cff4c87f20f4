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

/** The pool's client: a registered text goes as its named statement, everything else as the driver sends it. */
export class PreparingClient extends pg.Client {
  // pg's query() has many overloads; Kysely calls query(text, values) and awaits the promise.
  query(config: unknown, values?: unknown, callback?: unknown): any {
    const name = typeof config === 'string' && Array.isArray(values) ? names.get(config) : undefined;
    if (name) return (super.query as (...a: unknown[]) => unknown)({ name, text: config, values }, callback);
    return (super.query as (...a: unknown[]) => unknown)(config, values, callback);
  }
}
