/**
 * Issue 6, faults: nothing lost, nothing counted twice. The same submission sent 50 times at once through a
 * real listening server is stored once; dead tokens are refused; enrolment-code guessing is slowed down
 * without locking out the right code from another client. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../../server/test-databases';
import { createAgencyFocalPoint, createEnrolmentCode, enrolStaff, sampleOrder } from '../../../server/testing/seed';
import { revokeAllTokens } from '../../../server/auth/tokens';
import { call, listen, postFrom } from './listen';
import { enrolKiosk, household } from './people';
import { expectEachStoredOnce, expectOneContentKept } from './sent-at-once';

forEachDatabase((deps) => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(deps().app);
  });
  afterAll(() => server.close());

  const count = async (table: 'staff_orders' | 'staff_order_items' | 'households') =>
    Number((await deps().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  describe('the same submission sent 50 times at once is stored once', () => {
    it('staff orders', async () => {
      const staff = await enrolStaff(deps(), 'SNV');
      const orders = [sampleOrder(), sampleOrder({ orderCode: null })];
      const before = { orders: await count('staff_orders'), items: await count('staff_order_items') };
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(server.base, 'POST', '/api/staff/orders', staff.token, { orders })));
      expectEachStoredOnce(answers, orders);
      expect(await count('staff_orders')).toBe(before.orders + 2);
      expect(await count('staff_order_items')).toBe(before.items + 4);
    });

    it('staff orders: the same clientId with two contents at once: one stored, the other refused 409.1', async () => {
      const staff = await enrolStaff(deps(), 'SNV');
      const a = sampleOrder();
      const b = { ...a, discount: 1000, total: a.total - 1000 };
      const before = await count('staff_orders');
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(server.base, 'POST', '/api/staff/orders', staff.token, { orders: [i % 2 ? a : b] })));
      expect(await count('staff_orders')).toBe(before + 1);
      const stored = await deps().db.selectFrom('staff_orders').select(['id', 'total']).where('client_id', '=', a.clientId).executeTakeFirstOrThrow();
      expectOneContentKept(answers, a, b, stored);
    });

    it('a kiosk household batch', async () => {
      const { token } = await enrolKiosk(deps());
      const batch = Array.from({ length: 5 }, () => household());
      const before = await count('households');
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(server.base, 'POST', '/api/kiosk/households', token, { households: batch })));
      expectEachStoredOnce(answers, batch);
      expect(await count('households')).toBe(before + 5);
    });
  });

  describe('expired and revoked tokens are refused and store nothing', () => {
    it('an expired staff token', async () => {
      const staff = await enrolStaff(deps(), 'SNV');
      await deps().db.updateTable('tokens').set({ expires_at: '2001-01-01T00:00:00.000Z' }).where('subject_id', '=', staff.id).execute();
      const before = await count('staff_orders');
      const res = await call(server.base, 'POST', '/api/staff/orders', staff.token, { orders: [sampleOrder()] });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('401.1');
      expect(res.body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(await count('staff_orders')).toBe(before);
    });

    it('a revoked kiosk token (lost tablet)', async () => {
      const kiosk = await enrolKiosk(deps());
      await revokeAllTokens(deps().db, 'kiosk', kiosk.deviceId);
      const before = await count('households');
      const res = await call(server.base, 'POST', '/api/kiosk/households', kiosk.token, { households: [household()] });
      expect(res.status).toBe(401);
      // Revoked, not merely expired: the tablet can tell the officer to enrol it again.
      expect(res.body.error.code).toBe('401.3');
      expect(await count('households')).toBe(before);
    });

    it("a focal point's session after logout", async () => {
      const focal = await createAgencyFocalPoint(deps().db, 'SNV');
      expect((await call(server.base, 'GET', '/api/agency/tally', focal.token)).status).toBe(200);
      expect((await call(server.base, 'POST', '/api/auth/logout', focal.token)).status).toBe(204);
      const after = await call(server.base, 'GET', '/api/agency/tally', focal.token);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('401.1');
    });
  });

  describe('enrolment-code guessing is rate-limited; the right code from another client still works', () => {
    // Limits live in the process: each database gets its own loopback addresses.
    const from = (n: number) => `127.0.${deps().kind === 'sqlite' ? 1 : 2}.${n}`;
    it('staff enrolment codes', async () => {
      const guesses = [];
      for (let i = 0; i < 40; i++) guesses.push(await postFrom(from(2), `${server.base}/api/staff/enrol`, { code: `ZZ${String(i).padStart(2, '2')}-ABCD`.replace(/[01]/g, '2'), fullName: 'Kẻ đoán mã', installationId: 'guesser-0001' }));
      expect(guesses.slice(0, 5).every((g) => g.status === 404 && g.body.error.code === '404.10')).toBe(true);
      expect(guesses.at(-1)!.status).toBe(429);
      expect(guesses.at(-1)!.body.error.code).toBe('429.1');
      const code = await createEnrolmentCode(deps().db, 'SNV');
      const right = await postFrom(from(3), `${server.base}/api/staff/enrol`, { code, fullName: 'Nguyễn Thị Bình', installationId: 'honest-00001' });
      expect(right.status).toBe(200);
      expect(right.body.token).toBeTruthy();
    });

    it('kiosk device codes', async () => {
      const guesses = [];
      for (let i = 0; i < 30; i++) guesses.push(await postFrom(from(4), `${server.base}/api/kiosk/enrol`, { code: `QQQQ-${String(2000 + i)}` }));
      expect(guesses[0].body.error.code).toBe('404.50');
      expect(guesses.at(-1)!.status).toBe(429);
      expect(guesses.at(-1)!.body.error.code).toBe('429.1');
      // Another tablet with the right code is not locked out by the guesser.
      const { officer } = await enrolKiosk(deps());
      const made = await call(server.base, 'POST', '/api/kiosk/device-codes', officer.token, {});
      const right = await postFrom(from(5), `${server.base}/api/kiosk/enrol`, { code: made.body.code, deviceName: 'Máy xã' });
      expect(right.status).toBe(201);
    });
  });
});
