import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { servePwa } from './static';
import { pickEncoding } from './static-compression';

describe('pickEncoding', () => {
  it('prefers br, falls back to gzip, honours q=0 and *', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('BR ; q=0 , GZIP')).toBe('gzip');
    expect(pickEncoding('gzip;q=0, br;q=0')).toBe(null);
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBe(null);
    expect(pickEncoding('')).toBe(null);
    expect(pickEncoding(undefined)).toBe(null);
  });
});

describe('the PWA served compressed', () => {
  // A script as the build makes them: long enough, and repetitive enough, to shrink.
  const script = 'export function greet(name) { return "Xin chào " + name + ", chúc một ngày tốt lành"; }\n'.repeat(40);
  function pwa() {
    const dir = mkdtempSync(join(tmpdir(), 'pwa-compress-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><title>Nông sản số</title><div id="app"></div></html>\n'.repeat(10));
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dir, 'icon-192.png'), Buffer.alloc(2000, 7));
    const app = new Hono();
    servePwa(app, dir);
    return { app, dir };
  }

  it('sends a script in gzip or br when the browser accepts it, and as is when not', async () => {
    const { app } = pwa();
    const gz = await app.request('/assets/index-abc.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gz.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gz.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(gz.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const gzBody = Buffer.from(await gz.arrayBuffer());
    expect(gzBody.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(gzBody).toString('utf8')).toBe(script);

    const br = await app.request('/assets/index-abc.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(script);

    const plain = await app.request('/assets/index-abc.js');
    expect(plain.headers.get('Content-Encoding')).toBe(null);
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(script);
  });

  it('compresses the shell a route falls back to, and leaves images alone', async () => {
    const { app } = pwa();
    const page = await app.request('/kiosk', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('Content-Encoding')).toBe('gzip');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString('utf8')).toContain('<title>Nông sản số</title>');

    const icon = await app.request('/icon-192.png', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(icon.headers.get('Content-Encoding')).toBe(null);
    expect(icon.headers.get('Vary')).toBe(null);
    expect(Buffer.from(await icon.arrayBuffer())).toEqual(Buffer.alloc(2000, 7));
  });

  it('sends a tiny file as is when compressing would make it bigger', async () => {
    const { app, dir } = pwa();
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{}');
    const res = await app.request('/assets/tiny.css', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe(null);
    expect(await res.text()).toBe('a{}');
  });

  it('serves the new version of a file rebuilt in place, not the one compressed before', async () => {
    const { app, dir } = pwa();
    const first = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await first.arrayBuffer())).toString('utf8')).toContain('Nông sản số');
    const rebuilt = '<!doctype html><html lang="vi"><title>Bản mới</title></html>\n'.repeat(10);
    writeFileSync(join(dir, 'index.html'), rebuilt);
    // A later modification time, as a rebuild gives (the write above may land within the same clock tick).
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'index.html'), later, later);
    const second = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await second.arrayBuffer())).toString('utf8')).toBe(rebuilt);
  });
});
