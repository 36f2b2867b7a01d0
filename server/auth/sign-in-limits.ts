import { HttpError } from '../lib/http-error'
import { FailedAttempts } from './failed-attempts'

/** The limits on failed sign-ins (POST /authorize), passwords and two-factor codes alike. */
export interface SignInLimitOptions {
  /** Failures allowed per email and address pair within `windowMs`; past it, that pair gets 429. */
  perPair: number
  /** Failures allowed per client address within `windowMs`, whatever the emails; past it, 429. */
  perAddress: number
  /** Failures per email within `windowMs` past which its attempts are paced rather than refused. */
  perEmail: number
  windowMs: number
  /** While an email is paced, its checks start at least this many milliseconds apart. */
  emailPaceMs: number
  /** The longest an attempt waits for its turn; a longer queue is a short 429 (seconds, not the window). */
  maxPaceWaitMs: number
}

/** One attempt, counted as a failure from the start: say how it ended. */
export interface SignInAttempt {
  /** The password (and code) were right: the attempt is not a failure, the pair starts afresh. */
  succeeded(): void
  /** The password was right and a code is still to come: not a failure (nothing was guessed). */
  incomplete(): void
}

const tooMany = (seconds: number, why: string) =>
  new HttpError(429, `Too many failed sign-ins ${why}. Try again in ${seconds} seconds.`, {
    'Retry-After': String(seconds),
  })

/**
 * The rule (server/README.md, "Local rules"): every attempt is counted as a failure before its
 * password is checked, and taken back when it turns out right, so N simultaneous guesses cost what
 * N sequential ones do. Refusals are per email-and-address pair and per address: the person under
 * attack, signing in from an address that has not failed, is never refused because of someone
 * else's guesses. Per email, past `perEmail` failures, checks are paced: they wait their turn,
 * `emailPaceMs` apart, which slows an attack spread over many addresses without locking anyone out.
 * In memory, like FailedAttempts: a restart forgets.
 */
export class SignInLimits {
  private readonly pairs: FailedAttempts
  private readonly addresses: FailedAttempts
  private readonly emails: FailedAttempts
  /** Per paced email, the monotonic time (performance.now()) its next check may start. */
  private readonly nextTurn = new Map<string, number>()

  constructor(
    private readonly options: SignInLimitOptions,
    now: () => number,
  ) {
    this.pairs = new FailedAttempts(options.perPair, options.windowMs, now)
    this.addresses = new FailedAttempts(options.perAddress, options.windowMs, now)
    // The email counter never refuses: only its count is read, to pace.
    this.emails = new FailedAttempts(Number.MAX_SAFE_INTEGER, options.windowMs, now)
  }

  /**
   * Counts an attempt for `email` (lower-cased) from `address` and waits for its turn when the
   * email is paced. Throws HttpError 429 (with Retry-After) when the pair or the address is past
   * its limit, or when the email's queue is longer than `maxPaceWaitMs`.
   */
  async begin(email: string, address: string): Promise<SignInAttempt> {
    const pair = `${address} ${email}`
    const retryAfter = Math.max(this.pairs.retryAfterSeconds(pair), this.addresses.retryAfterSeconds(address))
    if (retryAfter > 0) throw tooMany(retryAfter, 'from your address')
    const wait = this.turn(email)
    if (wait > this.options.maxPaceWaitMs)
      throw tooMany(Math.ceil(this.options.maxPaceWaitMs / 1000), 'for this account')
    // Counted before any await: a burst finds the counts of the attempts before it.
    this.pairs.record(pair)
    this.addresses.record(address)
    this.emails.record(email)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const release = () => {
      this.addresses.release(address)
      this.emails.release(email)
    }
    return {
      succeeded: () => {
        release()
        this.pairs.clear(pair)
      },
      incomplete: () => {
        release()
        this.pairs.release(pair)
      },
    }
  }

  /** Milliseconds this attempt waits before its check (0 while the email is under `perEmail`). */
  private turn(email: string): number {
    if (this.emails.count(email) < this.options.perEmail) {
      this.nextTurn.delete(email)
      return 0
    }
    const now = performance.now()
    const start = Math.max(now, this.nextTurn.get(email) ?? now)
    if (start - now > this.options.maxPaceWaitMs) return start - now
    this.nextTurn.set(email, start + this.options.emailPaceMs)
    // Bound the memory a flood of distinct emails could take.
    if (this.nextTurn.size > 10_000) this.nextTurn.delete(this.nextTurn.keys().next().value!)
    return start - now
  }
}
