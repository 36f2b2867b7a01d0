import { describe, expect, it } from 'vitest'
import { addDays, daysBetween } from './dates'
import { crossingDay, isWeekend, projectWeekly, weeklyRhythm, type DayValue } from './weekly-projection'

/** Each day's value from `valueOf`, from `start` to `end` (exclusive); today's counted up to `now`. */
function series(start: string, end: string, valueOf: (day: string, index: number) => number): DayValue[] {
  return Array.from({ length: daysBetween(start, end) }, (_, index) => {
    const day = addDays(start, index)
    return { day, value: valueOf(day, index) }
  })
}

/** The series as the dashboard sees it at `now`: whole days before today, today's elapsed share. */
function seenAt(days: DayValue[], now: Date): DayValue[] {
  const today = now.toISOString().slice(0, 10)
  const share = (now.getTime() - Date.parse(`${today}T00:00:00Z`)) / 86_400_000
  return days
    .filter((d) => d.day <= today)
    .map((d) => (d.day === today ? { ...d, value: d.value * share } : d))
}

/** The demo seed's rhythm: weekends a third of weekdays, some deterministic noise. */
const demoLike = (day: string, index: number) =>
  (isWeekend(day) ? 35 : 100) * (1 + 0.1 * Math.sin(index * 2.3))

const period = { start: '2026-03-01', end: '2026-03-31' }

describe('isWeekend', () => {
  it('knows Saturdays and Sundays in UTC', () => {
    expect(['2026-03-07', '2026-03-08'].map(isWeekend)).toEqual([true, true])
    expect(['2026-03-06', '2026-03-09', '1970-01-01'].map(isWeekend)).toEqual([false, false, false])
  })
})

describe('projectWeekly', () => {
  it('on a flat series equals the flat pace (total ÷ elapsed share), today counted in part', () => {
    const days = series('2026-01-01', period.end, () => 40)
    const now = new Date('2026-03-12T18:00:00Z')
    const seen = seenAt(days, now)
    const projection = projectWeekly(seen, period, now)!
    const used = seen.filter((d) => d.day >= period.start).reduce((sum, d) => sum + d.value, 0)
    expect(projection.elapsedDays).toBeCloseTo(11.75)
    expect(projection.projected).toBeCloseTo(used / projection.elapsedFraction, 6)
    expect(projection.projected).toBeCloseTo(40 * 30, 6)
  })

  it('beats the flat pace on weekly data, on every day of the period', () => {
    const days = series('2026-01-01', period.end, demoLike)
    const truth = days.filter((d) => d.day >= period.start).reduce((sum, d) => sum + d.value, 0)
    let weeklyError = 0
    let flatError = 0
    for (let offset = 1; offset < 30; offset += 1) {
      const now = new Date(`${addDays(period.start, offset)}T12:00:00Z`)
      const seen = seenAt(days, now)
      const projection = projectWeekly(seen, period, now)!
      const used = seen.filter((d) => d.day >= period.start).reduce((sum, d) => sum + d.value, 0)
      const flat = used / projection.elapsedFraction
      weeklyError += Math.abs(projection.projected - truth)
      flatError += Math.abs(flat - truth)
      // Early in the period, after a weekend start, the flat pace is far off; the week is not.
      if (offset === 2) expect(Math.abs(projection.projected - truth) / truth).toBeLessThan(0.1)
    }
    expect(weeklyError).toBeLessThan(flatError / 3)
  })

  it('states its method and is null outside the period or at its very start', () => {
    const days = series('2026-02-01', period.end, demoLike)
    expect(projectWeekly(days, period, new Date('2026-03-10T00:00:00Z'))!.method).toMatch(/weekday.*weekend/i)
    expect(projectWeekly(days, period, new Date('2026-03-01T00:00:00Z'))).toBeNull()
    expect(projectWeekly(days, period, new Date('2026-03-31T00:00:00Z'))).toBeNull()
    expect(projectWeekly(days, period, new Date('2026-02-28T12:00:00Z'))).toBeNull()
  })

  it('reads a short history as flat, and goes on at the flat pace without a whole day before today', () => {
    expect(weeklyRhythm([{ day: '2026-03-02', value: 10 }], '2026-03-04')).toEqual({ weekday: 5, weekend: 5 })
    expect(weeklyRhythm([{ day: '2026-03-04', value: 10 }], '2026-03-04')).toBeNull()
    // Noon of the first day, 15 used: 30 a day for the 29.5 days left.
    const firstDay = projectWeekly(
      [{ day: '2026-03-01', value: 15 }],
      period,
      new Date('2026-03-01T12:00:00Z'),
    )!
    expect(firstDay.projected).toBeCloseTo(15 + 30 * 29.5)
    expect(projectWeekly([], period, new Date('2026-03-05T12:00:00Z'))!.projected).toBe(0)
  })
})

describe('crossingDay', () => {
  it('walks the expected days: weekends add less, so the crossing comes later than at the flat pace', () => {
    const now = new Date('2026-03-06T00:00:00Z') // a Friday, at its start
    const rhythm = { perWeekday: 100, perWeekendDay: 10, elapsedDays: 5 }
    // Friday brings 100 (200 → 300), the weekend 20 more, Monday the rest.
    expect(crossingDay(rhythm, 200, 300, period, now)).toBe('2026-03-06')
    expect(crossingDay(rhythm, 200, 301, period, now)).toBe('2026-03-07')
    expect(crossingDay(rhythm, 200, 321, period, now)).toBe('2026-03-09')
    expect(crossingDay(rhythm, 200, 1_000_000, period, now)).toBeNull()
  })
})
