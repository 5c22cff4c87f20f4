import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';
import { Problem } from '../problem';
import { principalOf, type Principal } from './tokens';

export type AuthEnv = { Variables: { principal: Principal; token: string } };

/**
 * Lets a request through only with a valid bearer token of one of the given roles.
 * 401.1 without a usable token (sign in again), 403.1 with a token of the wrong role.
 */
export function requireRole(db: Db, ...roles: TokenRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const principal = token ? await principalOf(db, token) : null;
    if (!principal) throw new Problem('401.1');
    if (!roles.includes(principal.role)) throw new Problem('403.1');
    c.set('principal', principal);
    c.set('token', token);
    await next();
  };
}

/**
 * Narrows a route inside an area whose mount already checked the token (requireRole) to some of its roles:
 * 403.1 for the others.
 */
export function allow(...roles: TokenRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('principal').role)) throw new Problem('403.1');
    await next();
  };
}

export const principal = (c: Context<AuthEnv>) => c.get('principal');
