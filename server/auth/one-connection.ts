import type { Context, MiddlewareHandler } from 'hono';
import { PostgresAdapter } from 'kysely';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';
import { Problem } from '../problem';
import { authorize, bearerOf, type AuthEnv } from './require-role';

/** A request that works on one pooled connection: `c.get('db')` is it (on SQLite, the database itself). */
export type ConnectionEnv = { Variables: AuthEnv['Variables'] & { db: Db } };

/**
 * requireRole for a request whose work is a few statements in a row (a person's batch of orders): on PostgreSQL the
 * token is checked on a connection taken from the pool (10 a collector) that the request keeps for its work, so it
 * waits for the pool once, not once for its token and again for its transaction behind the tablets' batches that
 * took the connections meanwhile. The body is read before the connection is taken: a client sending slowly holds
 * none. Everything the request does in the database must go through `c.get('db')`: a request holding one connection
 * and waiting for another could wait forever once every request holding one does.
 *
 * SQLite has no pool: the check is requireRole's, on the database.
 */
export function requireRoleOnOneConnection(db: Db, ...roles: TokenRole[]): MiddlewareHandler<ConnectionEnv> {
  return async (c, next) => {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
      held(c, await authorize(c, db, roles), db);
      return next();
    }
    // Without a token the answer is 401.1 whatever the body says: no connection, no waiting for the body.
    if (!bearerOf(c)) throw new Problem('401.1');
    await c.req.text();
    await db.connection().execute(async (conn) => {
      held(c, await authorize(c, conn, roles), conn);
      await next();
    });
  };
}

function held(c: Context<ConnectionEnv>, { principal, token }: AuthEnv['Variables'], db: Db) {
  c.set('principal', principal);
  c.set('token', token);
  c.set('db', db);
}
