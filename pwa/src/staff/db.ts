import { Dexie, type EntityTable } from 'dexie';
import type { SubmittedOrder } from '../../../lib/api/staff';

export type DeclarationState = 'queued' | 'sent' | 'rejected';

/** An order declared on the phone: waiting to be sent, sent, or refused by the collector (for the person to fix). */
export interface Declaration {
  clientId: string;
  /** The staff member it belongs to (a shared phone may be enrolled again by someone else). */
  staffId: string;
  order: SubmittedOrder;
  state: DeclarationState;
  queuedAt: string;
  attempts: number;
  nextAttemptAt: number;
  serverId: string | null;
  problem: { code: string; message: string; field?: string } | null;
  /** The photo of the order, already resized on the phone; sent after the order, then dropped from the phone. */
  photo: Blob | null;
}

export const db = new Dexie('nongsan-staff') as Dexie & { declarations: EntityTable<Declaration, 'clientId'> };

db.version(1).stores({ declarations: 'clientId, [staffId+state]' });
