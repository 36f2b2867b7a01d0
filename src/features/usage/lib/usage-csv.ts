// The CSV export of both generations: exactly the buckets and series on screen, with the API's
// bucket boundaries and exact values (volumes in bytes), so a spreadsheet sum matches the API to
// the last byte; when comparing, the previous range beside them, as in the tables.
import Papa from 'papaparse'
import type { UsageInterval } from '../../../api/types'
import { addDays } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { previousBucket } from './compare'
import { bucketTotals, type CreditsData, type CreditsSeries } from './project-credits'
import type { Bucket, SeriesKey, UsageData } from './usage-series'

/** Column name of a series: `deployment_version.input_volume_bytes`, `deployment_version.credits`. */
export function csvColumn(series: { metric: string; objectType: string }): string {
  return `${series.objectType}.${series.metric}${series.metric === 'credits' ? '' : '_bytes'}`
}

/**
 * The file's text: quoting by papaparse's `unparse`, as the members' CSV (RFC 4180), with CRLF line
 * ends and one after the last row. This module loads with the first download, so papaparse does too.
 */
const csvText = (rows: string[][]) => Papa.unparse(rows, { newline: '\r\n' }) + '\r\n'

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
  return csvText([header, ...rows])
}

/**
 * The first generation's CSV: the series shown (those not hidden in a chart legend), named by
 * {@link csvColumn}. With `previous` (compare=previous), the same series of the previous range
 * beside them, by position.
 */
export function toCsv(data: UsageData, hidden: ReadonlySet<SeriesKey>, previous?: UsageData): string {
  const shown = data.series.filter((s) => !hidden.has(s.key))
  const columns = shown.map((s) => ({ name: csvColumn(s), values: s.values }))
  return bucketCsv(
    data.buckets,
    columns,
    previous && {
      ...previous,
      columns: shown.map((s) => ({
        name: csvColumn(s),
        values: previous.series.find((p) => p.key === s.key)?.values ?? [],
      })),
    },
  )
}

/**
 * The current generation's CSV, as the bucket table: the credits of each series shown (named as
 * on the page), exact. With `previous` (compare=previous), one column of the previous range's
 * credits of what is shown (`series`: its own top projects under the same filter), by position.
 */
export function creditsCsv(
  data: CreditsData,
  series: readonly CreditsSeries[],
  previous?: { data: CreditsData; series: readonly CreditsSeries[] },
): string {
  return bucketCsv(
    data.buckets,
    series.map((s) => ({ name: s.label, values: s.values })),
    previous && {
      ...previous.data,
      columns: [{ name: 'credits', values: bucketTotals(previous.data, previous.series) }],
    },
  )
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
