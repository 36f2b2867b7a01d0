// The numbers behind a usage chart, one row per bucket, for every generation and level: the usage
// page's table (per metric and object type, or credits per project) and the report's per-day table.
import type { UsageInterval } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'
import { unusualRule } from '../../../../domain/unusual-days'
import { formatSpan } from '../lib/dates'
import type { Bucket } from '../model/buckets'
import { bucketsBegunBy, isPartialBucket } from '../model/buckets'
import { sumValues } from '../lib/usage-summary'

/** One column of numbers: its heading, a value per bucket, and how a value is written. */
export interface BucketColumn {
  key: string
  label: string
  values: readonly number[]
  format: (value: number) => string
}

/** The range before, when comparing: its buckets by position and a column of its own per column. */
export interface PreviousColumns {
  buckets: readonly Bucket[]
  columns: readonly BucketColumn[]
  /**
   * The footer's totals of the range before: the same days, and so the same numbers, as the change
   * in the totals above the table (its query), one per column; undefined while they load.
   */
  totals: readonly number[] | undefined
  /** Those days, as the totals' note names them: "Nov 1 – 16, 2026". */
  totalsSpan: string | undefined
}

export interface BucketTableProps {
  id: string
  caption: string
  interval: UsageInterval
  buckets: readonly Bucket[]
  columns: readonly BucketColumn[]
  previous?: PreviousColumns
  /**
   * Today (UTC): buckets that start after it are left out (a running period's days still to come
   * hold no usage, not a usage of 0), and the bucket holding it is marked as not over.
   */
  today: IsoDate
  /** Buckets far from usual (their first days): said in their row. */
  marks?: ReadonlySet<IsoDate>
  /** Opens a bucket's "why this day" panel from a button in its row; `opener` gets focus back. */
  onChoose?: (day: IsoDate, opener: HTMLElement) => void
  /** The bucket whose panel is open. */
  chosen?: IsoDate | null
}

/**
 * The buckets that have begun by `today`, one row each, with exact values and their totals; the
 * bucket of today says it is so far. Also the charts' accessible alternative.
 */
export function BucketTable({
  id,
  caption,
  interval,
  buckets,
  columns,
  previous,
  today,
  marks,
  onChoose,
  chosen,
}: BucketTableProps) {
  const rows = bucketsBegunBy(buckets, today)
  const partial = rows.find((bucket) => isPartialBucket(bucket, today))
  const noteId = `${id}-note`
  const bucketWord = interval === 'day' ? 'day' : 'period'
  return (
    <div className="stack-sm">
      <p id={noteId} className="muted usage-footnote">
        Exact values: credits as given, volumes in bytes. Dates are UTC; a row covers the days shown, both
        included.
        {partial && ' The row marked “so far” holds today, which is not over: its usage is still coming in.'}
        {rows.length < buckets.length && ' Days still to come are left out.'}
        {previous?.totalsSpan &&
          ` The previous range’s total covers ${previous.totalsSpan}: the same days as the change above the table.`}
        {marks && marks.size > 0 && ` Rows marked “far from usual” are ${unusualRule(interval)}.`}
      </p>
      <div
        className="ui-table-wrap usage-table-wrap"
        role="region"
        aria-labelledby={`${id}-caption`}
        tabIndex={0}
      >
        <table className="ui-table usage-table" aria-describedby={noteId}>
          <caption id={`${id}-caption`} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{interval === 'day' ? 'Day' : 'Period'}</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="usage-table__number">
                  {column.label}
                </th>
              ))}
              {onChoose && (
                <th scope="col">
                  <span className="visually-hidden">Why this {interval === 'day' ? 'day' : 'month'}</span>
                </th>
              )}
              {previous && (
                <>
                  <th scope="col">Previous range: {bucketWord}</th>
                  {previous.columns.map((column) => (
                    <th key={column.key} scope="col" className="usage-table__number">
                      Previous range: {column.label}
                    </th>
                  ))}
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((bucket, index) => {
              const isPartial = bucket === partial
              const before = previous?.buckets[index]
              return (
                <tr
                  key={bucket.startTimestamp}
                  className={isPartial ? 'usage-table__partial' : undefined}
                  data-partial={isPartial || undefined}
                >
                  <th scope="row">
                    <time dateTime={bucket.startTimestamp}>{formatSpan(bucket.start, bucket.end)}</time>
                    {isPartial && <span className="usage-table__so-far"> (so far)</span>}
                    {marks?.has(bucket.start) && <span className="usage-table__mark"> far from usual</span>}
                  </th>
                  {columns.map((column) => (
                    <td key={column.key} className="usage-table__number">
                      {column.format(column.values[index] ?? 0)}
                    </td>
                  ))}
                  {onChoose && (
                    <td>
                      <button
                        type="button"
                        className="usage-link-button"
                        aria-label={`Why this ${interval === 'day' ? 'day' : 'month'}: ${formatSpan(bucket.start, bucket.end)}`}
                        aria-pressed={bucket.start === chosen}
                        onClick={(event) => onChoose(bucket.start, event.currentTarget)}
                      >
                        Why?
                      </button>
                    </td>
                  )}
                  {previous && (
                    <>
                      <td>
                        {before && (
                          <time dateTime={before.startTimestamp}>{formatSpan(before.start, before.end)}</time>
                        )}
                      </td>
                      {previous.columns.map((column) => (
                        <td key={column.key} className="usage-table__number">
                          {before ? column.format(column.values[index] ?? 0) : '—'}
                        </td>
                      ))}
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total{partial ? ' so far' : ''}</th>
              {columns.map((column) => (
                <td key={column.key} className="usage-table__number">
                  {column.format(sumValues(column.values))}
                </td>
              ))}
              {onChoose && <td />}
              {previous && (
                <>
                  <td data-testid="previous-total-span">{previous.totalsSpan}</td>
                  {previous.columns.map((column, index) => {
                    const total = previous.totals?.[index]
                    return (
                      <td key={column.key} className="usage-table__number">
                        {total === undefined ? '…' : column.format(total)}
                      </td>
                    )
                  })}
                </>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}
