import { request } from 'node:http';

/** A POST whose body is sent in two parts: the request is in flight, on the server, between `begin` and `finish`. */
export function slowPost(base: string, path: string, token: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  const half = Math.floor(data.length / 2);
  const u = new URL(base + path);
  let answer!: Promise<{ status: number; body: any }>;
  const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `Bearer ${token}` } });
  const connected = new Promise<void>((resolve, reject) => {
    req.once('socket', (s) => s.once('connect', () => resolve()));
    req.once('error', reject);
  });
  answer = new Promise((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.once('error', reject);
  });
  req.write(data.subarray(0, half));
  return {
    connected,
    /** The answer, once the whole body has been sent (finish). */
    answer,
    finish: () => {
      req.end(data.subarray(half));
      return answer;
    },
    /** The client goes away (tablet off the network): the connection is reset. */
    abort: () => req.destroy(),
  };
}
