// The CSV export of every usage level: exactly the buckets and series on screen, with the API's
// bucket boundaries and exact values (volumes in bytes), so a spreadsheet sum matches the API to
// the last byte; when comparing, the previous range beside them, as in the tables.
import type { UsageInterval } from '../../../api/types'
import { csvText } from '../../../lib/csv'
import { addDays } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import type { Bucket } from '../model/buckets'
import type { UsageLevel } from '../model/levels'
import { seriesOfModel, type UsageModel } from '../model/usage-model'
import { previousBucket } from './compare'
import { sumValues } from './usage-summary'

/** One column: a name and its value per bucket. */
interface Column {
  name: string
  values: readonly number[]
}

/** The previous range's buckets and columns, as they go into a CSV beside the shown range's. */
interface PreviousRange {
  buckets: Bucket[]
  range: DateRange | null
  columns: readonly Column[]
}

/**
 * The previous range's columns (compare=previous: the range before, as drawn behind the charts):
 * the heading, then per shown bucket, the previous bucket in the same position (its boundaries,
 * then each column's value). Each column is headed with its name and the previous range's days; a
 * row with no previous bucket in its position has those fields empty, and previous buckets beyond
 * the shown ones are left out (as in the tables; ./compare.ts `previousBucket`).
 */
function previousColumns(
  { buckets, range, columns }: PreviousRange,
  rows: number,
): { header: string[]; rows: string[][] } {
  const days = range ? ` (${range.start} to ${addDays(range.end, -1)})` : ''
  return {
    header: ['previous_start_date', 'previous_end_date', ...columns.map((c) => `${c.name}${days}`)],
    rows: Array.from({ length: rows }, (_, index) => {
      const bucket = previousBucket({ buckets }, index)
      if (!bucket) return ['', '', ...columns.map(() => '')]
      return [bucket.startTimestamp, bucket.endTimestamp, ...columns.map((c) => String(c.values[index] ?? 0))]
    }),
  }
}

/** The shown buckets' rows, with the previous range's columns after them when there is one. */
function bucketCsv(buckets: readonly Bucket[], columns: readonly Column[], previous?: PreviousRange): string {
  const before = previous && previousColumns(previous, buckets.length)
  const header = ['start_date', 'end_date', ...columns.map((c) => c.name), ...(before?.header ?? [])]
  const rows = buckets.map((bucket, index) => [
    bucket.startTimestamp,
    bucket.endTimestamp,
    ...columns.map((c) => String(c.values[index] ?? 0)),
    ...(before?.rows[index] ?? []),
  ])
  return csvText([header, ...rows], { finalNewline: true })
}

/**
 * The CSV of a level's model: the series shown (`hidden` keys left out), each named by its
 * `column`, then with `previous` (compare=previous: the range before, as the model of the same
 * level and filter) the previous range beside them, by position: each shown series's own column,
 * or one column of the credits of what is shown, as the level says (`previous`).
 */
export function usageCsv(
  level: Pick<UsageLevel, 'previous'>,
  model: UsageModel,
  hidden: ReadonlySet<string> = new Set(),
  previous?: UsageModel,
): string {
  const shown = seriesOfModel(model).filter((s) => !hidden.has(s.key))
  const columns = shown.map((s) => ({ name: s.column, values: s.values }))
  if (!previous) return bucketCsv(model.buckets, columns)
  const previousSeries = seriesOfModel(previous)
  const previousColumnsOfLevel =
    level.previous === 'per-series'
      ? shown.map((s) => ({
          name: s.column,
          values: previousSeries.find((p) => p.key === s.key)?.values ?? [],
        }))
      : [
          {
            name: 'credits',
            values: previous.buckets.map((_, index) =>
              sumValues(previousSeries.map((p) => p.values[index] ?? 0)),
            ),
          },
        ]
  return bucketCsv(model.buckets, columns, { ...previous, columns: previousColumnsOfLevel })
}

/**
 * usage-acme-2026-11-01-to-2026-11-30-daily.csv (`credits-…` for the current generation's): the
 * last day is included, as people read dates; `-with-previous` when it holds the previous range too.
 */
export function csvFileName(
  what: 'usage' | 'credits',
  organization: string,
  range: DateRange | null,
  interval: UsageInterval,
  hasPrevious = false,
): string {
  const span = range ? `${range.start}-to-${addDays(range.end, -1)}` : 'empty'
  return `${what}-${organization}-${span}-${interval === 'day' ? 'daily' : 'monthly'}${hasPrevious ? '-with-previous' : ''}.csv`
}
