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

  /** True while `key` has used up its tries; checks without counting (count failures with `allow`). */
  isBlocked(key: string, now = Date.now()): boolean {
    const a = this.attempts.get(key);
    return !!a && now - a.since <= this.windowMs && a.count >= this.max;
  }

  reset(key: string) {
    this.attempts.delete(key);
  }
}

export const loginLimiter = new AttemptLimiter(10, 15 * 60 * 1000);

/** Enrolment code guessing: failed tries per client IP and per code prefix (a typo keeps its prefix). */
export const enrolmentIpLimiter = new AttemptLimiter(30, 15 * 60 * 1000);
export const enrolmentCodeLimiter = new AttemptLimiter(20, 15 * 60 * 1000);
