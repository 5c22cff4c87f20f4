import type SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { WalCheckpointer } from './wal-checkpoint';

/**
 * Kysely's SQLite dialect with its driver replaced, for a collector under deadline-day load (bench/load.ts).
 *
 * The one connection is handed from one query or transaction to the next waiting one, in the order they asked.
 * Kysely's own driver wakes every waiter on each release (with 200 requests in flight, 200 wake-ups per query) and
 * lets whoever runs first take it, so a request that releases and asks again at once goes before those waiting.
 *
 * Each distinct SQL text is prepared once per connection and reused: preparing took an eighth of the collector's
 * time under load. The statements hold no data (what a query answers is read from the database every time), so
 * instances stay stateless; the number kept is bounded, as texts differ with the length of an `in (…)` list.
 */
export function sqliteDialect(file: SQLite.Database, checkpointer?: WalCheckpointer): SqliteDialect {
  return new (class extends SqliteDialect {
    createDriver(): Driver {
      return new FairSqliteDriver(file, checkpointer);
    }
  })({ database: file });
}

/** How many prepared statements a connection keeps (the least recently used goes first). */
export const keptStatements = 500;

class FairSqliteDriver implements Driver {
  readonly #connection: SqliteConnection;
  readonly #turns = new Turns();

  constructor(
    private readonly file: SQLite.Database,
    private readonly checkpointer?: WalCheckpointer,
  ) {
    this.#connection = new SqliteConnection(file);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.take();
    return this.#connection;
  }

  async releaseConnection() {
    this.#turns.pass();
  }

  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(raw('rollback'));
  }

  async destroy() {
    // The checkpoint thread's connection goes first, so that closing this last one checkpoints and removes the log.
    await this.checkpointer?.stop();
    this.file.close();
  }
}

const raw = (sql: string) => CompiledQuery.raw(sql);

/** First come, first served: a release hands the connection straight to the longest waiter. */
export class Turns {
  #busy = false;
  readonly #waiting: (() => void)[] = [];

  take(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  pass() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }
}

class SqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, SQLite.Statement>();

  constructor(private readonly file: SQLite.Database) {}

  #prepared(sql: string): SQLite.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt) this.#statements.delete(sql);
    else {
      stmt = this.file.prepare(sql);
      if (this.#statements.size >= keptStatements) this.#statements.delete(this.#statements.keys().next().value!);
    }
    // Re-inserted: the Map's order is the order of last use.
    this.#statements.set(sql, stmt);
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepared(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // A statement being iterated cannot run anything else meanwhile: a fresh one, not the kept one.
    for (const row of this.file.prepare(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}
