// The extension's outbox store (the queue itself is client/outbox.ts): entries in the Dexie table `outbox`,
// delivered in the order they were queued and deleted once the collector has answered. They live in
// IndexedDB, so they survive a closed browser. Queuing the same kind + clientId again replaces the waiting
// body (the person fixed the order before it left).
import type { Table } from 'dexie';
import type { OutboxStore } from '../../client/outbox';
import { db } from './db';

export type OutboxKind = 'submit' | 'withdraw' | 'page-report';

export interface OutboxEntry {
  seq?: number;
  kind: OutboxKind;
  clientId: string;
  /** The order this entry is about (submit, withdraw). */
  orderKey?: string;
  body: unknown;
  attempts: number;
  /** Epoch ms before which this entry is not tried again. */
  notBefore: number;
  /** The last failure, in Vietnamese, for the popup. */
  lastError?: string;
}

export type NewEntry = Pick<OutboxEntry, 'kind' | 'clientId' | 'body' | 'orderKey'>;

export function entryStore(table: Table<OutboxEntry, number>): OutboxStore<OutboxEntry> & { enqueue(entry: NewEntry): Promise<void> } {
  return {
    async enqueue(entry) {
      await table.db.transaction('rw', table, async () => {
        const same = await table.where('[kind+clientId]').equals([entry.kind, entry.clientId]).first();
        if (same) await table.update(same.seq!, { body: entry.body, orderKey: entry.orderKey, notBefore: 0 });
        else await table.add({ ...entry, attempts: 0, notBefore: 0 });
      });
    },
    waiting: () => table.orderBy('seq').toArray(),
    stateOf: (e) => e,
    postpone: async (e, state) => void (await table.update(e.seq!, { ...state })),
    delivered: (entries) => table.bulkDelete(entries.map((e) => e.seq!)),
    makeDue: async () => void (await table.toCollection().modify({ notBefore: 0 })),
  };
}

/** Queues an entry (the popup and the background queue; only the background delivers, see orders/deliver.ts). */
export const enqueue = (entry: NewEntry) => entryStore(db().outbox).enqueue(entry);
