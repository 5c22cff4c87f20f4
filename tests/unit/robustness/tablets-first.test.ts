/**
 * Issue 14, deadline day: a commune tablet's batch of households goes ahead of an order submission that comes while
 * it is being stored (server/tablets-first.ts), in a real collector. The batch's body arrives in two parts, so it is
 * in the collector while the order comes; the order is answered only after the batch, both stored; a request of
 * another kind (health) is not held.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startCollector } from '../../../server/collector';
import { readConfig } from '../../../server/config';
import { createApp } from '../../../server/app';
import { enrolStaff, sampleOrder } from '../../../server/testing/seed';
import { throwawayDatabase, type ThrowawayDatabase } from '../../../server/testing/throwaway-database';
import { enrolKiosk, household } from './people';

/** A POST whose body is sent in two parts; `finish` sends the rest. Answers with the status and the parsed body. */
function twoPartPost(base: string, path: string, token: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  const half = Math.floor(data.length / 2);
  const req = request(`${base}${path}`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `Bearer ${token}` } });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
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
    answer,
    finish: () => req.end(data.subarray(half)),
  };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`${kind}: a tablet's batch before orders`, () => {
    let database: ThrowawayDatabase | undefined;
    let close = async () => {};
    afterAll(async () => {
      await close();
      await database?.drop();
    });

    it('holds an order that comes while a batch arrives, answers the batch first, then the order; health is not held', { timeout: 60_000 }, async () => {
      database = await throwawayDatabase(kind);
      const collector = await startCollector({ ...readConfig(), port: 0, host: '127.0.0.1', dataDir: database.dataDir, databaseUrl: database.databaseUrl });
      close = () => collector.close();
      const base = `http://127.0.0.1:${collector.port}`;
      const deps = { db: collector.db, app: createApp({ db: collector.db, dbKind: kind, startedAt: new Date() }) };
      const person = await enrolStaff(deps, 'SNV');
      const tablet = await enrolKiosk(deps, ['06181']);

      const answered: string[] = [];
      const batch = twoPartPost(base, '/api/kiosk/households', tablet.token, { households: [household({ communeCode: '06181' })] });
      void batch.answer.then(() => answered.push('batch'));
      // Another request answers while the batch is in the collector: only orders wait for batches. Its answer also
      // means the collector has read the batch's head, sent before it.
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);

      const order = twoPartPost(base, '/api/staff/orders', person.token, { orders: [sampleOrder()] });
      void order.answer.then(() => answered.push('order'));
      order.finish();
      // Well under the 2 s an order waits at most: without the rule the order is answered within this time.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(answered).toEqual([]);

      batch.finish();
      const [stored, sent] = await Promise.all([batch.answer, order.answer]);
      expect(answered).toEqual(['batch', 'order']);
      expect(stored.status).toBe(200);
      expect(stored.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted']);
      expect(sent.status).toBe(200);
      expect(sent.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted']);
    });
  });
}
