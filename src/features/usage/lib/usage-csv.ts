// The CSV export: exactly the buckets and series on screen, with the API's bucket boundaries and
// exact values (volumes in bytes), so a spreadsheet sum matches the API to the last byte.
import type { UsageInterval } from '../../../api/types'
import { addDays } from '../../../../domain/dates'
import type { SeriesKey, UsageData } from './usage-series'

/** Column name of a series: `deployment_version.input_volume_bytes`, `deployment_version.credits`. */
export function csvColumn(series: { metric: string; objectType: string }): string {
  return `${series.objectType}.${series.metric}${series.metric === 'credits' ? '' : '_bytes'}`
}

/** The series shown: those not hidden in a chart legend. */
export function toCsv(data: UsageData, hidden: ReadonlySet<SeriesKey>): string {
  const shown = data.series.filter((s) => !hidden.has(s.key))
  const header = ['start_date', 'end_date', ...shown.map(csvColumn)]
  const rows = data.buckets.map((bucket, index) => [
    bucket.startTimestamp,
    bucket.endTimestamp,
    ...shown.map((s) => String(s.values[index] ?? 0)),
  ])
  // CRLF, as RFC 4180 asks; no field needs quoting (timestamps, numbers and fixed names).
  return [header, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n'
}

/** usage-acme-2026-11-01-to-2026-11-30-daily.csv: the last day is included, as people read dates. */
export function csvFileName(organization: string, data: UsageData, interval: UsageInterval): string {
  const range = data.range
  const span = range ? `${range.start}-to-${addDays(range.end, -1)}` : 'empty'
  return `usage-${organization}-${span}-${interval === 'day' ? 'daily' : 'monthly'}.csv`
}
