// Totals of a chart, the change against the previous range, and the projection of the current
// subscription period (the weekly one). Pure: the page passes `now` in, so tests pin the clock.
import type { UsageMetric } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'
import { projectWeekly, type DayValue, type WeeklyProjection } from '../../../../domain/weekly-projection'
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

/**
 * A chart's total (or one part's, by its id) at the end of the current subscription period,
 * following the weekly rhythm (domain/weekly-projection.ts `projectWeekly`, the rule the credit
 * budget, the glance and the project limits use): `daily` holds the period's days (a model by day,
 * its buckets' first days read as the days). Null when `now` is outside the period or at its very
 * start, or when `daily` is not by day.
 */
export function projectToPeriodEnd(
  daily: UsageModel,
  of: { metric: UsageMetric } | { partId: string },
  period: DateRange,
  now: Date,
): WeeklyProjection | null {
  if (daily.interval !== 'day') return null
  const chart = 'metric' in of ? daily.charts.find((c) => c.metric === of.metric) : undefined
  const part = 'partId' in of ? daily.breakdown?.parts.find((p) => p.id === of.partId) : undefined
  const valueOf = (index: number) =>
    chart ? sum(chart.series.map((s) => s.values[index] ?? 0)) : (part?.values[index] ?? 0)
  const days: DayValue[] = daily.buckets.map((bucket, index) => ({
    day: bucket.start,
    value: valueOf(index),
  }))
  return projectWeekly(days, period, now)
}

/** Whether `now` falls inside the range (the current subscription period does). */
export function containsNow(range: DateRange, now: Date): boolean {
  const day: IsoDate = now.toISOString().slice(0, 10)
  return range.start <= day && day < range.end
}
