// What the usage page shows instead of a range it cannot draw: one that lies entirely after today,
// or one the API sent no buckets for.
import type { ReactNode } from 'react'
import type { IsoDate } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { EmptyState } from '../../../components/ui/query-state'
import { formatDay, formatSpan } from '../lib/dates'
import { hasNotStarted } from '../model/buckets'

/**
 * The state to show instead of the results, or null when there is something to draw: a range that
 * has not started (no usage can exist yet, so no chart of zeros, table or change), or no buckets.
 */
export function unshownRange(range: DateRange | null, bucketCount: number, today: IsoDate): ReactNode | null {
  if (range && hasNotStarted(range, today))
    return (
      <EmptyState title="This range has not started yet">
        {formatSpan(range.start, range.end)} begins on {formatDay(range.start)} (UTC): there is no usage to
        show yet. Pick a range that has begun above.
      </EmptyState>
    )
  if (bucketCount === 0 || !range)
    return (
      <EmptyState title="No usage data for this range">
        The API returned no buckets for it. Pick another range above.
      </EmptyState>
    )
  return null
}

/** "Dec 1 – 31, 2026 (UTC) · current subscription period · by day (31 buckets)". */
export function RangeSummary({
  range,
  rangeLabel,
  bucketWord,
  bucketCount,
}: {
  range: DateRange
  rangeLabel: string
  bucketWord: 'day' | 'month'
  bucketCount: number
}) {
  return (
    <p className="usage-range-summary">
      <strong>{formatSpan(range.start, range.end)}</strong> (UTC) · {rangeLabel.toLowerCase()} · by{' '}
      {bucketWord} ({bucketCount} {bucketCount === 1 ? 'bucket' : 'buckets'})
    </p>
  )
}
