/**
 * Sign-in attempts per key (an account, a client address). An attempt counts when it starts,
 * before the slow password check: counting only finished failures let forty parallel guesses
 * all be checked before the first of them was recorded. After `limit` attempts inside
 * `windowMs`, further attempts are refused until the oldest of them leaves the window.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock() - this.windowMs;
    const kept = (this.attempts.get(key) ?? []).filter((at) => at > since);
    if (kept.length) this.attempts.set(key, kept);
    else this.attempts.delete(key);
    return kept;
  }

  /** Milliseconds to wait before trying again, or 0 when an attempt is allowed now. */
  waitMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit]!;
    return Math.max(0, oldest + this.windowMs - this.clock());
  }

  /** Counts an attempt starting now; returns when it was, to `release` it later. */
  record(key: string): number {
    // Names an attacker makes up are keys too: drop the stale ones now and then.
    if (this.attempts.size > 10_000)
      for (const stale of [...this.attempts.keys()]) this.recent(stale);
    const at = this.clock();
    this.attempts.set(key, [...this.recent(key), at]);
    return at;
  }

  /** Takes back one attempt (one that succeeded: it was no guess). */
  release(key: string, at: number): void {
    const recent = this.recent(key);
    const index = recent.indexOf(at);
    if (index >= 0) recent.splice(index, 1);
    if (recent.length === 0) this.attempts.delete(key);
  }

  /** Forgets every attempt on the key (the account signed in: its count starts again). */
  clear(key: string): void {
    this.attempts.delete(key);
  }
}
