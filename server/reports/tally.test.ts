import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { enrolStaff, sampleOrder, submitOrders } from '../testing/seed';
import { agencyFigures, agencyTally, participantRows } from './tally';

const hoi = sampleOrder().items[0];

forEachDatabase((deps) => {
  describe('an agency report’s figures', () => {
    it('sums the tally from the same per-person sums as the participant rows, equal to the tally alone', async () => {
      const d = deps();
      const [a, b, c] = [await enrolStaff(d, 'SNV', 'An'), await enrolStaff(d, 'SNV', 'Bình'), await enrolStaff(d, 'SNV', 'Cường')];
      // An: two orders of 2 × 500 g; Bình: 3 packets without a weight; Cường: a cancelled order, which counts for nothing.
      expect((await submitOrders(d, a, [sampleOrder(), sampleOrder()])).body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      const unweighed = sampleOrder({ items: [{ ...hoi, quantity: 3, lineTotal: 360_000, weightGrams: null }], total: 380_000 });
      expect((await submitOrders(d, b, [unweighed])).body.results[0].status).toBe('accepted');
      expect((await submitOrders(d, c, [sampleOrder({ status: 'cancelled' })])).body.results[0].status).toBe('accepted');

      const scope = { periodId: '2021-dot-1' };
      const { tally, participants } = await agencyFigures(d.db, 'SNV', scope);
      expect(tally).toMatchObject({ participants: 2, orders: 3, farmItems: 3, quantity: 7, amountVnd: 840_000, grams: 2000, kg: 2, itemsWithoutWeight: 1 });
      expect(tally).toEqual(await agencyTally(d.db, 'SNV', scope));
      expect(participants).toEqual(await participantRows(d.db, 'SNV', scope));
      expect(participants.map((p) => [p.fullName, p.participated, p.orders, p.amountVnd])).toEqual([
        ['An', true, 2, 480_000],
        ['Bình', true, 1, 360_000],
        ['Cường', false, 0, 0],
      ]);
    });
  });
});
