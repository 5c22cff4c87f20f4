/**
 * A staff token slides (180 days from its last use), written at most once a day; a revoked or expired token is
 * refused and never written. Expiries are set by hand and read back from the table.
 */
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../test-databases';
import { hashToken, issueToken, principalOf } from './tokens';

const day = 86_400_000;

forEachDatabase((deps) => {
  const expiryOf = async (token: string) => (await deps().db.selectFrom('tokens').select('expires_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow()).expires_at;
  const setExpiry = (token: string, expiresAt: string | null) => deps().db.updateTable('tokens').set({ expires_at: expiresAt }).where('token_hash', '=', hashToken(token)).execute();
  const staffToken = async (ttlMs: number | null) => (await issueToken(deps().db, { role: 'staff', subjectId: `s-${Math.random()}`, agencyCode: 'SNV' }, ttlMs)).token;
  const daysLeft = (iso: string | null) => Math.round((Date.parse(iso!) - Date.now()) / day);
  /** The expiry a renewal between `before` and `after` gives: written as toISOString writes it, `lifetime` after its use. */
  const expectRenewedTo = (expiry: string | null, lifetime: number, before: number, after: number) => {
    expect(expiry).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(expiry!)).toBeGreaterThanOrEqual(before + lifetime);
    expect(Date.parse(expiry!)).toBeLessThanOrEqual(after + lifetime);
  };

  describe('staff token renewal', () => {
    it('a token an hour from its end is given 180 days by its first use, and reads as its person', async () => {
      const token = await staffToken(3_600_000);
      const before = Date.now();
      const who = await principalOf(deps().db, token);
      const after = Date.now();
      expect(who).toMatchObject({ role: 'staff', agencyCode: 'SNV' });
      expect(daysLeft(await expiryOf(token))).toBe(180);
      expectRenewedTo(await expiryOf(token), 180 * day, before, after);
    });

    it('a tablet token is given 30 days by its first use of the day, to the millisecond of that use', async () => {
      const { token } = await issueToken(deps().db, { role: 'kiosk', subjectId: `k-${Math.random()}`, agencyCode: null }, 3_600_000);
      const before = Date.now();
      expect(await principalOf(deps().db, token)).toMatchObject({ role: 'kiosk' });
      const after = Date.now();
      expectRenewedTo(await expiryOf(token), 30 * day, before, after);
    });

    it('a token a little more than a day short of its full lifetime is due, and renewed', async () => {
      const token = await staffToken(3_600_000);
      await setExpiry(token, new Date(Date.now() + 179 * day - 60_000).toISOString());
      const before = Date.now();
      expect(await principalOf(deps().db, token)).toMatchObject({ role: 'staff' });
      expectRenewedTo(await expiryOf(token), 180 * day, before, Date.now());
    });

    it('used again the same day it is not written: its expiry stays to the millisecond', async () => {
      const token = await staffToken(3_600_000);
      const halfADayLess = new Date(Date.now() + 180 * day - day / 2).toISOString();
      await setExpiry(token, halfADayLess);
      expect(await principalOf(deps().db, token)).toMatchObject({ role: 'staff' });
      expect(await expiryOf(token)).toBe(halfADayLess);
    });

    it('a token with no expiry is given one', async () => {
      const token = await staffToken(null);
      expect(await principalOf(deps().db, token)).toMatchObject({ role: 'staff' });
      expect(daysLeft(await expiryOf(token))).toBe(180);
    });

    it('an expired token is refused and stays expired', async () => {
      const token = await staffToken(3_600_000);
      const past = new Date(Date.now() - 1000).toISOString();
      await setExpiry(token, past);
      expect(await principalOf(deps().db, token)).toBe(null);
      expect(await expiryOf(token)).toBe(past);
    });

    it('a revoked token answers revoked and is not renewed', async () => {
      const token = await staffToken(3_600_000);
      const before = await expiryOf(token);
      await deps().db.updateTable('tokens').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', hashToken(token)).execute();
      expect(await principalOf(deps().db, token)).toBe('revoked');
      expect(await expiryOf(token)).toBe(before);
    });

    it('a province token (no sliding lifetime) keeps its expiry', async () => {
      const { token } = await issueToken(deps().db, { role: 'province', subjectId: 'p-1', agencyCode: null }, 3_600_000);
      const before = await expiryOf(token);
      expect(await principalOf(deps().db, token)).toMatchObject({ role: 'province' });
      expect(await expiryOf(token)).toBe(before);
    });

    it('an unknown token is nobody', async () => {
      expect(await principalOf(deps().db, 'no-such-token')).toBe(null);
    });
  });
});
