// What 50 copies of one submission sent at once must leave behind, through one collector (faults.test.ts) or two
// behind a proxy (two-instances.test.ts).
import { expect } from 'vitest';

type Answer = { status: number; body: any };

/** Every copy was answered 200, and each thing sent has one server id across all answers, accepted. */
export function expectEachStoredOnce(answers: Answer[], sent: { clientId: string }[]) {
  expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(200));
  for (const [i, thing] of sent.entries()) {
    expect(new Set(answers.map((a) => a.body.results[i].serverId)).size).toBe(1);
    expect(answers.every((a) => a.body.results[i].status === 'accepted' && a.body.results[i].clientId === thing.clientId)).toBe(true);
  }
}

/**
 * Orders `a` (odd copies) and `b` (even copies) share a clientId with different contents: the one stored is accepted
 * in each answer that sent it, the other refused 409.1 in each of its own.
 */
export function expectOneContentKept(answers: Answer[], a: { total: number }, b: { total: number }, stored: { id: string; total: unknown }) {
  expect(answers.map((x) => x.status)).toEqual(Array(answers.length).fill(200));
  answers.forEach((x, i) => {
    const sent = i % 2 ? a : b;
    const r = x.body.results[0];
    if (Number(stored.total) === sent.total) expect(r).toMatchObject({ status: 'accepted', serverId: stored.id });
    else expect(r.problem.code).toBe('409.1');
  });
}
