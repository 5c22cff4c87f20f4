import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isOcopStars, missingForVerification, ocopStarChoices, ocopStarsMessage } from './claims';
import { claimDecisionRequest } from '../api/agriculture';
import { checkHousehold } from '../kiosk/household';
import { sampleHousehold } from '../kiosk/sample-household';

describe('OCOP stars: one rule for the kiosk, the household check and the verification', () => {
  it('3, 4 or 5 stars, the recognised ranks; 1 or 2 stars and anything else are not claims', () => {
    expect(ocopStarChoices).toEqual([3, 4, 5]);
    expect(ocopStarsMessage).toBe('Hạng OCOP là 3, 4 hoặc 5 sao.');
    expect([1, 2, 3, 4, 5, 6, 3.5, 0].map(isOcopStars)).toEqual([false, false, true, true, true, false, false, false]);
  });
  it('the household check (tablet and collector) says so', () => {
    expect(checkHousehold(sampleHousehold({ ocopStars: 2 }))).toEqual([{ field: 'ocopStars', code: '400.52', message: 'Hạng OCOP là 3, 4 hoặc 5 sao.' }]);
    expect(checkHousehold(sampleHousehold({ ocopStars: 5 }))).toEqual([]);
  });
  it('the department verifies 3 to 5 stars only, with the same words', () => {
    const issues = (stars: unknown) => v.safeParse(claimDecisionRequest, { decision: 'verified', stars }).issues?.map((i) => i.message) ?? [];
    expect(issues(1)).toEqual(['Hạng OCOP là 3, 4 hoặc 5 sao.']);
    expect(issues(6)).toEqual(['Hạng OCOP là 3, 4 hoặc 5 sao.']);
    expect(issues('4')).toEqual(['Hạng OCOP là 3, 4 hoặc 5 sao.']);
    expect(issues(3)).toEqual([]);
    const facts = { number: null, issuer: null, expiresOn: null };
    expect(missingForVerification('ocop', { ...facts, stars: 2 }, '2026-12-01')).toEqual({ field: 'stars', message: 'Hạng OCOP là 3, 4 hoặc 5 sao.' });
    expect(missingForVerification('ocop', { ...facts, stars: null }, '2026-12-01')).toEqual({ field: 'stars', message: 'Hạng OCOP là 3, 4 hoặc 5 sao.' });
    expect(missingForVerification('ocop', { ...facts, stars: 4 }, '2026-12-01')).toBeNull();
  });
});
