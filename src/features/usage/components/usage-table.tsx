import type { UsageInterval } from '../../../api/types'
import { formatSpan } from '../lib/dates'
import { formatExact } from '../lib/format'
import { sumValues } from '../lib/usage-summary'
import {
  METRIC_LABELS,
  OBJECT_TYPE_LABELS,
  type Bucket,
  type Series,
  type UsageData,
} from '../lib/usage-series'

interface UsageTableProps {
  data: UsageData
  /** The series shown (those not hidden in a legend), in column order. */
  shown: Series[]
  interval: UsageInterval
  /** The previous range when comparing: its bucket and values in the same position, in columns of their own. */
  previous?: UsageData
}

export function seriesColumnLabel(s: Series): string {
  return `${METRIC_LABELS[s.metric]}${s.metric === 'credits' ? '' : ' (bytes)'}, ${OBJECT_TYPE_LABELS[s.objectType].toLowerCase()}`
}

/** The numbers behind the charts, exact (bytes, not MB), one row per bucket: also the charts' accessible alternative. */
export function UsageTable({ data, shown, interval, previous }: UsageTableProps) {
  const previousSeries = previous
    ? shown.map((s) => previous.series.find((p) => p.key === s.key)?.values ?? [])
    : []
  const captionId = 'usage-table-caption'
  const noteId = 'usage-table-note'
  return (
    <div className="stack-sm">
      <p id={noteId} className="muted usage-footnote">
        Exact values: credits as given, volumes in bytes. Dates are UTC; a row covers the days shown, both
        included.
      </p>
      <div className="ui-table-wrap usage-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="ui-table usage-table" aria-describedby={noteId}>
          <caption id={captionId} className="visually-hidden">
            Usage per {interval === 'day' ? 'day' : 'month'}
          </caption>
          <thead>
            <tr>
              <th scope="col">{interval === 'day' ? 'Day' : 'Period'}</th>
              {shown.map((s) => (
                <th key={s.key} scope="col" className="usage-table__number">
                  {seriesColumnLabel(s)}
                </th>
              ))}
              {previous && (
                <>
                  <th scope="col">Previous range: {interval === 'day' ? 'day' : 'period'}</th>
                  {shown.map((s) => (
                    <th key={s.key} scope="col" className="usage-table__number">
                      Previous range: {seriesColumnLabel(s)}
                    </th>
                  ))}
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {data.buckets.map((bucket, index) => (
              <tr key={bucket.startTimestamp}>
                <th scope="row">
                  <time dateTime={bucket.startTimestamp}>{formatSpan(bucket.start, bucket.end)}</time>
                </th>
                {shown.map((s) => (
                  <td key={s.key} className="usage-table__number">
                    {formatExact(s.values[index] ?? 0)}
                  </td>
                ))}
                {previous && (
                  <PreviousCells bucket={previous.buckets[index]} values={previousSeries} index={index} />
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {shown.map((s) => (
                <td key={s.key} className="usage-table__number">
                  {formatExact(sumValues(s.values))}
                </td>
              ))}
              {previous && (
                <>
                  <td />
                  {previousSeries.map((values, index) => (
                    <td key={index} className="usage-table__number">
                      {formatExact(sumValues(values.slice(0, data.buckets.length)))}
                    </td>
                  ))}
                </>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}

/**
 * The previous range's bucket in the same position as the row's, and its values; empty cells
 * where the previous range is shorter than the shown one.
 */
export function PreviousCells({
  bucket,
  values,
  index,
}: {
  bucket: Bucket | undefined
  values: readonly (readonly number[])[]
  index: number
}) {
  return (
    <>
      <td>
        {bucket && <time dateTime={bucket.startTimestamp}>{formatSpan(bucket.start, bucket.end)}</time>}
      </td>
      {values.map((series, column) => (
        <td key={column} className="usage-table__number">
          {bucket ? formatExact(series[index] ?? 0) : '—'}
        </td>
      ))}
    </>
  )
}
