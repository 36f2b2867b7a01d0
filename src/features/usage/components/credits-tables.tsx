import type { UsageInterval } from '../../../api/types'
import { formatCredits, formatExactValue, formatShare } from '../lib/format'
import { ChangeText } from './change-text'
import { bucketTotals, type CreditsData, type CreditsSeries, type ProjectRow } from '../lib/project-credits'
import type { Bucket } from '../lib/usage-series'
import { BucketTable, type BucketColumn } from './bucket-table'
import type { IsoDate } from '../../../../domain/dates'

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
                {formatExactValue('credits', row.credits)}
              </td>
              <td className="usage-table__number">{row.share === null ? '—' : formatShare(row.share)}</td>
              <td className="usage-table__number">
                <ChangeText current={row.compared ?? 0} previous={row.previous} what="credits" />
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

/** The numbers behind the chart, exact, one row per bucket begun, a column per series shown and their total. */
export function CreditsBucketTable({
  data,
  series,
  interval,
  today,
  previous,
}: {
  data: CreditsData
  series: CreditsSeries[]
  interval: UsageInterval
  today: IsoDate
  /**
   * When comparing: the previous range's buckets and credits (of what is shown), by position, and
   * its total over the same days as the totals' change (undefined while it loads).
   */
  previous?: { buckets: Bucket[]; totals: number[]; total: number | undefined; span: string | undefined }
}) {
  const format = (value: number) => formatExactValue('credits', value)
  const columns: BucketColumn[] = series.map((s) => ({
    key: s.key,
    label: s.label,
    values: s.values,
    format,
  }))
  if (series.length > 1)
    columns.push({ key: 'total', label: 'Total', values: bucketTotals(data, series), format })
  return (
    <BucketTable
      id="credits-table"
      caption={`Credits per ${interval === 'day' ? 'day' : 'month'}`}
      interval={interval}
      buckets={data.buckets}
      columns={columns}
      today={today}
      previous={
        previous && {
          buckets: previous.buckets,
          columns: [{ key: 'previous', label: 'credits', values: previous.totals, format }],
          totals: previous.total === undefined ? undefined : [previous.total],
          totalsSpan: previous.span,
        }
      }
    />
  )
}
