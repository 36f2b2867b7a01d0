import type { UsageInterval } from '../../../api/types'
import { formatSpan } from '../lib/dates'
import { formatChange, formatCredits, formatExact } from '../lib/format'
import { bucketTotals, type CreditsData, type CreditsSeries, type ProjectRow } from '../lib/project-credits'
import { sumValues } from '../lib/usage-summary'
import type { Bucket } from '../lib/usage-series'
import { PreviousCells } from './usage-table'

const shareFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 })

/**
 * One row per project (and the deleted projects): credits in the range, share of the
 * organization's credits, change against the previous range, projection to the period's end.
 */
export function ProjectTable({ rows, hasProjection }: { rows: ProjectRow[]; hasProjection: boolean }) {
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="project-table-caption" tabIndex={0}>
      <table className="ui-table usage-table">
        <caption id="project-table-caption" className="visually-hidden">
          Credits per project, most first
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col" className="usage-table__number">
              Credits
            </th>
            <th scope="col" className="usage-table__number">
              Share
            </th>
            <th scope="col" className="usage-table__number">
              Change vs previous range
            </th>
            {hasProjection && (
              <th scope="col" className="usage-table__number">
                Projected for the period
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-project-id={row.id}>
              <th scope="row">{row.isDeleted ? <em>{row.label}</em> : row.label}</th>
              <td className="usage-table__number" data-value={row.credits}>
                {formatExact(row.credits)}
              </td>
              <td className="usage-table__number">
                {row.share === null ? '—' : shareFormat.format(row.share)}
              </td>
              <td className="usage-table__number">
                <ChangeCell change={row.change} />
              </td>
              {hasProjection && (
                <td className="usage-table__number">
                  {row.projected === null ? '—' : formatCredits(row.projected)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ChangeCell({ change }: { change: ProjectRow['change'] }) {
  if (!change) return <span className="muted">…</span>
  if (change.kind === 'none') return <span className="muted">none either</span>
  if (change.kind === 'new') return <span>new</span>
  const direction = change.fraction > 0 ? 'up' : change.fraction < 0 ? 'down' : 'flat'
  return <span className={`usage-change usage-change--${direction}`}>{formatChange(change.fraction)}</span>
}

/** The numbers behind the chart, exact, one row per bucket and a column per series shown: also the chart's accessible alternative. */
export function CreditsBucketTable({
  data,
  series,
  interval,
  previous,
}: {
  data: CreditsData
  series: CreditsSeries[]
  interval: UsageInterval
  /** When comparing: the previous range's buckets and credits (of what is shown), by position. */
  previous?: { buckets: Bucket[]; totals: number[] }
}) {
  const totals = bucketTotals(data, series)
  return (
    <div
      className="ui-table-wrap usage-table-wrap"
      role="region"
      aria-labelledby="credits-table-caption"
      tabIndex={0}
    >
      <table className="ui-table usage-table">
        <caption id="credits-table-caption" className="visually-hidden">
          Credits per {interval === 'day' ? 'day' : 'month'}
        </caption>
        <thead>
          <tr>
            <th scope="col">{interval === 'day' ? 'Day' : 'Period'}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="usage-table__number">
                {s.label}
              </th>
            ))}
            {series.length > 1 && (
              <th scope="col" className="usage-table__number">
                Total
              </th>
            )}
            {previous && (
              <>
                <th scope="col">Previous range: {interval === 'day' ? 'day' : 'period'}</th>
                <th scope="col" className="usage-table__number">
                  Previous range: credits
                </th>
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
              {series.map((s) => (
                <td key={s.key} className="usage-table__number">
                  {formatExact(s.values[index] ?? 0)}
                </td>
              ))}
              {series.length > 1 && (
                <td className="usage-table__number">{formatExact(totals[index] ?? 0)}</td>
              )}
              {previous && (
                <PreviousCells bucket={previous.buckets[index]} values={[previous.totals]} index={index} />
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {series.map((s) => (
              <td key={s.key} className="usage-table__number">
                {formatExact(s.total)}
              </td>
            ))}
            {series.length > 1 && <td className="usage-table__number">{formatExact(sumValues(totals))}</td>}
            {previous && (
              <>
                <td />
                <td className="usage-table__number">
                  {formatExact(sumValues(previous.totals.slice(0, data.buckets.length)))}
                </td>
              </>
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
