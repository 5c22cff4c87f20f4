// The shared collector client against a real HTTP server answering the way the collector does, and worse.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CollectorError, createCollector } from './collector';
import { reachability, resetReachability } from './reachability';

let server: Server;
let base = '';
const seen: { method: string; url: string; auth: string | undefined; type: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, type: req.headers['content-type'], body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/api/echo') return json(200, { got: JSON.parse(body) });
      if (req.url === '/api/gone') return void res.writeHead(204).end();
      if (req.url === '/api/conflict') return json(409, { error: { code: '409.1', message: 'Mã gửi này đã được dùng cho một nội dung khác.', messageEn: 'x', field: 'clientId' } });
      if (req.url === '/api/expired') return json(401, { error: { code: '401.1', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Xin đăng nhập lại.', messageEn: 'x' } });
      if (req.url === '/api/busy') return json(429, { error: { code: '429.1', message: 'Thử quá nhiều lần. Xin đợi một lúc rồi thử lại.', messageEn: 'x' } });
      if (req.url === '/api/proxy-down') return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      if (req.url === '/api/silent') return; // never answers
      json(404, { error: { code: '404.1', message: 'Không tìm thấy.', messageEn: 'Not found.' } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  seen.length = 0;
  resetReachability();
});

describe('the collector client', () => {
  it('sends JSON with the bearer token read at each call, and reads the JSON answer', async () => {
    let token: string | null = 'first';
    const c = createCollector({ baseUrl: base, token: () => token });
    expect(await c.call('POST', '/api/echo', { a: 1 })).toEqual({ got: { a: 1 } });
    token = 'second';
    await c.call('POST', '/api/echo', [2]);
    expect(seen.map((s) => [s.method, s.url, s.auth, s.type, s.body])).toEqual([
      ['POST', '/api/echo', 'Bearer first', 'application/json', '{"a":1}'],
      ['POST', '/api/echo', 'Bearer second', 'application/json', '[2]'],
    ]);
    expect(reachability()).toBe('reachable');
  });

  it('gives undefined for 204 and sends no Authorization without a token', async () => {
    expect(await createCollector({ baseUrl: base }).call('DELETE', '/api/gone')).toBeUndefined();
    expect(seen[0].auth).toBeUndefined();
  });

  it('turns a refusal into one CollectorError with the numbered code, the message and whether to retry', async () => {
    const refusals: string[] = [];
    const c = createCollector({ baseUrl: base, onRefusal: (e) => refusals.push(e.code) });
    const conflict = await c.get('/api/conflict').catch((e) => e);
    expect(conflict).toBeInstanceOf(CollectorError);
    expect(conflict).toMatchObject({ status: 409, code: '409.1', retryable: false, field: 'clientId', message: 'Mã gửi này đã được dùng cho một nội dung khác.' });
    expect(await c.get('/api/expired').catch((e) => e)).toMatchObject({ status: 401, code: '401.1', retryable: false });
    expect(await c.get('/api/busy').catch((e) => e)).toMatchObject({ status: 429, code: '429.1', retryable: true });
    expect(await c.get('/api/proxy-down').catch((e) => e)).toMatchObject({ status: 502, code: '502', retryable: true, message: 'Máy chủ gặp lỗi. Dữ liệu của bạn vẫn được giữ lại, xin thử lại sau.' });
    expect(refusals).toEqual(['409.1', '401.1', '429.1', '502']);
    // Every refusal is an answer: the collector is there.
    expect(reachability()).toBe('reachable');
  });

  it('no answer: retryable, said in Vietnamese, and the collector counts as unreachable', async () => {
    const e = await createCollector({ baseUrl: 'http://127.0.0.1:1' }).get('/api/health').catch((x) => x);
    expect(e).toMatchObject({ status: 0, code: 'network', retryable: true, message: 'Không kết nối được máy chủ của tỉnh (mất mạng hoặc máy chủ tạm dừng).' });
    expect(reachability()).toBe('unreachable');
    await createCollector({ baseUrl: base }).call('POST', '/api/echo', {});
    expect(reachability()).toBe('reachable');
  });

  it('a collector that accepts the connection but never answers times out as retryable', async () => {
    const e = await createCollector({ baseUrl: base, timeoutMs: 50 }).get('/api/silent').catch((x) => x);
    expect(e).toMatchObject({ status: 0, code: 'timeout', retryable: true });
    expect(reachability()).toBe('unreachable');
  });

  it('a caller that aborts gets its own abort back, not a collector failure', async () => {
    const abort = new AbortController();
    const pending = createCollector({ baseUrl: base }).request('/api/silent', { signal: abort.signal });
    abort.abort();
    const e = await pending.catch((x) => x);
    expect(e).not.toBeInstanceOf(CollectorError);
    expect(e.name).toBe('AbortError');
    expect(reachability()).toBe('unknown');
  });
});
