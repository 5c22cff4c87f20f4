import { trustedHops } from './auth/client-address';
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { printStyle } from './api/agency/enrolment-codes';

/**
 * The browser-side defences of every answer (pages, assets and API): a CSP that runs only the collector's own
 * scripts, no framing, no MIME sniffing, no full URLs in the Referer. Styles: the PWA's come from its CSS file;
 * Preact sets `style` through the CSSOM, which CSP does not govern; the one inline `<style>` (the printable
 * enrolment codes) is allowed by its hash. Photos and downloads are shown from `blob:` URLs.
 */
const printStyleHash = `'sha256-${createHash('sha256').update(printStyle).digest('base64')}'`;

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", printStyleHash],
    imgSrc: ["'self'", 'blob:', 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  xContentTypeOptions: true,
  referrerPolicy: 'strict-origin-when-cross-origin',
  // Only over TLS, below: on plain HTTP (a commune's LAN test install) it would be ignored or, behind a proxy that
  // later drops TLS, lock browsers out for a year.
  strictTransportSecurity: false,
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
});

/**
 * Whether the browser reached us over TLS: a TLS listener, or a reverse proxy we were told to trust
 * (TRUST_PROXY=<hops>, see auth/client-address.ts) saying so in X-Forwarded-Proto.
 */
export function servedOverTls(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedHops() > 0 && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await headers(c, next);
  if (servedOverTls(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
};

/** API paths the browser extension calls (client/collector.ts): enrol, submit, rules, page reports, health. */
const extensionPaths = ['/api/staff', '/api/enrolment-codes', '/api/rules', '/api/page-reports', '/api/health', '/api/periods'];
const underAny = (path: string, prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Which Origin may read an API answer. The PWA is served by the collector itself (same origin). The extension's
 * id is not known in advance (each browser, each install from file), so its schemes are allowed, for the paths
 * it calls only: a page on another site, a sandboxed frame (`null`) or another extension's page calling the
 * officer or province API gets no CORS answer and cannot read it (tokens travel in headers, never cookies).
 */
export function allowedOrigin(origin: string, c: Context): string | null {
  if (!origin || origin === 'null') return null;
  if (origin === new URL(c.req.url).origin) return origin;
  if (/^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i.test(origin) && underAny(c.req.path, extensionPaths)) return origin;
  return null;
}

export const apiCors = cors({
  origin: (origin, c) => allowedOrigin(origin, c),
  allowHeaders: ['Content-Type', 'Authorization'],
  maxAge: 86400,
});
