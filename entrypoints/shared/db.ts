// The extension's own database (IndexedDB through Dexie), shared by the background, the popup and the
// options page. Content scripts never open it: they send what they read to the background.
// Every schema change is a new version with its upgrade, never an edit of an old one (tested in db.test.ts).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { CheckoutSnapshot, RecordedOrder } from '../../lib/capture';
import { vietnamDay } from '../../lib/periods';
import type { SubmissionStatus } from '../../lib/api/staff';
import type { OutboxEntry } from './outbox';

/** Where an order stands with the agency's collector. */
export interface Submission {
  /** 'unsent' chưa gửi · 'queued' đang gửi · 'sent' đã gửi · 'rejected' bị từ chối. */
  state: 'unsent' | 'queued' | 'sent' | 'rejected';
  /** The clientId the collector holds for this order (withdrawn first when the order changes). */
  collectorClientId: string | null;
  /** What was delivered, to tell a changed order from a sent one. */
  sentBody: string | null;
  status?: SubmissionStatus;
  /** The collector's reason, in Vietnamese, when it refused or flagged the order. */
  reason?: string;
  answeredAt?: string;
}

export interface StoredOrder extends RecordedOrder {
  submission: Submission;
}

export interface Setting {
  key: string;
  value: unknown;
}

export const unsent = (): Submission => ({ state: 'unsent', collectorClientId: null, sentBody: null });

export class ExtensionDb extends Dexie {
  orders!: Table<StoredOrder, string>;
  snapshots!: Table<CheckoutSnapshot, string>;
  settings!: Table<Setting, string>;
  outbox!: Table<OutboxEntry, number>;

  constructor(name = 'nongsan-so', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      orders: 'key, clientId, marketplace, recordedAt',
      snapshots: 'marketplace',
      settings: 'key',
      outbox: '++seq, &[kind+clientId]',
    });
    // v2: the campaign day of each order, so the popup lists a period without reading every order.
    this.version(2)
      .stores({ orders: 'key, clientId, marketplace, recordedAt, placedOn' })
      .upgrade((tx) =>
        tx
          .table('orders')
          .toCollection()
          .modify((o: StoredOrder) => {
            o.placedOn ??= vietnamDay(o.placedAt ?? o.recordedAt) ?? o.recordedAt.slice(0, 10);
            o.submission ??= unsent();
          }),
      );
  }
}

let shared: ExtensionDb | null = null;
/** The one database of this extension context. */
export const db = () => (shared ??= new ExtensionDb());
