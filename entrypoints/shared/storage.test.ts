// The extension's storage against fake-indexeddb, and its submissions against a real collector.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionDb, db } from './db';
import { entryStore, type OutboxEntry } from './outbox';
import { createOutbox } from '../../client/outbox';
import { recordPage } from './orders/record';
import { correctItem, setOrderExcluded } from './orders/correct';
import { addManualOrder } from './orders/manual';
import { countsInTotals, decisionOfOrder, orderState, submitOrders, toSubmitted } from './orders/submit';
import { answersEveryMs, outbox, syncAnswers, syncAnswersIfDue } from './orders/deliver';
import { setCollectorUrl, setEnrolment, installationId } from './settings';
import { enrol, myOrders, previewCode, staffCollector, withdrawOrder } from './collector-api';
import { startCollector } from '../../server/collector';
import { readConfig } from '../../server/config';
import { createEnrolmentCode } from '../../server/testing/seed';
import type { ExtractResult } from '../../lib/marketplaces/types';

describe('database versions', () => {
  it('upgrades a version 1 database: orders get their campaign day and a submission state', async () => {
    const v1 = new Dexie('upgrade-test');
    v1.version(1).stores({ orders: 'key, clientId, marketplace, recordedAt', snapshots: 'marketplace', settings: 'key', outbox: '++seq, &[kind+clientId]' });
    await v1.table('orders').add({ key: 'voso:A1', clientId: 'c1', marketplace: 'voso', placedAt: '2026-11-28T20:00:00Z', recordedAt: '2026-11-28T20:00:00Z' });
    await v1.table('orders').add({ key: 'voso:A2', clientId: 'c2', marketplace: 'voso', placedAt: null, recordedAt: '2026-11-02T01:00:00Z' });
    v1.close();
    const v2 = new ExtensionDb('upgrade-test');
    const [a1, a2] = await v2.orders.bulkGet(['voso:A1', 'voso:A2']);
    expect(a1?.placedOn).toBe('2026-11-29'); // 20:00 UTC is the next morning in Lạng Sơn
    expect(a2?.placedOn).toBe('2026-11-02');
    expect(a1?.submission.state).toBe('unsent');
    expect(await v2.orders.where('placedOn').equals('2026-11-29').count()).toBe(1);
    v2.close();
  });
});

describe('outbox entries', () => {
  /** `answers`: null = the collector answered; a string = no answer, with that reason. */
  function setup(name: string, answers: (string | null)[]) {
    const d = new ExtensionDb(name);
    const seen: string[] = [];
    const store = entryStore(d.outbox);
    const box = { ...createOutbox(store, async ([e]: OutboxEntry[]) => {
      seen.push(`${e.kind}:${e.clientId}:${JSON.stringify(e.body)}`);
      const failure = answers.shift();
      if (failure) throw new Error(failure);
    }, { inOrder: true }), enqueue: store.enqueue };
    return { d, box, seen };
  }

  it('delivers in order, keeps entries until delivered, backs off, and survives reopening', async () => {
    const { d, box, seen } = setup('outbox-1', [null, 'mất mạng']);
    await box.enqueue({ kind: 'submit', clientId: 'a', body: 1 });
    await box.enqueue({ kind: 'submit', clientId: 'b', body: 2 });
    await box.enqueue({ kind: 'submit', clientId: 'c', body: 3 });
    let t = 1_000_000;
    expect((await box.flush({ now: () => t })).delivered).toBe(1);
    expect(seen).toEqual(['submit:a:1', 'submit:b:2']);
    const [b] = await d.outbox.toArray();
    expect(b).toMatchObject({ clientId: 'b', attempts: 1, notBefore: t + 1000, lastError: 'mất mạng' });
    expect(await box.nextDue()).toBe(t + 1000);
    expect((await box.flush({ now: () => t })).delivered).toBe(0); // not due yet, and c waits behind it
    expect(seen).toHaveLength(2);
    d.close();

    // The browser restarts: a new database object over the same data.
    const again = setup('outbox-1', []);
    t += 1000;
    expect((await again.box.flush({ now: () => t })).delivered).toBe(2);
    expect(again.seen).toEqual(['submit:b:2', 'submit:c:3']);
    expect(await again.d.outbox.count()).toBe(0);
    expect(await again.box.nextDue()).toBeNull();
  });

  it('queuing the same clientId again replaces the waiting body instead of sending twice', async () => {
    const { box, seen } = setup('outbox-2', []);
    await box.enqueue({ kind: 'submit', clientId: 'a', body: 'old' });
    await box.enqueue({ kind: 'submit', clientId: 'a', body: 'new' });
    await box.flush();
    expect(seen).toEqual(['submit:a:"new"']);
  });

});

describe('orders and submission against a real collector', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nongsan-ext-'));
    collector = await startCollector({ ...readConfig({}), port: 0, dataDir, databaseUrl: null });
    await setCollectorUrl(`http://localhost:${collector.port}`);
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const confirmation = (code: string, placedAt = '2021-09-10T03:00:00.000Z'): ExtractResult => ({
    marketplace: 'voso',
    pageType: 'order-confirmation',
    product: null,
    orders: [
      {
        orderCode: code,
        placedAt, // by default inside the region pack's campaign period
        items: [
          { name: 'Na Chi Lăng loại 1 hộp 2kg', quantity: 2, unitPrice: 120000, lineTotal: 240000, shop: 'HTX Chi Lăng', productUrl: 'https://langson.voso.vn/na-p1.html', weightGrams: 2000, isFarmProduct: true },
          { name: 'Áo mưa', quantity: 1, unitPrice: 50000, lineTotal: 50000, shop: 'Shop X', productUrl: null, weightGrams: null, isFarmProduct: false },
        ],
        shippingFee: 30000,
        discount: null,
        total: 320000,
      },
    ],
  });

  it('records, corrects, submits, changes and withdraws orders; the collector holds what the person sees', async () => {
    const code = await createEnrolmentCode(collector.db, 'SNV');
    const api = staffCollector(`http://localhost:${collector.port}`);
    const preview = await previewCode(api, code);
    expect(preview.agency.code).toBe('SNV');
    const enrolled = await enrol(api, code, 'Hoàng Thị Mai', await installationId());
    await setEnrolment({ token: enrolled.token, staff: enrolled.staff, agency: enrolled.agency, periods: enrolled.periods, enrolledAt: new Date().toISOString() });

    const created = await recordPage(confirmation('VS100'));
    expect(created.map((o) => o.key)).toEqual(['voso:VS100']);
    expect(await recordPage(confirmation('VS100'))).toEqual([]);
    await correctItem('voso:VS100', 1, { excluded: true });
    const manual = await addManualOrder({
      marketplace: 'postmart',
      orderCode: null,
      placedOn: '2021-09-09',
      items: [{ name: 'Hồi khô', quantity: 1, unitPrice: 90000, weightGrams: 500, isFarmProduct: true, shop: null }],
      shippingFee: null,
    });

    expect(await submitOrders(['voso:VS100', manual.key])).toBe(2);
    expect(orderState((await db().orders.get('voso:VS100'))!)).toBe('queued');
    expect((await outbox().flush()).delivered).toBe(2);
    const sent = (await db().orders.get('voso:VS100'))!;
    expect(sent.submission, JSON.stringify(sent.submission)).toMatchObject({ state: "sent" });
    expect(orderState(sent)).toBe("sent");

    const mine = await myOrders(staffCollector(`http://localhost:${collector.port}`, enrolled.token));
    const atCollector = mine.orders.find((o) => o.clientId === sent.clientId)!;
    expect(atCollector.order.items[1].excluded).toBe(true);
    expect(atCollector.order).toEqual(toSubmitted(sent));
    expect(mine.orders.find((o) => o.order.source === 'manual')?.order.items[0].name).toBe('Hồi khô');

    // A correction after sending: the old one is withdrawn and the new one sent under a new clientId. The page had
    // read "2 × 120.000"; the person corrects it to "3 × 80.000", which still adds up to the order's total (a
    // correction that did not would be held by the collector for the agency, 422.10).
    await correctItem('voso:VS100', 0, { quantity: 3, unitPrice: 80000 });
    expect(orderState((await db().orders.get('voso:VS100'))!)).toBe('changed');
    await submitOrders(['voso:VS100']);
    await outbox().flush();
    const resent = (await db().orders.get('voso:VS100'))!;
    expect(resent.clientId).not.toBe(sent.clientId);
    expect(orderState(resent)).toBe('sent');
    const after = await myOrders(staffCollector(`http://localhost:${collector.port}`, enrolled.token));
    expect(after.orders.find((o) => o.clientId === sent.clientId)?.status).toBe('withdrawn');
    expect(after.orders.find((o) => o.clientId === resent.clientId)?.status).toBe('accepted');

    // "Không tính đơn này" after sending withdraws it.
    await setOrderExcluded('voso:VS100', true);
    await submitOrders(['voso:VS100']);
    await outbox().flush();
    expect(orderState((await db().orders.get('voso:VS100'))!)).toBe('not-counted');
    const last = await myOrders(staffCollector(`http://localhost:${collector.port}`, enrolled.token));
    expect(last.orders.find((o) => o.clientId === resent.clientId)?.status).toBe('withdrawn');
  });

  it('keeps the entry while the collector is unreachable, and the order stays queued', async () => {
    await setCollectorUrl('http://127.0.0.1:9'); // nothing listens there
    await recordPage(confirmation('VS200'));
    await submitOrders(['voso:VS200']);
    expect((await outbox().flush()).delivered).toBe(0);
    const [entry] = await db().outbox.toArray();
    expect(entry.lastError).toMatch(/Không kết nối được/);
    expect(orderState((await db().orders.get('voso:VS200'))!)).toBe('queued');
    await setCollectorUrl(`http://localhost:${collector.port}`);
    await outbox().retryNow();
    expect((await outbox().flush()).delivered).toBe(1);
    expect(orderState((await db().orders.get('voso:VS200'))!)).toBe('sent');
  });

  it('shows the collector’s reason when it refuses an order', async () => {
    await recordPage(confirmation('VS300', '2026-11-29T03:00:00.000Z'));
    await submitOrders(['voso:VS300']);
    await outbox().flush();
    const o = (await db().orders.get('voso:VS300'))!;
    expect(orderState(o)).toBe('rejected');
    expect(o.submission.reason).toMatch(/ngoài thời gian của đợt/);
  });

  it('takes the agency’s decision: excluded with its note, out of the totals, not offered again; asked at most every few minutes', async () => {
    await recordPage(confirmation('VS500'));
    expect(countsInTotals((await db().orders.get('voso:VS500'))!)).toBe(true);
    await submitOrders(['voso:VS500']);
    await outbox().flush();
    const sent = (await db().orders.get('voso:VS500'))!;
    expect(orderState(sent)).toBe('sent');
    const t0 = 5_000_000_000_000;
    expect(await syncAnswersIfDue({ now: t0 })).toBe(true);

    // The agency's focal point excludes it, with a note (as POST /api/agency/review/:id stores it).
    await collector.db.updateTable('staff_orders').set({ review: 'excluded', review_note: 'Đơn mua hộ người thân', counted: 0 }).where('client_id', '=', sent.clientId).execute();
    expect(await syncAnswersIfDue({ now: t0 + answersEveryMs - 1 })).toBe(false);
    expect(orderState((await db().orders.get('voso:VS500'))!)).toBe('sent');
    expect(await syncAnswersIfDue({ now: t0 + answersEveryMs })).toBe(true);
    const decided = (await db().orders.get('voso:VS500'))!;
    expect(orderState(decided)).toBe('agency-excluded');
    expect(decisionOfOrder(decided)).toEqual({ kind: 'excluded', label: 'Cơ quan không tính', why: 'Ghi chú của cơ quan: Đơn mua hộ người thân', code: '403.10' });
    expect(countsInTotals(decided)).toBe(false);
    expect(await submitOrders(['voso:VS500'])).toBe(0);
    // A send asks at once (force), whatever the time.
    await collector.db.updateTable('staff_orders').set({ review: 'counted', review_note: null, counted: 1 }).where('client_id', '=', sent.clientId).execute();
    expect(await syncAnswersIfDue({ force: true, now: t0 + answersEveryMs + 1 })).toBe(true);
    const counted = (await db().orders.get('voso:VS500'))!;
    expect(orderState(counted)).toBe('sent');
    expect(countsInTotals(counted)).toBe(true);
  });

  it('takes the collector’s later answers: an order withdrawn there is "chưa gửi" here again', async () => {
    await recordPage(confirmation('VS400'));
    await submitOrders(['voso:VS400']);
    await outbox().flush();
    const sent = (await db().orders.get('voso:VS400'))!;
    expect(orderState(sent)).toBe('sent');
    expect(await syncAnswers()).toBe(0);
    const token = (await db().settings.get('enrolment'))!.value as { token: string };
    await withdrawOrder(staffCollector(`http://localhost:${collector.port}`, token.token), sent.clientId);
    expect(await syncAnswers()).toBe(1);
    expect(orderState((await db().orders.get('voso:VS400'))!)).toBe('unsent');
  });
});
