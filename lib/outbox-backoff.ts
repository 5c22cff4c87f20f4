/**
 * When to try an unsent record again (after Enketo's exponential-backoff): min(2^n − 1, 300) seconds after
 * the n-th failed attempt, so a tablet on a flaky line retries quickly at first and every 5 minutes at most.
 */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(2 ** Math.max(0, failedAttempts) - 1, 300);
}
