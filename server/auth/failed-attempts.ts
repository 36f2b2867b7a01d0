/**
 * Counts failed token attempts per client address in a sliding window, so that guessing tokens
 * is throttled: past `max` failures within `windowMs`, the address is refused (429) until the
 * oldest failure leaves the window. In memory: a restart forgets, which is fine for a local server.
 */
export class FailedAttempts {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(client: string): number[] {
    const cutoff = this.now() - this.windowMs
    const times = (this.failures.get(client) ?? []).filter((time) => time > cutoff)
    if (times.length === 0) this.failures.delete(client)
    else this.failures.set(client, times)
    return times
  }

  /** Seconds until this client may try again, or 0 when it may try now. */
  retryAfterSeconds(client: string): number {
    const times = this.recent(client)
    if (times.length < this.max) return 0
    return Math.max(1, Math.ceil((times[times.length - this.max]! + this.windowMs - this.now()) / 1000))
  }

  /** Forgets this client's failures (a successful sign-in for an email). */
  clear(client: string): void {
    this.failures.delete(client)
  }

  /**
   * Takes back one failure of this client: an attempt counted before its outcome was known
   * (see sign-in-limits.ts) that turned out not to be a failure.
   */
  release(client: string): void {
    const times = this.recent(client)
    times.pop()
    if (times.length === 0) this.failures.delete(client)
  }

  /** How many failures of this client are in the window now. */
  count(client: string): number {
    return this.recent(client).length
  }

  record(client: string): void {
    const times = this.recent(client)
    times.push(this.now())
    this.failures.set(client, times)
    // Bound the memory a flood of distinct addresses could take.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!)
  }
}
