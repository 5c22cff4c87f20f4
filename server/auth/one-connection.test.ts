/**
 * A batch of orders, and a tablet's batch of households, checks its token on the pooled connection it then stores the
 * batch on: one wait for the pool per request on PostgreSQL. A batch of orders sends the check with its transaction's
 * first statements, which find the person from the token. Its answers stay requireRole's on both databases: 401 and
 * 403 before the body is judged, and a refused token stores nothing.
 */
import { Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { storeClientOf } from '../db';
import { revokeToken } from './tokens';
import { createAgencyFocalPoint, enrolStaff, sampleOrder, type SeededStaff } from '../testing/seed';
import { enrolKiosk, household } from '../../tests/unit/robustness/people';

forEachDatabase((deps) => {
  const send = (headers: Record<string, string>, body: string) => deps().app.request('/api/staff/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const good = () => JSON.stringify({ orders: [sampleOrder()] });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The pool checkouts `work` makes (PostgreSQL's pool of openDb; SQLite has none). */
  const checkoutsOf = async (work: () => Promise<unknown>) => {
    const store = storeClientOf(deps().db);
    if (store.kind !== 'postgres') return work().then(() => null);
    let n = 0;
    const count = () => n++;
    store.pool.on('acquire', count);
    try {
      await work();
    } finally {
      store.pool.off('acquire', count);
    }
    return n;
  };

  describe('sending orders: the token checked first, as everywhere', () => {
    it('no token: 401.1, even with a body that is no JSON', async () => {
      const res = await send({}, '{"orders": [');
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe('401.1');
    });

    it('an unknown token: 401.1, even with a body that is no JSON', async () => {
      const res = await send(bearer('no-such-token'), '{"orders": [');
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe('401.1');
    });

    it("an agency focal point's or a tablet's token: 403.1, and nothing stored", async () => {
      const { db } = deps();
      const focal = await createAgencyFocalPoint(db, 'SNV');
      const tablet = await enrolKiosk(deps());
      for (const token of [focal.token, tablet.token]) {
        const res = await send(bearer(token), good());
        expect(res.status).toBe(403);
        expect(await codeOf(res)).toBe('403.1');
      }
      expect(await db.selectFrom('staff_orders').select('id').where('agency_code', '=', 'SNV').execute()).toHaveLength(0);
    });

    it("a revoked person's token, and an expired one: 401.3 and 401.1, and nothing stored, though their statements found the person", async () => {
      const { db } = deps();
      const revoked = await enrolStaff(deps(), 'SNV', 'Người đã bị thu hồi');
      const expired = await enrolStaff(deps(), 'SNV', 'Người hết hạn');
      await revokeToken(db, revoked.token);
      await db.updateTable('tokens').set({ expires_at: '2021-01-01T00:00:00.000Z' }).where('subject_id', '=', expired.id).execute();
      const storedBefore = (await db.selectFrom('staff_orders').select('id').execute()).length;
      const answers = [];
      for (const person of [revoked, expired]) {
        const res = await send(person.auth, good());
        answers.push([res.status, await codeOf(res)]);
      }
      expect(answers).toEqual([
        [401, '401.3'],
        [401, '401.1'],
      ]);
      // Nothing stored, under their names or any other.
      expect(await db.selectFrom('staff_orders').select('id').execute()).toHaveLength(storedBefore);
    });

    it("a person's token with a body that is no JSON: 400.1; with a good one: the order stored", async () => {
      const person = await enrolStaff(deps(), 'SNV');
      const bad = await send(person.auth, '{"orders": [');
      expect(bad.status).toBe(400);
      expect(await codeOf(bad)).toBe('400.1');
      const order = sampleOrder();
      const res = await send(person.auth, JSON.stringify({ orders: [order] }));
      expect(res.status).toBe(200);
      expect((await res.json()).results).toEqual([{ clientId: order.clientId, status: 'accepted', serverId: expect.any(String) }]);
    });
  });

  describe('connections taken from the pool (PostgreSQL; SQLite has none)', () => {
    const expectOnPostgres = (n: number | null, expected: number) => expect(n).toBe(deps().kind === 'postgres' ? expected : null);

    it('a batch takes one: its token (renewed on its first use) and its transaction on the same connection', async () => {
      const person = await enrolStaff(deps(), 'SNV');
      const status = async () => (await send(person.auth, JSON.stringify({ orders: Array.from({ length: 3 }, () => sampleOrder()) }))).status;
      let first = 0;
      let again = 0;
      expectOnPostgres(await checkoutsOf(async () => (first = await status())), 1);
      expectOnPostgres(await checkoutsOf(async () => (again = await status())), 1);
      expect([first, again]).toEqual([200, 200]);
    });

    it("a batch's token, its transaction's first read and its store: two writes to PostgreSQL's socket", async () => {
      const person = await enrolStaff(deps(), 'SNV');
      // Renewed at enrolment, so not due: the request as most of deadline day's are.
      const writesOf = async (work: () => Promise<unknown>) => {
        const one = vi.spyOn(Socket.prototype as unknown as { _write(...a: unknown[]): void }, '_write');
        const many = vi.spyOn(Socket.prototype as unknown as { _writev(...a: unknown[]): void }, '_writev');
        try {
          await work();
          return one.mock.calls.length + many.mock.calls.length;
        } finally {
          one.mockRestore();
          many.mockRestore();
        }
      };
      let status = 0;
      const writes = await writesOf(async () => (status = (await send(person.auth, JSON.stringify({ orders: [sampleOrder(), sampleOrder()] }))).status));
      expect(status).toBe(200);
      // The check, BEGIN, the locks and the read in one; the insert and COMMIT in the other. SQLite: no socket.
      expect(writes).toBe(deps().kind === 'postgres' ? 2 : 0);
    });

    it('a request without a token takes none', async () => {
      expectOnPostgres(await checkoutsOf(async () => send({}, good())), 0);
    });

    it("three times the pool's connections in batches at once: every batch stored (none holds one and waits for another)", async () => {
      const people: SeededStaff[] = [];
      for (let i = 0; i < 30; i++) people.push(await enrolStaff(deps(), 'SNV', `Cán bộ ${i}`));
      const answers = await Promise.all(people.map((p) => send(p.auth, JSON.stringify({ orders: [sampleOrder(), sampleOrder()] }))));
      expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));
      const ids = people.map((p) => p.id);
      expect(await deps().db.selectFrom('staff_orders').select('id').where('staff_id', 'in', ids).execute()).toHaveLength(60);
    });
  });
  describe("a tablet's batch of households", () => {
    const sendHouseholds = (token: string, body: string) =>
      deps().app.request('/api/kiosk/households', { method: 'POST', headers: { 'Content-Type': 'application/json', ...bearer(token) }, body });
    it("an officer's token: 403.1, and nothing stored; a tablet's with a body that is no JSON: 400.1", async () => {
      const tablet = await enrolKiosk(deps());
      const h = household();
      const res = await sendHouseholds(tablet.officer.token, JSON.stringify({ households: [h] }));
      expect(res.status).toBe(403);
      expect(await codeOf(res)).toBe('403.1');
      expect(await deps().db.selectFrom('households').select('id').where('client_id', '=', h.clientId).execute()).toHaveLength(0);
      const bad = await sendHouseholds(tablet.token, '{"households": [');
      expect(bad.status).toBe(400);
      expect(await codeOf(bad)).toBe('400.1');
    });

    it('takes one connection: its token, its communes and its transaction (PostgreSQL)', async () => {
      const tablet = await enrolKiosk(deps());
      let status = 0;
      const n = await checkoutsOf(async () => (status = (await sendHouseholds(tablet.token, JSON.stringify({ households: [household(), household()] }))).status));
      expect(n).toBe(deps().kind === 'postgres' ? 1 : null);
      expect(status).toBe(200);
    });

    it("twice the pool's connections in tablets' batches at once: every household stored", async () => {
      const tablets = [];
      for (let i = 0; i < 20; i++) tablets.push(await enrolKiosk(deps()));
      const batches = tablets.map(() => [household(), household()]);
      const answers = await Promise.all(tablets.map((t, i) => sendHouseholds(t.token, JSON.stringify({ households: batches[i] }))));
      expect(answers.map((a) => a.status)).toEqual(tablets.map(() => 200));
      const ids = batches.flat().map((h) => h.clientId);
      expect(await deps().db.selectFrom('households').select('id').where('client_id', 'in', ids).execute()).toHaveLength(40);
    });
  });
});
