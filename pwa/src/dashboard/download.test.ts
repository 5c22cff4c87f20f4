import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithProgress, type DownloadProgress } from './download';
import { CollectorError } from '../../../client/collector';

// A real HTTP server sending a file in pieces, as a long export arrives.
let server: Server;
let base = '';
const body = Buffer.alloc(256 * 1024, 'a');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/refused')) {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: '403.1', message: 'Tài khoản này không có quyền làm việc này.' } }));
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="bao-cao.csv"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.csv` };
    if (!req.url?.includes('nolength')) headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    let i = 0;
    const next = () => {
      if (i >= body.length) return res.end();
      res.write(body.subarray(i, (i += 32 * 1024)), next);
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('export download with progress', () => {
  it('reports bytes against Content-Length until the whole file is in', async () => {
    const seen: DownloadProgress[] = [];
    const { blob, fileName } = await fetchWithProgress(`${base}/export.csv`, (p) => seen.push({ ...p }));
    expect(fileName).toBe('báo-cáo.csv');
    expect(blob.size).toBe(body.length);
    expect(seen.every((p) => p.total === body.length)).toBe(true);
    expect(seen.at(-1)!.received).toBe(body.length);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.received)).toEqual([...seen.map((p) => p.received)].sort((a, b) => a - b));
  });

  it('has no total without Content-Length (an indeterminate bar)', async () => {
    const seen: DownloadProgress[] = [];
    await fetchWithProgress(`${base}/export.csv?nolength`, (p) => seen.push({ ...p }));
    expect(seen.every((p) => p.total === null)).toBe(true);
    expect(seen.at(-1)!.received).toBe(body.length);
  });

  it('turns a refusal into the numbered problem', async () => {
    const err = await fetchWithProgress(`${base}/refused`, () => {}).catch((e) => e);
    expect(err).toBeInstanceOf(CollectorError);
    expect(err).toMatchObject({ code: '403.1', status: 403, retryable: false, message: 'Tài khoản này không có quyền làm việc này.' });
  });

  it('says the network is down in Vietnamese when the server cannot be reached', async () => {
    const err = await fetchWithProgress('http://127.0.0.1:1/x', () => {}).catch((e) => e);
    expect(err).toMatchObject({ code: 'network' });
    expect(err.message).toMatch(/^Không kết nối được máy chủ/);
  });
});
