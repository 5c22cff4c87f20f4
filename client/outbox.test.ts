// One suite for the outbox of every app: the extension's orders (entries in its Dexie store), the kiosk's
// households and the orders declared on a phone (the records themselves), each through its real store and delivery code, against a collector
// that answers what a real one answers under faults: 5xx, no answer before the timeout, 409.1, 401.1.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CollectorError } from './collector';
import type { FlushResult } from './outbox';
import { resetReachability } from './reachability';
import { retryDelaySeconds } from '../lib/outbox-backoff';
import { db as extensionDb } from '../entrypoints/shared/db';
import { setCollectorUrl, setEnrolment } from '../entrypoints/shared/settings';
import { recordPage } from '../entrypoints/shared/orders/record';
import { orderState, submitOrders } from '../entrypoints/shared/orders/submit';
import { outbox as extensionOutbox } from '../entrypoints/shared/orders/deliver';
import { db as kioskDb } from '../pwa/src/kiosk/db';
import { saveHousehold } from '../pwa/src/kiosk/household-records';
import { newOfficerKeys } from '../pwa/src/kiosk/pin-crypto';
import { householdOutbox } from '../pwa/src/kiosk/sending/send-households';
import { sampleHousehold } from '../lib/kiosk/sample-household';
import { db as staffDb } from '../pwa/src/staff/db';
import { declarationOutbox } from '../pwa/src/staff/send-declarations';
import { draftFrom, orderFrom } from '../pwa/src/staff/draft';
import { readPastedText } from '../lib/marketplaces/pasted-text';
import type { ExtractResult } from '../lib/marketplaces/types';

// ---- The collector, as seen through fetch ----

type Outcome = 'accept' | { refuse: string; message: string };
/** What the collector does with one request carrying these clientIds. */
type Answer = 'no-answer' | 'timeout' | { status: number; body?: unknown } | ((clientIds: string[]) => Outcome[]);

let answers: Answer[] = [];
/** clientIds of every request that reached the collector, and those it accepted (stored). */
let requests: string[][] = [];
let accepted: string[] = [];
/** Resolves when a request is left hanging (the timeout case). */
let hanging: () => void = () => {};

function collectorFetch(_url: string, init: RequestInit): Promise<Response> {
  const body = JSON.parse(String(init.body)) as { orders?: { clientId: string }[]; households?: { clientId: string }[] };
  const ids = (body.orders ?? body.households ?? []).map((r) => r.clientId);
  requests.push(ids);
  const answer = answers.shift() ?? (() => ids.map(() => 'accept' as const));
  if (answer === 'no-answer') return Promise.reject(new TypeError('fetch failed'));
  if (answer === 'timeout')
    return new Promise((_, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      hanging();
    });
  if (typeof answer === 'function') {
    const outcomes = answer(ids);
    const results = ids.map((clientId, i) => {
      const o = outcomes[i];
      if (o === 'accept') accepted.push(clientId);
      return o === 'accept' ? { clientId, status: 'accepted', serverId: `S-${clientId.slice(0, 4)}` } : { clientId, status: 'rejected', problem: { code: o.refuse, message: o.message, field: 'clientId' } };
    });
    return Promise.resolve(Response.json({ results }));
  }
  return Promise.resolve(answer.body === undefined ? new Response('Bad Gateway', { status: answer.status }) : Response.json(answer.body, { status: answer.status }));
}

// ---- The two apps ----

interface App {
  /** Queues records named by these test ids the way the app does. */
  queue(ids: string[]): Promise<void>;
  flush(now: number): Promise<FlushResult>;
  clientIdOf(id: string): Promise<string>;
  sent(id: string): Promise<boolean>;
  /** The collector's reason shown on a refused record, or null. */
  refusal(id: string): Promise<string | null>;
  attempts(id: string): Promise<number>;
  waiting(): Promise<number>;
}

const confirmation = (code: string): ExtractResult => ({
  marketplace: 'voso',
  pageType: 'order-confirmation',
  product: null,
  orders: [
    {
      orderCode: code,
      placedAt: '2021-09-10T03:00:00.000Z',
      items: [{ name: 'Na Chi Lăng loại 1 hộp 2kg', quantity: 2, unitPrice: 120000, lineTotal: 240000, shop: 'HTX Chi Lăng', productUrl: null, weightGrams: 2000, isFarmProduct: true }],
      shippingFee: 30000,
      discount: null,
      total: 270000,
    },
  ],
});

async function extensionApp(): Promise<App> {
  await extensionDb().orders.clear();
  await extensionDb().outbox.clear();
  await setCollectorUrl('http://collector.test');
  await setEnrolment({ token: 'staff-token', staff: { id: 'p1', fullName: 'Hoàng Thị Mai' }, agency: { code: 'SNV', name: 'Sở Nội vụ' }, periods: [], enrolledAt: '2021-09-01T00:00:00.000Z' });
  const order = async (id: string) => (await extensionDb().orders.get(`voso:${id}`))!;
  return {
    async queue(ids) {
      for (const id of ids) await recordPage(confirmation(id));
      expect(await submitOrders(ids.map((id) => `voso:${id}`))).toBe(ids.length);
    },
    flush: (now) => extensionOutbox().flush({ now: () => now }),
    clientIdOf: async (id) => (await order(id)).clientId,
    sent: async (id) => orderState(await order(id)) === 'sent',
    refusal: async (id) => ((await order(id)).submission.state === 'rejected' ? (await order(id)).submission.reason ?? '' : null),
    attempts: async (id) => (await extensionDb().outbox.where('[kind+clientId]').equals(['submit', (await order(id)).clientId]).first())?.attempts ?? 0,
    waiting: () => extensionDb().outbox.count(),
  };
}

async function kioskApp(): Promise<App> {
  await kioskDb.households.clear();
  const { keys } = await newOfficerKeys(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const device = { token: 'device-token', id: 'd1', name: 'Máy tính bảng', communes: [], enrolledBy: 'Lý Thị Mai', enrolledAt: '2021-09-01T00:00:00.000Z' };
  const officerId = 'o1';
  const clientId = (id: string) => `00000000-0000-4000-8000-00000000000${id.charCodeAt(0) - 64}`;
  const record = async (id: string) => (await kioskDb.households.get(clientId(id)))!;
  return {
    async queue(ids) {
      for (const id of ids) await saveHousehold(keys, officerId, sampleHousehold({ clientId: clientId(id), headName: `Hộ ${id}` }), { state: 'queued', attempts: 0, nextAttemptAt: 0 });
    },
    flush: (now) => householdOutbox({ device, keys, officerId }).flush({ now: () => now }),
    clientIdOf: async (id) => clientId(id),
    sent: async (id) => (await record(id)).state === 'sent',
    refusal: async (id) => ((await record(id)).state === 'rejected' ? (await record(id)).problem?.message ?? '' : null),
    attempts: async (id) => (await record(id)).attempts,
    waiting: () => kioskDb.households.where('[officerId+state]').equals([officerId, 'queued']).count(),
  };
}

/** The PWA's "Khai báo đơn hàng" on a phone: a pasted confirmation, reviewed, queued as a self-declared order. */
async function phoneApp(): Promise<App> {
  await staffDb.declarations.clear();
  const enrolment = { token: 'staff-token', staff: { id: 'p1', fullName: 'Hoàng Thị Mai' }, agency: { code: 'SNV', name: 'Sở Nội vụ' }, periods: [], enrolledAt: '2021-09-01T00:00:00.000Z' };
  const clientId = (id: string) => `phone-order-${id}`;
  const record = async (id: string) => (await staffDb.declarations.get(clientId(id)))!;
  return {
    async queue(ids) {
      for (const id of ids) {
        const order = orderFrom(draftFrom(readPastedText(`Mã đơn hàng: VS10${id.charCodeAt(0)}\nNa Chi Lăng hộp 2kg\n120.000 đ x 2\nTổng thanh toán: 240.000 đ`)), clientId(id));
        await staffDb.declarations.add({ clientId: order.clientId, staffId: 'p1', order, state: 'queued', queuedAt: new Date().toISOString(), attempts: 0, nextAttemptAt: 0, serverId: null, problem: null, photo: null });
      }
    },
    flush: (now) => declarationOutbox(enrolment).flush({ now: () => now }),
    clientIdOf: async (id) => clientId(id),
    sent: async (id) => (await record(id)).state === 'sent',
    refusal: async (id) => ((await record(id)).state === 'rejected' ? (await record(id)).problem?.message ?? '' : null),
    attempts: async (id) => (await record(id)).attempts,
    waiting: () => staffDb.declarations.where('[staffId+state]').equals(['p1', 'queued']).count(),
  };
}

const t0 = 1_700_000_000_000;

describe.each([
  ['the extension', extensionApp],
  ['the kiosk', kioskApp],
  ['the phone page', phoneApp],
])('the outbox of %s', (_name, makeApp) => {
  let app: App;
  beforeEach(async () => {
    answers = [];
    requests = [];
    accepted = [];
    resetReachability();
    vi.stubGlobal('fetch', collectorFetch);
    app = await makeApp();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('on a 5xx marks nothing sent, waits its backoff, and delivers exactly once later', async () => {
    await app.queue(['A']);
    answers = [{ status: 503, body: { error: { code: '500.1', message: 'Máy chủ gặp lỗi. Dữ liệu của bạn vẫn được giữ lại, xin thử lại sau.' } } }];
    const failed = await app.flush(t0);
    expect(failed.delivered).toBe(0);
    expect(failed.failure).toBeInstanceOf(CollectorError);
    expect(failed.failure).toMatchObject({ status: 503, code: '500.1', retryable: true });
    expect(await app.sent('A')).toBe(false);
    expect(await app.refusal('A')).toBeNull();
    expect(await app.attempts('A')).toBe(1);

    // Not due before its backoff (1 s after the first failure): nothing is asked.
    expect((await app.flush(t0 + 999)).delivered).toBe(0);
    expect(requests).toHaveLength(1);

    expect((await app.flush(t0 + 1000)).delivered).toBe(1);
    expect(await app.sent('A')).toBe(true);
    expect(accepted).toEqual([await app.clientIdOf('A')]);
    expect(await app.waiting()).toBe(0);
    // Nothing left: a later flush asks nothing.
    await app.flush(t0 + 60_000);
    expect(requests).toHaveLength(2);
  });

  it('a 5xx without a problem body is a failure like any other', async () => {
    await app.queue(['A']);
    answers = [{ status: 502 }];
    const failed = await app.flush(t0);
    expect(failed.failure).toMatchObject({ status: 502, code: '502', retryable: true });
    expect(await app.sent('A')).toBe(false);
    expect(await app.attempts('A')).toBe(1);
  });

  it('no answer before the timeout: kept, retried with the longer backoff, then sent once', async () => {
    await app.queue(['A']);
    answers = ['no-answer'];
    expect((await app.flush(t0)).failure).toMatchObject({ status: 0, code: 'network', retryable: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    answers = ['timeout'];
    const started = new Promise<void>((r) => (hanging = r));
    const flushing = app.flush(t0 + 1000);
    await started;
    await vi.advanceTimersByTimeAsync(30_000);
    const timedOut = await flushing;
    vi.useRealTimers();
    expect(timedOut.failure).toMatchObject({ status: 0, code: 'timeout', retryable: true });
    expect(await app.sent('A')).toBe(false);
    expect(await app.attempts('A')).toBe(2);
    // Two failures: 3 s.
    expect(retryDelaySeconds(2)).toBe(3);
    expect((await app.flush(t0 + 1000 + 2999)).delivered).toBe(0);
    expect((await app.flush(t0 + 1000 + 3000)).delivered).toBe(1);
    expect(accepted).toEqual([await app.clientIdOf('A')]);
  });

  it('409.1: that record is refused with the collector’s reason and not retried; the others are sent', async () => {
    await app.queue(['A', 'B']);
    const a = await app.clientIdOf('A');
    const reason = 'Mã gửi này đã được dùng cho một nội dung khác.';
    const refuseA = (ids: string[]): Outcome[] => ids.map((id) => (id === a ? { refuse: '409.1', message: reason } : 'accept'));
    answers = [refuseA, refuseA];
    const r = await app.flush(t0);
    expect(r).toMatchObject({ delivered: 2, failure: null, reEnrol: false });
    expect(await app.refusal('A')).toBe(reason);
    expect(await app.sent('A')).toBe(false);
    expect(await app.sent('B')).toBe(true);
    expect(accepted).toEqual([await app.clientIdOf('B')]);
    expect(await app.waiting()).toBe(0);
    const asked = requests.length;
    await app.flush(t0 + 600_000);
    expect(requests).toHaveLength(asked);
  });

  it('401.1 stops the run and asks to enrol again; nothing is sent or refused', async () => {
    await app.queue(['A', 'B']);
    answers = [{ status: 401, body: { error: { code: '401.1', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Xin đăng nhập lại.' } } }];
    const r = await app.flush(t0);
    expect(r.reEnrol).toBe(true);
    expect(r.delivered).toBe(0);
    expect(r.failure).toMatchObject({ status: 401, code: '401.1', retryable: false });
    expect(requests).toHaveLength(1);
    for (const id of ['A', 'B']) {
      expect(await app.sent(id)).toBe(false);
      expect(await app.refusal(id)).toBeNull();
    }
    expect(await app.waiting()).toBe(2);
  });
});
