// The person's recorded orders: capture from pages, corrections, manual orders and submission to the
// collector through the outbox. Shared by the background (capture, delivery) and the popup (everything else).
import { capture, effectiveItem, orderCheck, orderKey, stillMissing, vietnamDay, type ItemOverrides, type RecordedItem } from '../../lib/capture';
import type { SubmittedOrder } from '../../lib/api/staff';
import type { Marketplace } from '../../lib/marketplaces/hosts';
import type { ExtractResult } from '../../lib/marketplaces/types';
import { db, unsent, type StoredOrder } from './db';
import { ApiError, collectorApi } from './collector-api';
import { createOutbox, type DeliveryResult, type OutboxEntry } from './outbox';
import { getCollectorUrl, getEnrolment } from './settings';

const newId = () => crypto.randomUUID();

/** Stores what a page read means (lib/capture.ts). Returns the orders recorded for the first time. */
export async function recordPage(page: ExtractResult, now = new Date().toISOString()): Promise<StoredOrder[]> {
  if (!page.marketplace || page.pageType === 'other' || page.pageType === 'product') return [];
  const d = db();
  return d.transaction('rw', d.orders, d.snapshots, async () => {
    const marketplace = page.marketplace!;
    const codes = page.orders.map((o) => o.orderCode).filter((c): c is string => !!c);
    const found = await d.orders.bulkGet(codes.map((c) => orderKey(marketplace, c)));
    const existing = new Map(found.filter((o): o is StoredOrder => !!o).map((o) => [o.key, o]));
    const snapshot = (await d.snapshots.get(marketplace)) ?? null;
    const out = capture({ page, now, snapshot, existing, newClientId: newId });
    if (out.snapshot) await d.snapshots.put(out.snapshot);
    else if (out.snapshot === null) await d.snapshots.delete(marketplace);
    const stored = out.upserts.map((o) => ({ ...o, submission: (o as Partial<StoredOrder>).submission ?? unsent() }) as StoredOrder);
    if (stored.length) await d.orders.bulkPut(stored);
    return stored.filter((o) => out.created.includes(o.key));
  });
}

/** "Không tính đơn này" and its undo. */
export async function setOrderExcluded(key: string, excluded: boolean): Promise<void> {
  await db().orders.update(key, { excluded, updatedAt: new Date().toISOString() });
}

/** "Đúng như trang": the person checked an order whose items do not add up to its total. */
export async function acceptCheck(key: string): Promise<void> {
  await db().orders.update(key, { checkAccepted: true, updatedAt: new Date().toISOString() });
}

/** The person corrects an item (quantity, price, weight, farm product or not, excluded). */
export async function correctItem(key: string, index: number, overrides: ItemOverrides): Promise<void> {
  await db().transaction('rw', db().orders, async () => {
    const o = await db().orders.get(key);
    if (!o || !o.items[index]) return;
    const item = o.items[index];
    item.overrides = { ...item.overrides, ...overrides };
    for (const k of Object.keys(item.overrides) as (keyof ItemOverrides)[]) if (item.overrides[k] === undefined) delete item.overrides[k];
    await db().orders.put({ ...o, updatedAt: new Date().toISOString() });
  });
}

/** The order code the page did not give, typed by the person: the order is then keyed by it like any other. */
export async function correctOrder(key: string, fields: { orderCode: string }): Promise<void> {
  const d = db();
  await d.transaction('rw', d.orders, async () => {
    const o = await d.orders.get(key);
    if (!o) return;
    const next = { ...o, orderCode: fields.orderCode.trim(), key: orderKey(o.marketplace, fields.orderCode), updatedAt: new Date().toISOString() };
    next.missing = next.missing.filter((m) => m !== 'orderCode');
    if (next.key !== key && (await d.orders.get(next.key))) throw new Error(`Đơn ${next.orderCode} đã có trong danh sách.`);
    await d.orders.delete(key);
    await d.orders.put(next);
  });
}

export interface ManualOrderInput {
  marketplace: Marketplace;
  orderCode: string | null;
  /** yyyy-mm-dd */
  placedOn: string;
  items: { name: string; quantity: number; unitPrice: number; weightGrams: number | null; isFarmProduct: boolean; shop: string | null }[];
  shippingFee: number | null;
}

/** An order added by hand (bought in a phone app, or not detected): counted and marked self-declared. */
export async function addManualOrder(input: ManualOrderInput): Promise<StoredOrder> {
  const now = new Date().toISOString();
  const clientId = newId();
  const items: RecordedItem[] = input.items.map((i) => ({
    ...i,
    lineTotal: i.quantity * i.unitPrice,
    productUrl: null,
    category: null,
    missing: i.weightGrams === null ? ['weightGrams'] : [],
    overrides: {},
  }));
  const itemsTotal = items.reduce((s, i) => s + i.lineTotal, 0);
  const order: StoredOrder = {
    key: input.orderCode ? orderKey(input.marketplace, input.orderCode) : `${input.marketplace}:#${clientId}`,
    clientId,
    marketplace: input.marketplace,
    orderCode: input.orderCode?.trim() || null,
    // Noon Vietnam time on the day given: the day stays the same in every time zone that matters here.
    placedAt: `${input.placedOn}T05:00:00.000Z`,
    placedOn: input.placedOn,
    source: 'manual',
    status: 'placed',
    items,
    shippingFee: input.shippingFee,
    discount: null,
    total: itemsTotal + (input.shippingFee ?? 0),
    excluded: false,
    missing: input.orderCode ? [] : ['orderCode'],
    recordedAt: now,
    updatedAt: now,
    submission: unsent(),
  };
  if (input.orderCode && (await db().orders.get(order.key))) throw new Error(`Đơn ${input.orderCode} đã có trong danh sách.`);
  await db().orders.add(order);
  return order;
}

export async function deleteManualOrder(key: string): Promise<void> {
  const o = await db().orders.get(key);
  if (!o || o.source !== 'manual') return;
  if (o.submission.collectorClientId) await outbox().enqueue({ kind: 'withdraw', clientId: o.submission.collectorClientId, orderKey: key, body: null });
  await db().orders.delete(key);
}

/** The order as the collector receives it (docs/api.md SubmittedOrder). */
export function toSubmitted(o: StoredOrder): SubmittedOrder {
  return {
    clientId: o.clientId,
    marketplace: o.marketplace,
    orderCode: o.orderCode,
    placedAt: o.placedAt,
    source: o.source,
    status: o.status,
    items: o.items.map((i) => {
      const e = effectiveItem(i);
      return { ...e, name: e.name.slice(0, 300) };
    }),
    shippingFee: o.shippingFee,
    discount: o.discount,
    total: o.total,
  };
}

const content = (o: StoredOrder) => JSON.stringify({ ...toSubmitted(o), clientId: '' });

export type OrderState = 'unsent' | 'changed' | 'queued' | 'sent' | 'flagged' | 'rejected' | 'not-counted';

/** Where an order stands, in the words the popup shows. */
export function orderState(o: StoredOrder): OrderState {
  const s = o.submission;
  if (s.state === 'queued') return 'queued';
  if (o.excluded) return 'not-counted';
  if (s.state === 'unsent') return 'unsent';
  if (s.sentBody !== content(o)) return 'changed';
  if (s.state === 'rejected') return 'rejected';
  return s.status === 'flagged' ? 'flagged' : 'sent';
}

/** Fields the person still has to fill before the order can be sent. */
export function blockers(o: StoredOrder): string[] {
  const b: string[] = [];
  if (!o.items.length) b.push('items');
  if (orderCheck(o)) b.push('check');
  o.items.forEach((i, n) => stillMissing(i).filter((k) => k === 'quantity' || k === 'unitPrice').forEach((k) => b.push(`items[${n}].${k}`)));
  return b;
}

/**
 * "Gửi": queues what changed since the collector last heard. An order already at the collector that
 * changed is withdrawn and sent again under a new clientId (the collector keeps ids immutable);
 * an order the person stopped counting is withdrawn. Returns how many orders were queued.
 */
export async function submitOrders(keys: string[]): Promise<number> {
  if (!(await getEnrolment())) throw new Error('Bạn chưa đăng ký với cơ quan: mở tab "Đăng ký" và nhập mã cơ quan trước khi gửi.');
  const box = outbox();
  const d = db();
  let queued = 0;
  for (const key of keys) {
    // One transaction per order: the outbox entry and the order's "đang gửi" state are stored together,
    // so closing the popup (or the browser) half-way leaves no order queued without saying so.
    const done = await d.transaction('rw', d.orders, d.outbox, async () => {
      const o = await d.orders.get(key);
      if (!o || blockers(o).length) return false;
      const state = orderState(o);
      const held = o.submission.collectorClientId;
      if (o.excluded) {
        if (!held) return false;
        await box.enqueue({ kind: 'withdraw', clientId: held, orderKey: key, body: null });
      } else if (state === 'sent' || state === 'flagged' || state === 'queued') {
        return false;
      } else if (held) {
        o.clientId = newId();
        await box.enqueue({ kind: 'withdraw', clientId: held, orderKey: key, body: null });
        await box.enqueue({ kind: 'submit', clientId: o.clientId, orderKey: key, body: toSubmitted(o) });
      } else {
        await box.enqueue({ kind: 'submit', clientId: o.clientId, orderKey: key, body: toSubmitted(o) });
      }
      await d.orders.update(key, { clientId: o.clientId, submission: { ...o.submission, state: 'queued' } });
      return true;
    });
    if (done) queued++;
  }
  return queued;
}

/** Sends one outbox entry to the collector and records its answer on the order. */
export async function deliver(entry: OutboxEntry): Promise<DeliveryResult> {
  const enrolment = await getEnrolment();
  if (!enrolment) return { delivered: false, error: 'Chưa đăng ký với cơ quan.' };
  const api = collectorApi(await getCollectorUrl(), enrolment.token);
  const now = new Date().toISOString();
  try {
    if (entry.kind === 'page-report') {
      await api.reportPage(entry.body as Parameters<typeof api.reportPage>[0]);
      return { delivered: true };
    }
    if (entry.kind === 'withdraw') {
      await api.withdraw(entry.clientId).catch((e) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e; // already gone: that is what we wanted
      });
      await settle(entry.orderKey, (o) => {
        if (o.submission.collectorClientId !== entry.clientId) return;
        o.submission = { ...unsent(), state: o.submission.state === 'queued' && !o.excluded ? 'queued' : 'unsent' };
      });
      return { delivered: true };
    }
    const body = entry.body as SubmittedOrder;
    const { results } = await api.submit([body]);
    const r = results.find((x) => x.clientId === body.clientId) ?? results[0];
    await settle(entry.orderKey, (o) => {
      o.submission = {
        state: r.status === 'rejected' ? 'rejected' : 'sent',
        collectorClientId: body.clientId,
        sentBody: JSON.stringify({ ...body, clientId: '' }),
        status: r.status,
        reason: r.problem?.message,
        answeredAt: now,
      };
    });
    return { delivered: true };
  } catch (e) {
    if (e instanceof ApiError && !e.transient && e.status !== 401) {
      // A final refusal of the whole request: it is the collector's answer, shown on the order.
      await settle(entry.orderKey, (o) => {
        o.submission = { ...o.submission, state: 'rejected', reason: e.message, answeredAt: now, sentBody: JSON.stringify({ ...(entry.body as object), clientId: '' }) };
      });
      return { delivered: true };
    }
    return { delivered: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The collector's current answer for each sent order (the agency may review an order after it was
 * accepted): refreshes state and reason. Returns how many orders changed.
 */
export async function syncAnswers(): Promise<number> {
  const enrolment = await getEnrolment();
  if (!enrolment) return 0;
  const { orders } = await collectorApi(await getCollectorUrl(), enrolment.token).mine();
  const byClientId = new Map(orders.map((v) => [v.clientId, v]));
  let changed = 0;
  const d = db();
  await d.transaction('rw', d.orders, async () => {
    for (const o of await d.orders.toArray()) {
      const held = o.submission.collectorClientId;
      const view = held ? byClientId.get(held) : undefined;
      if (!held || !view || o.submission.state === 'queued') continue;
      const next = view.status === 'withdrawn'
        ? unsent()
        : { ...o.submission, state: view.status === 'rejected' ? ('rejected' as const) : ('sent' as const), status: view.status, reason: view.reason };
      if (JSON.stringify(next) === JSON.stringify(o.submission)) continue;
      await d.orders.update(o.key, { submission: next });
      changed++;
    }
  });
  return changed;
}

async function settle(key: string | undefined, change: (o: StoredOrder) => void) {
  if (!key) return;
  await db().transaction('rw', db().orders, async () => {
    const o = await db().orders.get(key);
    if (!o) return;
    change(o);
    await db().orders.put(o);
  });
}

let box: ReturnType<typeof createOutbox> | null = null;
export const outbox = () => (box ??= createOutbox(db().outbox, deliver));

/** Orders of a campaign period (dd/mm inclusive), newest first. */
export async function ordersBetween(startsOn: string, endsOn: string): Promise<StoredOrder[]> {
  const list = await db().orders.where('placedOn').between(startsOn, endsOn, true, true).toArray();
  return list.sort((a, b) => (b.placedAt ?? b.recordedAt).localeCompare(a.placedAt ?? a.recordedAt));
}

export { vietnamDay };
