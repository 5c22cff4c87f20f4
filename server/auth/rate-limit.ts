/**
 * Fixed-window attempt counter per key (a username, an IP, an enrolment code prefix), in memory: guessing
 * passwords or enrolment codes gets 429 after `max` tries in `windowMs`. One collector process per province
 * is the deployment, so memory is enough.
 */
export class AttemptLimiter {
  private attempts = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    const a = this.attempts.get(key);
    if (!a || now - a.since > this.windowMs) {
      this.attempts.set(key, { count: 1, since: now });
      if (this.attempts.size > 100_000) this.attempts.clear();
      return true;
    }
    a.count++;
    return a.count <= this.max;
  }

  reset(key: string) {
    this.attempts.delete(key);
  }
}

export const loginLimiter = new AttemptLimiter(10, 15 * 60 * 1000);
