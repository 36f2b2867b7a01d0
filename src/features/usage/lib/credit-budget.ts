// A credit budget for the subscription period (Vercel's spend management is the model): how much
// of it is used, where the weekly rhythm of the recent weeks takes it (domain/weekly-projection.ts),
// and the day it is (or is expected to be) crossed.
// Pure: the caller passes `now`, so tests pin the clock. Days are UTC calendar days (./dates).
import type { UsageAnswer } from '../../../api/model'
import { dayOfTimestamp, daysBetween, utcToday, type IsoDate } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import {
  crossingDay as expectedCrossing,
  projectWeekly,
  type WeeklyProjection,
} from '../../../../domain/weekly-projection'
import { sumValues } from './usage-summary'

/** Credits per UTC day of one range, in order, and the range they cover (end exclusive). */
export interface DailyCredits {
  days: Array<{ day: IsoDate; credits: number }>
  range: DateRange | null
}

/**
 * The organization's credits per day from a usage answer of either generation asked by day:
 * 2022, the `credits` series of every object type added up; current, `data_organization`
 * (the projects' and the deleted projects' credits together). Range: first bucket's start to last
 * bucket's end; null for an answer with no buckets.
 */
export function dailyCredits(answer: UsageAnswer): DailyCredits {
  const byDay = new Map<IsoDate, number[]>()
  const points =
    answer.generation === 'current'
      ? answer.organization
      : answer.series.filter((s) => s.metric === 'credits').flatMap((s) => s.usage)
  let end: IsoDate | null = null
  for (const point of points) {
    const day = dayOfTimestamp(point.start_date)
    byDay.set(day, [...(byDay.get(day) ?? []), point.value])
    const pointEnd = dayOfTimestamp(point.end_date)
    if (end === null || pointEnd > end) end = pointEnd
  }
  const days = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, values]) => ({ day, credits: sumValues(values) }))
  return { days, range: days.length && end ? { start: days[0]!.day, end } : null }
}

/** The current subscription period's credits so far, as the list, the overview and the budget read them. */
export interface PeriodCredits extends DailyCredits {
  /** credits used so far in the range */
  used: number
  /** the range's total at its end, following the weekly rhythm (projectWeekly); null when today is outside it */
  projection: WeeklyProjection | null
  /** days from today to the range's end, today included (1 on its last day); null outside it */
  daysLeft: number | null
}

/**
 * Totals of per-day credits at `now`: what is used, the projection to the range's end and the
 * days left. The one place the list's cells and the budget's status get these numbers from.
 */
export function creditsSoFar({ days, range }: DailyCredits, now: Date): PeriodCredits {
  const used = sumValues(days.map((d) => d.credits))
  const projection = range
    ? projectWeekly(
        days.map(({ day, credits }) => ({ day, value: credits })),
        range,
        now,
      )
    : null
  const daysLeft = range && projection ? daysBetween(utcToday(now), range.end) : null
  return { days, range, used, projection, daysLeft }
}

/**
 * The current period's credits from a usage answer of either generation asked by day without
 * dates (the API then answers the current subscription period): dailyCredits, then creditsSoFar.
 */
export function periodCredits(answer: UsageAnswer, now: Date): PeriodCredits {
  return creditsSoFar(dailyCredits(answer), now)
}

/** Share levels that warn, as Vercel's spend management does: 75% used, then 100%. */
export const BUDGET_WARNING_SHARES = [0.75, 1] as const

export type BudgetLevel =
  /** under 75% and the pace stays under the budget */
  | 'ok'
  /** under 75%, but the pace so far passes the budget before the period ends */
  | 'projected'
  /** 75% or more used, not yet 100% */
  | 'warning'
  /** the budget is used up */
  | 'exceeded'

export interface BudgetStatus {
  level: BudgetLevel
  budget: number
  used: number
  /** used ÷ budget (1 = all of it) */
  usedShare: number
  /** the period's total at the pace so far; null outside the period */
  projected: number | null
  /**
   * `exceeded`: the day the running total reached the budget. Otherwise the day the pace so far
   * reaches it, if that is inside the period; else null.
   */
  crossingDay: IsoDate | null
}

/**
 * The budget's status in the current period. `days` are the period's credits per day so far
 * (dailyCredits), `period` the subscription period (end exclusive), `budget` in credits (> 0).
 * The projection follows the weekly rhythm of the recent weeks (domain/weekly-projection.ts,
 * projectWeekly); the expected crossing is the first day on which the running total, going on with
 * that rhythm's weekdays and weekend days, reaches the budget (crossingDay). No usage means no crossing.
 */
export function budgetStatus(
  days: DailyCredits['days'],
  period: DateRange,
  budget: number,
  now: Date,
): BudgetStatus {
  const { used, projection } = creditsSoFar({ days, range: period }, now)
  const usedShare = budget > 0 ? used / budget : 0
  const projected = projection?.projected ?? null
  if (used >= budget) {
    let running = 0
    let crossingDay: IsoDate | null = null
    for (const { day, credits } of days) {
      running += credits
      if (running >= budget) {
        crossingDay = day
        break
      }
    }
    return { level: 'exceeded', budget, used, usedShare, projected, crossingDay }
  }
  let crossingDay: IsoDate | null = null
  if (projection && used > 0) crossingDay = expectedCrossing(projection, used, budget, period, now)
  const level: BudgetLevel =
    usedShare >= BUDGET_WARNING_SHARES[0]
      ? 'warning'
      : projected !== null && projected > budget
        ? 'projected'
        : 'ok'
  return { level, budget, used, usedShare, projected, crossingDay }
}

/** The per-day pace that spends exactly the budget over the period: the chart's reference line. */
export function budgetPerDay(budget: number, period: DateRange): number {
  const days = daysBetween(period.start, period.end)
  return days > 0 ? budget / days : budget
}
