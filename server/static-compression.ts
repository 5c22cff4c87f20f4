import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The PWA's text files (scripts, styles, the page, the manifest), compressed by the collector itself: a commune
 * tablet on a weak connection downloads the kiosk's scripts at about 40 % of their size. Caddy (deploy/Caddyfile)
 * would compress on its own, but the nginx example, Docker without a proxy and a LAN install would not. Each file
 * is compressed once per version (its modification time) and kept: the set is the built PWA, a few dozen files.
 */
export type Encoding = 'br' | 'gzip';

const compressible = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

export const isCompressible = (contentType: string) => compressible.test(contentType);

/** The best encoding the client accepts (`br` over `gzip`), honouring `;q=0` refusals; null for none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const wildcard = accepted.get('*');
  const ok = (e: Encoding) => (accepted.get(e) ?? wildcard ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const cache = new Map<string, { mtimeMs: number; encoded: Partial<Record<Encoding, Buffer<ArrayBuffer> | null>> }>();

/** `body` (the file's bytes) in `encoding`, or null when compressing would not make it smaller. */
export function compressedFile(file: string, mtimeMs: number, body: Buffer, encoding: Encoding): Buffer<ArrayBuffer> | null {
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) cache.set(file, (entry = { mtimeMs, encoded: {} }));
  if (!(encoding in entry.encoded)) {
    const packed =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    entry.encoded[encoding] = packed.length < body.length ? packed : null;
  }
  return entry.encoded[encoding] ?? null;
}
