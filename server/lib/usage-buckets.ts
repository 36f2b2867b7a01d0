// The usage answer of the first generation: the query's range and the sums of the daily rollups
// per bucket. The rules themselves (intervals, bucket boundaries, range limits, the subscription
// period) are in domain/, shared with the dashboard.
import { dayStart, isIsoDate, toEpochDay } from '../../domain/dates'
import { currentPeriod } from '../../domain/subscriptions'
import {
  bucketBoundaries,
  DEFAULT_USAGE_INTERVAL,
  isUsageInterval,
  usageRangeProblem,
  USAGE_SERIES,
  type UsageInterval,
} from '../../domain/usage'

export interface UsageRange {
  /** First day, included. */
  start: string
  /** Day after the last one: excluded. */
  end: string
  interval: UsageInterval
}

export interface DailyUsage {
  day: string
  object_type: string
  metric: string
  value: number
}

export interface UsageSeries {
  object_type: string
  metric: string
  usage: { start_date: string; end_date: string; value: number }[]
}

/** Sums the daily rollups into every bucket of every series, zero where nothing was used. */
export function aggregateUsage(rows: DailyUsage[], range: UsageRange): UsageSeries[] {
  const boundaries = bucketBoundaries(range, range.interval)
  const bucketCount = boundaries.length - 1
  const firstDay = toEpochDay(range.start)
  // Bucket index of each day of the range: a direct lookup, so a row costs O(1).
  const bucketOfDay = new Int32Array(toEpochDay(range.end) - firstDay)
  for (let bucket = 0; bucket < bucketCount; bucket += 1) {
    const from = toEpochDay(boundaries[bucket]!) - firstDay
    const to = toEpochDay(boundaries[bucket + 1]!) - firstDay
    bucketOfDay.fill(bucket, from, to)
  }
  const totals = new Map<string, Float64Array>()
  for (const series of USAGE_SERIES)
    totals.set(`${series.object_type}/${series.metric}`, new Float64Array(bucketCount))
  for (const row of rows) {
    const values = totals.get(`${row.object_type}/${row.metric}`)
    const offset = toEpochDay(row.day) - firstDay
    if (!values || offset < 0 || offset >= bucketOfDay.length) continue
    values[bucketOfDay[offset]!]! += row.value
  }
  return USAGE_SERIES.map((series) => {
    const values = totals.get(`${series.object_type}/${series.metric}`)!
    return {
      object_type: series.object_type,
      metric: series.metric,
      usage: Array.from(values, (value, bucket) => ({
        start_date: dayStart(boundaries[bucket]!),
        end_date: dayStart(boundaries[bucket + 1]!),
        // Volumes are whole bytes; credits keep two decimals at most.
        value: Math.round(value * 100) / 100,
      })),
    }
  })
}

export interface UsageQuery {
  start_date?: unknown
  end_date?: unknown
  interval?: unknown
}

/** The range a usage query asks for, or the problems with it (each naming its parameter). */
export function parseUsageQuery(
  query: UsageQuery,
  subscriptionStart: string,
  today: string,
): { range: UsageRange; problems?: undefined } | { range?: undefined; problems: string[] } {
  const problems: string[] = []
  const interval = query.interval ?? DEFAULT_USAGE_INTERVAL
  if (!isUsageInterval(interval))
    problems.push(`interval: use "day" or "month" (got ${JSON.stringify(interval)}).`)
  for (const key of ['start_date', 'end_date'] as const) {
    const value = query[key]
    if (value !== undefined && !isIsoDate(value))
      problems.push(`${key}: Use a real date written YYYY-MM-DD (got ${JSON.stringify(value)}).`)
  }
  const hasStart = query.start_date !== undefined
  const hasEnd = query.end_date !== undefined
  if (hasStart !== hasEnd)
    problems.push(
      `${hasStart ? 'end_date' : 'start_date'}: give start_date and end_date together, or neither for the current subscription period.`,
    )
  if (problems.length > 0 || !isUsageInterval(interval)) return { problems }

  const range: UsageRange =
    hasStart && hasEnd
      ? { start: query.start_date as string, end: query.end_date as string, interval }
      : { ...currentPeriod(subscriptionStart, today), interval }
  const problem = usageRangeProblem(range, interval)
  if (problem)
    return { problems: [`${problem.field === 'start' ? 'start_date' : 'end_date'}: ${problem.message}`] }
  return { range }
}
