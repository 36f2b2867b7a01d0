import { describe, expect, it } from 'vitest'
import { creditOutlook } from './project-credit-outlooks'

// A 30-day period, 2026-03-01 to 2026-03-31 (exclusive); the clock at noon of its 10th day.
const period = { start: '2026-03-01', end: '2026-03-31' }
const now = new Date('2026-03-10T12:00:00Z')
const days = Array.from({ length: 30 }, (_, index) => ({
  day: `2026-03-${String(index + 1).padStart(2, '0')}`,
  // 100 credits a day up to today, nothing after (the API answers every day of the period).
  credits: index < 10 ? 100 : 0,
}))

describe('creditOutlook', () => {
  it('without a limit: the credits so far and the projection, no crossing', () => {
    const outlook = creditOutlook({ days, range: period }, null, now)
    expect(outlook.used).toBe(1000)
    // The weekly projection: whole days ran at 100 a day, weekdays and weekends alike, so the rest
    // of today (half a day) and the 20 days after it add 100 a day.
    expect(outlook.projected).toBeCloseTo(1000 + 0.5 * 100 + 20 * 100)
    expect(outlook.crossingDay).toBeNull()
  })

  it('with a limit ahead: the day the pace so far reaches it', () => {
    // 1,000 used in 9.5 days: about 105 a day; 500 more takes 5 days.
    expect(creditOutlook({ days, range: period }, 1500, now).crossingDay).toBe('2026-03-15')
  })

  it('with a limit passed: the day the running total reached it', () => {
    expect(creditOutlook({ days, range: period }, 450, now)).toMatchObject({
      used: 1000,
      crossingDay: '2026-03-05',
    })
  })

  it('with a limit the pace does not reach in the period: no crossing', () => {
    expect(creditOutlook({ days, range: period }, 10_000, now).crossingDay).toBeNull()
  })
})
