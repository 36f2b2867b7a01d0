// The rows every usage chart draws, for every level: one per bucket, a value per series key, and
// when comparing the range before in the same position (day 1 with day 1, month 1 with month 1).
// Pure: the chart only renders what these return.
import type { IsoDate } from '../../../../domain/dates'
import { isPartialBucket, type Bucket } from '../model/buckets'
import type { UsageModel, UsageModelChart, UsageModelSeries } from '../model/usage-model'
import { sumValues } from './usage-summary'

/** The key of the range before's one value when it is drawn as the total of what is shown. */
export const PREVIOUS_TOTAL_KEY = 'total'

/** How a level draws, tabulates and exports the range before: each series's own, or their total. */
export type PreviousShape = 'per-series' | 'total'

export interface UsageChartRow {
  start: IsoDate
  end: IsoDate
  /** The bucket starts after today: it holds no usage yet, so it has no values (the line stops at today). */
  isFuture?: true
  /** The bucket holds today, which is not over. */
  isPartial?: true
  /** By series key; absent in a future bucket. */
  values: Record<string, number>
  /** The range before's bucket in the same position, when comparing and it has one. */
  previous?: { start: IsoDate; end: IsoDate; values: Record<string, number> }
}

/** A value per series of each bucket, none for buckets after `today`. */
export function usageChartRows(
  buckets: readonly Bucket[],
  series: readonly UsageModelSeries[],
  today?: IsoDate,
): UsageChartRow[] {
  return buckets.map((bucket, index) => {
    const row: UsageChartRow = { start: bucket.start, end: bucket.end, values: {} }
    if (today !== undefined && bucket.start > today) return { ...row, isFuture: true }
    if (today !== undefined && isPartialBucket(bucket, today)) row.isPartial = true
    for (const s of series) row.values[s.key] = s.values[index] ?? 0
    return row
  })
}

/** The values of one bucket of the range before: per series key, or their total under `PREVIOUS_TOTAL_KEY`. */
export function previousValues(
  series: readonly UsageModelSeries[],
  index: number,
  shape: PreviousShape,
): Record<string, number> {
  if (shape === 'total') return { [PREVIOUS_TOTAL_KEY]: sumValues(series.map((s) => s.values[index] ?? 0)) }
  return Object.fromEntries(series.map((s) => [s.key, s.values[index] ?? 0]))
}

/**
 * A chart's rows with the range before's chart of the same metric beside them, by position. A
 * shown bucket with no previous one in its position (the range before is shorter: 30 days before
 * a 31-day period) gets none; previous buckets beyond the shown ones are left out.
 */
export function withPreviousRows(
  rows: readonly UsageChartRow[],
  previous: UsageModel,
  metric: UsageModelChart['metric'],
  shape: PreviousShape,
): UsageChartRow[] {
  const series = previous.charts.find((chart) => chart.metric === metric)?.series ?? []
  return rows.map((row, index) => {
    const bucket = previous.buckets[index]
    if (!bucket) return row
    return {
      ...row,
      previous: { start: bucket.start, end: bucket.end, values: previousValues(series, index, shape) },
    }
  })
}
