// The per-part table of a level whose series are parts of a whole (credits per project): each
// part's total, its share of the whole, the change against the range before, the projection.
import { useMemo } from 'react'
import { Link } from 'react-router'
import { formatCredits, formatExactValue, formatShare } from '../lib/format'
import { partRows } from '../lib/part-rows'
import { ChangeText } from './change-text'
import type { ShownTotals } from './usage-totals'

interface PartTableProps {
  totals: ShownTotals
  /** The heading of the parts' column: "Project". */
  partLabel: string
  /** The table's name, e.g. "Credits per project". */
  caption: string
  /** The address a live part's row opens (its own usage: the level it drills into); none without one. */
  partHref?: (part: string) => string
}

/** One row per part, most first; the deleted parts' label in italics. Values are credits. */
export function PartTable({ totals, partLabel, caption, partHref }: PartTableProps) {
  const { model, totalsBefore, soFar, comparison, period, daily, now } = totals
  const rows = useMemo(
    () =>
      partRows(model, {
        previous: totalsBefore,
        soFar: comparison?.isPartial ? (soFar ?? null) : model,
        period,
        daily,
        now,
      }),
    [model, totalsBefore, soFar, comparison, period, daily, now],
  )
  const hasProjection = period !== null
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="part-table-caption" tabIndex={0}>
      <table className="ui-table usage-table">
        <caption id="part-table-caption" className="visually-hidden">
          {caption}, most first
        </caption>
        <thead>
          <tr>
            <th scope="col">{partLabel}</th>
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
            <tr key={row.id} data-part-id={row.id}>
              <th scope="row">
                {row.isDeleted ? (
                  <em>{row.label}</em>
                ) : partHref ? (
                  <Link to={partHref(row.label)}>{row.label}</Link>
                ) : (
                  row.label
                )}
              </th>
              <td className="usage-table__number" data-value={row.total}>
                {formatExactValue('credits', row.total)}
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
