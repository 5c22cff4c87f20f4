import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db';
import type { TokenRole } from '../db/schema';
import { Problem } from '../problem';
import { principalOf, type Principal } from './tokens';

export type AuthEnv = { Variables: { principal: Principal; token: string } };

/**
 * Lets a request through only with a valid bearer token of one of the given roles.
 * 401.1 without a usable token (sign in again), 401.3 for a revoked tablet or person, 403.1 with a token of the wrong role.
 */
export function requireRole(db: Db, ...roles: TokenRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const { principal, token } = await authorize(c, db, roles);
    c.set('principal', principal);
    c.set('token', token);
    await next();
  };
}

/** The check of requireRole: the request's principal and its token, or the problem thrown. */
export async function authorize(c: Context, db: Db, roles: readonly TokenRole[]): Promise<AuthEnv['Variables']> {
  const token = bearerOf(c);
  return admit(token ? await principalOf(db, token) : null, token, roles);
}

/** What the token's principal lets through: itself with its token, or the problem thrown. */
export function admit(principal: Principal | 'revoked' | null, token: string, roles: readonly TokenRole[]): AuthEnv['Variables'] {
  if (principal === 'revoked') throw new Problem('401.3');
  if (!principal) throw new Problem('401.1');
  if (!roles.includes(principal.role)) throw new Problem('403.1');
  return { principal, token };
}

/** The bearer token the request carries; '' without one. */
export function bearerOf(c: Context): string {
  const header = c.req.header('Authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
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
