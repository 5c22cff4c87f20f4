import { trustedHops } from './auth/client-address';
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { printStyle } from './api/agency/enrolment-codes';

/**
 * The browser-side defences of every answer (pages, assets and API): a CSP that runs only the collector's own
 * scripts, no framing, no MIME sniffing, no full URLs in the Referer. Styles: the PWA's come from its CSS file;
 * Preact sets `style` through the CSSOM, which CSP does not govern; the one inline `<style>` (the printable
 * enrolment codes) is allowed by its hash. Photos and downloads are shown from `blob:` URLs.
 */
const printStyleHash = `'sha256-${createHash('sha256').update(printStyle).digest('base64')}'`;

const contentSecurityPolicy = Object.entries({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", printStyleHash],
  'img-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
})
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * Set on every answer, replacing any a handler set. Built once at start-up, and written straight into the answer's
 * headers after the handler: hono's secureHeaders + cors did the same through `c.header`, which copied every answer
 * into a new web Response whose body then had to be streamed (~0.4 ms of CPU per request, measured with --cpu-prof).
 * Strict-Transport-Security is not here: only over TLS, below. On plain HTTP (a commune's LAN test install) it would
 * be ignored or, behind a proxy that later drops TLS, lock browsers out for a year.
 */
const everyAnswer: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];
const hsts = 'max-age=31536000; includeSubDomains';

/**
 * Whether the browser reached us over TLS: a TLS listener, or a reverse proxy we were told to trust
 * (TRUST_PROXY=<hops>, see auth/client-address.ts) saying so in X-Forwarded-Proto.
 */
export function servedOverTls(c: Context): boolean {
  if (c.req.url.startsWith('https:')) return true;
  return trustedHops() > 0 && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (dressed.has(c.res)) return;
  const headers = c.res.headers;
  for (const [name, value] of everyAnswer) headers.set(name, value);
  headers.delete('X-Powered-By');
  if (servedOverTls(c)) headers.set('Strict-Transport-Security', hsts);
};

/** API paths the browser extension calls (client/collector.ts): enrol, submit, rules, page reports, health. */
const extensionAreas: ReadonlySet<string> = new Set(['staff', 'enrolment-codes', 'rules', 'page-reports', 'health', 'periods']);
/** `/api/<area>` or anything under it, for an area the extension calls (not `/api/staffing`). */
const extensionPath = (path: string) => path.startsWith('/api/') && extensionAreas.has(path.slice(5).split('/', 1)[0]);

/**
 * Which Origin may read an API answer. The PWA is served by the collector itself (same origin). The extension's
 * id is not known in advance (each browser, each install from file), so its schemes are allowed, for the paths
 * it calls only: a page on another site, a sandboxed frame (`null`) or another extension's page calling the
 * officer or province API gets no CORS answer and cannot read it (tokens travel in headers, never cookies).
 */
export function allowedOrigin(origin: string, c: Context): string | null {
  if (!origin || origin === 'null') return null;
  if (origin === new URL(c.req.url).origin) return origin;
  if (extensionOrigin.test(origin) && extensionPath(c.req.path)) return origin;
  return null;
}
const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

/** What a preflight answers besides the origin, as hono's cors() answered it: any method, our two headers, for a day. */
const preflight: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET,HEAD,PUT,POST,DELETE,PATCH,QUERY',
  'Access-Control-Allow-Headers': 'Content-Type,Authorization',
  'Access-Control-Max-Age': '86400',
  Vary: 'Origin, Access-Control-Request-Headers',
};

/**
 * CORS for the API: a preflight (OPTIONS) is answered here with 204; any other answer gets the allowed origin, if
 * any, and `Vary: Origin` written into its headers after the handler (see everyAnswer on why not `c.header`).
 */
export const apiCors: MiddlewareHandler = async (c, next) => {
  const origin = allowedOrigin(c.req.header('Origin') ?? '', c);
  if (c.req.method === 'OPTIONS') return new Response(null, { status: 204, headers: origin ? { ...preflight, 'Access-Control-Allow-Origin': origin } : preflight });
  c.set(corsOrigin, origin ?? '');
  await next();
  if (dressed.has(c.res)) return;
  const headers = c.res.headers;
  if (origin) headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
};

/** The origin apiCors allowed for this request ('' for none); unset outside the API. */
const corsOrigin = 'corsOrigin';
const everyAnswerRecord: Readonly<Record<string, string>> = Object.fromEntries(everyAnswer);
/** Answers made by jsonAnswer: they carry every header above already, and the middleware leaves them alone. */
const dressed = new WeakSet<Response>();

/**
 * A JSON answer carrying every header securityHeaders and apiCors would write, given as one plain record, for the
 * busiest answers (a batch of orders). The middleware's way materialises the answer's headers as a web Headers
 * object and sets them one by one, and the Node adapter then walks it back into a record: measured at ~0.15 ms of
 * CPU a request over loopback. A plain record goes to Node's writeHead as it is. Same headers, same values.
 */
export function jsonAnswer(c: Context, body: unknown, status: ContentfulStatusCode = 200): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...everyAnswerRecord };
  if (servedOverTls(c)) headers['Strict-Transport-Security'] = hsts;
  const origin = c.get(corsOrigin) as string | undefined;
  if (origin) headers['Access-Control-Allow-Origin'] = origin;
  if (origin !== undefined) headers.Vary = 'Origin';
  const res = new Response(JSON.stringify(body), { status, headers });
  dressed.add(res);
  return res;
}
