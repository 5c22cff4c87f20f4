// The kiosk's households on the shared outbox (client/outbox.ts): the queue is the household records in
// state 'queued' of one officer (sealed with that officer's key, so only their unlocked session can open them,
// just before sending), 25 to a request. The collector answers for each household: accepted
// (sent, with its server id) or refused with a numbered problem (for the officer to fix).
import { db, type HouseholdRecord } from '../db';
import { kioskCollector, type Device } from '../device';
import { openRecord, submittedPart } from '../household-records';
import { createOutbox, type OutboxStore } from '../../../../client/outbox';
import type { OfficerKeys } from '../pin-crypto';
import type { SyncAnswer } from '../../../../lib/api/kiosk';

/** The unlocked officer on an enrolled tablet: what sending needs. */
export interface Sender {
  device: Device;
  keys: OfficerKeys;
  officerId: string;
}

export const batchSize = 25;

const queued = (officerId: string) => db.households.where('[officerId+state]').equals([officerId, 'queued']);

export function householdStore(officerId: string): OutboxStore<HouseholdRecord> {
  return {
    // In the order they were put in the queue.
    waiting: () => queued(officerId).sortBy('updatedAt'),
    stateOf: (r) => ({ attempts: r.attempts, notBefore: r.nextAttemptAt }),
    postpone: async (r, { attempts, notBefore }) => void (await db.households.update(r.clientId, { attempts, nextAttemptAt: notBefore })),
    // deliver moved each record out of 'queued' with the collector's answer.
    delivered: async () => undefined,
    makeDue: async () => void (await queued(officerId).modify({ nextAttemptAt: 0 })),
  };
}

export function householdOutbox({ device, keys, officerId }: Sender) {
  const collector = kioskCollector(device);
  return createOutbox(
    householdStore(officerId),
    async (records) => {
      const households = await Promise.all(records.map(async (r) => submittedPart(await openRecord(keys, r))));
      const { results } = await collector.call<SyncAnswer>('POST', '/api/kiosk/households', { households });
      await db.transaction('rw', db.households, async () => {
        for (const r of results) {
          // The code the collector keeps: the tablet's own, or one it gave instead (sent without one, or a clash).
          if (r.status === 'accepted') await db.households.update(r.clientId, { state: 'sent', serverId: r.serverId ?? null, ...(r.code ? { code: r.code } : {}), problem: null, status: 'received', attempts: 0 });
          else await db.households.update(r.clientId, { state: 'rejected', problem: r.problem ?? null });
        }
      });
    },
    { batchSize },
  );
}

/** "Sửa trước khi gửi": out of the queue and back to a draft; queuing it again puts the fixed household in. */
export async function takeBack(clientId: string): Promise<void> {
  await db.households.where('clientId').equals(clientId).and((r) => r.state === 'queued').modify({ state: 'draft' });
}
