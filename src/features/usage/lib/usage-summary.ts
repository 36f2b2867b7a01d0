// Totals of a chart, the change against the previous range, and the projection of the current
// subscription period. Pure: the page passes `now` in, so tests pin the clock.
import type { UsageMetric } from '../../../api/types'
import { daysBetween, utcToday, type IsoDate } from '../../../../domain/dates'
import { formatCount } from '../../../lib/format-number'
import type { DateRange } from '../../../../domain/usage'
import type { UsageModel } from '../model/usage-model'

const decimalsOf = (value: number) => {
  const text = String(value)
  const point = text.indexOf('.')
  return point === -1 || text.includes('e') ? 0 : text.length - point - 1
}

/**
 * The sum of API values without binary floating-point dust: 0.1 + 0.2 is 0.3 here, not
 * 0.30000000000000004, because the result is rounded to the most decimals any input has.
 */
export function sumValues(values: readonly number[]): number {
  let total = 0
  let decimals = 0
  for (const value of values) {
    total += value
    decimals = Math.max(decimals, decimalsOf(value))
  }
  const scale = 10 ** Math.min(decimals, 10)
  return Math.round(total * scale) / scale
}

const sum = sumValues

/**
 * The total of a model's chart (its metric's unit: credits or bytes), every series added; 0 when
 * the model has no such chart.
 */
export function chartTotal(model: UsageModel, metric: UsageMetric): number {
  const chart = model.charts.find((c) => c.metric === metric)
  return sum((chart?.series ?? []).map((s) => sum(s.values)))
}

export type Change =
  /** `fraction` is relative: 0.25 is 25% more than before. */
  | { kind: 'relative'; fraction: number; previous: number }
  /** Nothing before, something now: a percentage would be infinite. */
  | { kind: 'new'; previous: 0 }
  | { kind: 'none'; previous: 0 }

export function changeAgainst(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { kind: 'none', previous: 0 } : { kind: 'new', previous: 0 }
  return { kind: 'relative', fraction: (current - previous) / previous, previous }
}

export interface Projection {
  /** Total at the period's end if usage goes on at the pace so far. */
  projected: number
  /** The share of the period that has passed up to `now`, 0 < elapsed < 1. */
  elapsedFraction: number
  /** Days passed up to `now`, today's elapsed part included: 16.5 at noon of the 17th day. */
  elapsedDays: number
  periodDays: number
}

/**
 * The current period's total at its end, at the pace so far: total ÷ the elapsed share of the
 * period. The total holds today's usage so far, so the share counts the elapsed part of today too
 * (up to `now`, UTC), not today as a whole day: at noon of the 17th day, 16.5 days have passed.
 * Null when `now` is outside the period or at its very start.
 */
export function projectToPeriodEnd(total: number, period: DateRange, now: Date): Projection | null {
  const periodDays = daysBetween(period.start, period.end)
  const today = utcToday(now)
  if (periodDays <= 0 || today < period.start || today >= period.end) return null
  const elapsedDays = (now.getTime() - Date.parse(`${period.start}T00:00:00Z`)) / DAY_MS
  if (elapsedDays <= 0) return null
  const elapsedFraction = elapsedDays / periodDays
  return { projected: total / elapsedFraction, elapsedFraction, elapsedDays, periodDays }
}

const DAY_MS = 86_400_000

/** Whether `now` falls inside the range (the current subscription period does). */
export function containsNow(range: DateRange, now: Date): boolean {
  const day: IsoDate = now.toISOString().slice(0, 10)
  return range.start <= day && day < range.end
}

/** "16.5 of 31 days": how much of the period a projection rests on, to a tenth of a day. */
export function formatDaysElapsed({
  elapsedDays,
  periodDays,
}: Pick<Projection, 'elapsedDays' | 'periodDays'>): string {
  return `${formatCount(Math.floor(elapsedDays * 10) / 10, undefined, 1)} of ${formatCount(periodDays)} days`
}
