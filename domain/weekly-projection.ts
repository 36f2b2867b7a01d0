/**
 * A projection that knows the week: where a period's total ends if usage goes on as in the recent
 * weeks, weekdays and weekends apart. Usage on the platform follows the working week (the demo's
 * weekends are a third of its weekdays), so a flat daily average over a period that has seen more
 * weekdays than are left overshoots, and one that has seen a weekend-heavy start undershoots.
 *
 * Days are UTC calendar days (`YYYY-MM-DD`), ranges `[start, end)` (end exclusive), values in the
 * series' unit (credits for the budget). Pure: the caller passes `now`.
 */
import { addDays, daysBetween, toEpochDay, utcToday, type IsoDate } from './dates'
import type { DateRange } from './usage'

/** One day's value. */
export interface DayValue {
  day: IsoDate
  value: number
}

/** How many weeks before today the rhythm is read from. */
export const RHYTHM_WEEKS = 4

/** The method in one sentence, for the dashboard to show beside the projected figure. */
export const WEEKLY_PROJECTION_METHOD =
  'Projected from the average weekday and the average weekend day of the last 4 weeks, for the weekdays and weekend days left in the period.'

export interface WeeklyProjection {
  /** The period's total at its end: used so far plus the expected rest. */
  projected: number
  /** What the rest of today and the days after it are expected to add. */
  expectedRest: number
  /** Expected value of a whole weekday (Monday to Friday) and of a whole weekend day. */
  perWeekday: number
  perWeekendDay: number
  /** The share of the period that has passed up to `now`, 0 < elapsed < 1. */
  elapsedFraction: number
  /** Days passed up to `now`, today's elapsed part included: 16.5 at noon of the 17th day. */
  elapsedDays: number
  periodDays: number
  /** {@link WEEKLY_PROJECTION_METHOD}, to show beside the figure. */
  method: string
}

const DAY_MS = 86_400_000

/** Whether a UTC day is a Saturday or a Sunday. */
export function isWeekend(day: IsoDate): boolean {
  // 1970-01-01 was a Thursday: epoch day 2 is Saturday, 3 Sunday.
  const weekday = (((toEpochDay(day) + 4) % 7) + 7) % 7
  return weekday === 0 || weekday === 6
}

/**
 * The expected value of a whole weekday and of a whole weekend day, from the whole days of the
 * {@link RHYTHM_WEEKS} weeks before `today` (today itself is partial and left out). Days with no
 * entry count as 0, from the first day with an entry on (a period's first days are not a run of
 * zeros). When those weeks hold no day of a kind (a series shorter than a week), that kind takes the
 * other kind's average, so a short series projects flat; null when they hold no whole day at all.
 */
export function weeklyRhythm(
  days: readonly DayValue[],
  today: IsoDate,
): { weekday: number; weekend: number } | null {
  const from = addDays(today, -RHYTHM_WEEKS * 7)
  const byDay = new Map<IsoDate, number>()
  let earliest: IsoDate | null = null
  for (const { day, value } of days) {
    if (day < from || day >= today) continue
    byDay.set(day, (byDay.get(day) ?? 0) + value)
    if (earliest === null || day < earliest) earliest = day
  }
  const sums = { weekday: 0, weekend: 0 }
  const counts = { weekday: 0, weekend: 0 }
  if (earliest === null) return null
  for (let day = earliest; day < today; day = addDays(day, 1)) {
    const kind = isWeekend(day) ? 'weekend' : 'weekday'
    sums[kind] += byDay.get(day) ?? 0
    counts[kind] += 1
  }
  const weekday = counts.weekday > 0 ? sums.weekday / counts.weekday : null
  const weekend = counts.weekend > 0 ? sums.weekend / counts.weekend : null
  return { weekday: weekday ?? weekend!, weekend: weekend ?? weekday! }
}

/**
 * The period's total at its end, following the weekly rhythm: what is used so far (all `days`
 * inside the period, today's part included), plus the rest of today at today's kind of day (its
 * unelapsed share, up to `now`), plus every whole day left at its kind's expected value
 * ({@link weeklyRhythm}, read from the weeks before today, inside or before the period). With no
 * whole day before today (the period's first day, and no history given) it goes on at the flat pace
 * of what is used so far. On a flat series it equals the flat pace (total ÷ elapsed share). Null when
 * `now` is outside the period or at its very start, as there is nothing to project from.
 */
export function projectWeekly(
  days: readonly DayValue[],
  period: DateRange,
  now: Date,
): WeeklyProjection | null {
  const periodDays = daysBetween(period.start, period.end)
  const today = utcToday(now)
  if (periodDays <= 0 || today < period.start || today >= period.end) return null
  const elapsedDays = (now.getTime() - Date.parse(`${period.start}T00:00:00Z`)) / DAY_MS
  if (elapsedDays <= 0) return null
  let used = 0
  for (const { day, value } of days)
    if (day >= period.start && day < period.end && day <= today) used += value
  const flat = used / elapsedDays
  const rhythm = weeklyRhythm(days, today) ?? { weekday: flat, weekend: flat }
  const expected = (day: IsoDate) => (isWeekend(day) ? rhythm.weekend : rhythm.weekday)
  const todayLeft = 1 - (elapsedDays - daysBetween(period.start, today))
  let expectedRest = expected(today) * todayLeft
  for (let day = addDays(today, 1); day < period.end; day = addDays(day, 1)) expectedRest += expected(day)
  return {
    projected: used + expectedRest,
    expectedRest,
    perWeekday: rhythm.weekday,
    perWeekendDay: rhythm.weekend,
    elapsedFraction: elapsedDays / periodDays,
    elapsedDays,
    periodDays,
    method: WEEKLY_PROJECTION_METHOD,
  }
}

/**
 * The first day on which the running total, going on from `used` at `now` with the projection's
 * expected values (the rest of today, then whole days), reaches `target`; null when it does not
 * before the period's end (exclusive) or nothing is expected. `used` below `target`.
 */
export function crossingDay(
  projection: Pick<WeeklyProjection, 'perWeekday' | 'perWeekendDay' | 'elapsedDays'>,
  used: number,
  target: number,
  period: DateRange,
  now: Date,
): IsoDate | null {
  const today = utcToday(now)
  const expected = (day: IsoDate) => (isWeekend(day) ? projection.perWeekendDay : projection.perWeekday)
  const todayLeft = 1 - (projection.elapsedDays - daysBetween(period.start, today))
  let running = used + expected(today) * todayLeft
  for (let day = today; day < period.end; day = addDays(day, 1)) {
    if (day !== today) running += expected(day)
    if (running >= target) return day
  }
  return null
}
