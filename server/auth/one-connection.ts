import type { Context, MiddlewareHandler } from 'hono';
import { PostgresAdapter } from 'kysely';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';
import { Problem } from '../problem';
import { admit, authorize, bearerOf, type AuthEnv } from './require-role';
import { hashToken, principalAlongside } from './tokens';

/** A request that works on one pooled connection: `c.get('db')` is it (on SQLite, the database itself). */
export type ConnectionEnv = { Variables: AuthEnv['Variables'] & { db: Db } };

/**
 * The same, for a request whose work asks its first statements while its token is still being checked
 * (`requireRoleAlongsideWork`): `checked` is the check, which the work awaits before it writes or answers anything.
 */
export type AlongsideEnv = { Variables: { db: Db; tokenHash: string; checked: Promise<AuthEnv['Variables']> } };

/**
 * requireRole for a request whose work is a few statements in a row (a tablet's batch of households): on PostgreSQL
 * the token is checked on a connection taken from the pool (10 a collector) that the request keeps for its work, so it
 * waits for the pool once, not once for its token and again for its transaction behind the other batches that took
 * the connections meanwhile. Everything the request does in the database must go through `c.get('db')`: a request
 * holding one connection and waiting for another could wait forever once every request holding one does.
 *
 * SQLite has no pool: the check is requireRole's, on the database.
 */
export function requireRoleOnOneConnection(db: Db, ...roles: TokenRole[]): MiddlewareHandler<ConnectionEnv> {
  return async (c, next) => {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
      held(c, await authorize(c, db, roles), db);
      return next();
    }
    await onOneConnection(c, db, async (conn) => {
      held(c, await authorize(c, conn, roles), conn);
      await next();
    });
  };
}

/**
 * requireRoleOnOneConnection for the busiest request of deadline day (a person's batch of orders), with one round trip
 * less on PostgreSQL: the token's lookup is sent and not waited for, so it leaves with the work's first statements (the
 * transaction's BEGIN, its locks and its first read) in the same write, and its answer comes back with theirs. The
 * work must find what the token stands for from the token itself in those statements (server/staff/orders.ts), and
 * await `checked` before it writes or answers. Whatever the work does, the check's answer comes first: a request
 * whose token fails gets 401 or 403, never the work's answer or its error (a body that is no JSON included), as with
 * requireRole. Deadline day at full scale: an order's request 3 → 2 writes to PostgreSQL (docs/scale.md).
 *
 * SQLite checks first, as requireRole, and `checked` is already settled.
 */
export function requireRoleAlongsideWork(db: Db, ...roles: TokenRole[]): MiddlewareHandler<AlongsideEnv> {
  return async (c, next) => {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
      const checked = await authorize(c, db, roles);
      c.set('tokenHash', hashToken(checked.token));
      c.set('checked', Promise.resolve(checked));
      c.set('db', db);
      return next();
    }
    await onOneConnection(c, db, async (conn) => {
      const token = bearerOf(c);
      // Hashed once: the lookup and the work's statements both find the token by it.
      const tokenHash = hashToken(token);
      const checked = principalAlongside(conn, tokenHash).then((principal) => admit(principal, token, roles));
      // Awaited below whatever happens; until then a refusal is not an unhandled rejection.
      checked.catch(() => {});
      c.set('tokenHash', tokenHash);
      c.set('checked', checked);
      c.set('db', conn);
      try {
        await next();
      } catch (e) {
        await checked;
        throw e;
      }
      await checked;
    });
  };
}

/**
 * Runs `work` on a connection of the pool, once the request has a token and its body is read. Without a token the
 * answer is 401.1 whatever the body says: no connection, no waiting for the body. The body is read before the
 * connection is taken: a client sending slowly holds none.
 */
async function onOneConnection(c: Context, db: Db, work: (conn: Db) => Promise<void>): Promise<void> {
  if (!bearerOf(c)) throw new Problem('401.1');
  await c.req.text();
  await db.connection().execute(work);
}

function held(c: Context<ConnectionEnv>, { principal, token }: AuthEnv['Variables'], db: Db) {
  c.set('principal', principal);
  c.set('token', token);
  c.set('db', db);
}
