/**
 * Usage ranges and buckets (shared/API.md, "Usage query"; the limits are **local** rules).
 *
 * A range is `[start, end)` in UTC days. Day buckets step by one day; month buckets by calendar
 * months counted from the start day (Jan 31, Feb 28, Mar 31), and the last bucket is cut at `end`.
 * A `day` query spans at most 366 days, a `month` query at most 10 years.
 */
import { addDays, addMonths, calendarDateProblem, daysBetween, type IsoDate } from './dates'

export const USAGE_INTERVALS = ['day', 'month'] as const
export type UsageInterval = (typeof USAGE_INTERVALS)[number]
export const DEFAULT_USAGE_INTERVAL: UsageInterval = 'month'
export const MAX_DAY_INTERVAL_DAYS = 366
export const MAX_MONTH_INTERVAL_YEARS = 10

export function isUsageInterval(value: unknown): value is UsageInterval {
  return typeof value === 'string' && (USAGE_INTERVALS as readonly string[]).includes(value)
}

/** The five series of the first generation's answer, in the API's order, even when all are zero. */
/** The usage metrics the API defines (API.md "Usage"), in the order the dashboard shows them. */
export const USAGE_METRICS = ['credits', 'input_volume', 'output_volume'] as const
/** The object types a 2022 usage series belongs to. */
export const USAGE_OBJECT_TYPES = ['deployment_version', 'pipeline_version'] as const

export const USAGE_SERIES = [
  { object_type: 'deployment_version', metric: 'credits' },
  { object_type: 'deployment_version', metric: 'input_volume' },
  { object_type: 'deployment_version', metric: 'output_volume' },
  { object_type: 'pipeline_version', metric: 'input_volume' },
  { object_type: 'pipeline_version', metric: 'output_volume' },
] as const

/** A range of UTC days; `end` is exclusive (the first day after the range), as in the API. */
export interface DateRange {
  start: IsoDate
  end: IsoDate
}

/**
 * The boundaries of the buckets of a range: `[start, ..., end]`, one more than there are buckets.
 * The range must be valid (see {@link usageRangeProblem}).
 */
export function bucketBoundaries({ start, end }: DateRange, interval: UsageInterval): IsoDate[] {
  const boundaries = [start]
  for (let step = 1; ; step += 1) {
    const next = interval === 'day' ? addDays(start, step) : addMonths(start, step)
    if (next >= end) break
    boundaries.push(next)
  }
  boundaries.push(end)
  return boundaries
}

/** What is wrong with a range, and which end of it to fix. */
export interface RangeProblem {
  field: 'start' | 'end'
  message: string
}

/**
 * Why the API refuses this range for `interval`, or null when it is fine: a date that is not a
 * real day, an empty or backwards range, or one longer than the interval's limit.
 */
export function usageRangeProblem(range: DateRange, interval: UsageInterval): RangeProblem | null {
  const startProblem = calendarDateProblem(range.start)
  if (startProblem) return { field: 'start', message: startProblem }
  const endProblem = calendarDateProblem(range.end)
  if (endProblem) return { field: 'end', message: endProblem }
  if (range.end <= range.start) return { field: 'end', message: 'The range must end after it starts.' }
  const days = daysBetween(range.start, range.end)
  if (interval === 'day' && days > MAX_DAY_INTERVAL_DAYS)
    return {
      field: 'end',
      message: `Daily buckets cover at most ${MAX_DAY_INTERVAL_DAYS} days (this range has ${days}): choose a shorter range or monthly buckets.`,
    }
  if (interval === 'month' && range.end > addMonths(range.start, MAX_MONTH_INTERVAL_YEARS * 12))
    return {
      field: 'end',
      message: `Monthly buckets cover at most ${MAX_MONTH_INTERVAL_YEARS} years: choose a shorter range.`,
    }
  return null
}
