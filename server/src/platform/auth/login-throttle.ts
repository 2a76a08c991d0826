// Failed sign-ins are counted per account and per client address. The address is the
// socket's unless the operator configured a trusted proxy (Fastify's trustProxy), so a
// forged X-Forwarded-For header cannot reset the count. Kept in memory: one node's
// count; with several nodes each node throttles on its own, which still bounds guessing.
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perAccount: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 },
    private readonly perAddress: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before the next attempt, or 0 when it may go ahead. */
  retryAfter(account: string, address: string): number {
    return Math.max(this.wait(`a:${account}`, this.perAccount), this.wait(`i:${address}`, this.perAddress));
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`a:${account}`, `i:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private wait(key: string, rule: ThrottleRule): number {
    const now = this.now();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < rule.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    if (recent.length < rule.maxFailures) return 0;
    return Math.ceil((recent[0]! + rule.windowMs - now) / 1000);
  }
}
