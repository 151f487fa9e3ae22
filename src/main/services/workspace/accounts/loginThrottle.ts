/**
 * Failed sign-ins per attempted identity (existing or not, so the answer tells nothing about
 * which accounts exist). After `limit` failures inside `windowMs`, sign-in is refused until the
 * oldest of them leaves the window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds to wait before trying again, or 0 when an attempt is allowed now. */
  waitMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit]!;
    return Math.max(0, oldest + this.windowMs - this.clock());
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.clock()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
