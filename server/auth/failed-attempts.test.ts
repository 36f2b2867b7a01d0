import { describe, expect, it } from 'vitest'
import { FailedAttempts } from './failed-attempts'

describe('FailedAttempts', () => {
  it('refuses a client past the limit until its oldest failure leaves the window', () => {
    let now = 1_000_000
    const attempts = new FailedAttempts(3, 60_000, () => now)
    for (let i = 0; i < 3; i += 1) {
      expect(attempts.retryAfterSeconds('a')).toBe(0)
      attempts.record('a')
      now += 10_000
    }
    // Failures at 0 s, 10 s and 20 s; it is now 30 s: the first leaves the window at 60 s.
    expect(attempts.retryAfterSeconds('a')).toBe(30)
    expect(attempts.retryAfterSeconds('b')).toBe(0)
    now += 30_001
    expect(attempts.retryAfterSeconds('a')).toBe(0)
  })
})
