// The parts that made a bucket's change (projects, or a project's deployment versions), largest
// first: what is usual for each, the bucket's value, the change and its share (../lib/why-day.ts).
import type { ReactNode } from 'react'
import { formatCredits, formatShare } from '../lib/format'
import type { PartChange } from '../lib/why-day'

/** "+634.20", "−12.00": a change in credits, with its sign. */
export function formatSignedCredits(change: number): string {
  const text = formatCredits(Math.abs(change))
  return change > 0 ? `+${text}` : change < 0 ? `−${text}` : text
}

interface WhyChangeTableProps {
  caption: string
  /** The first column's heading: "Project", "Deployment version". */
  partLabel: string
  rows: readonly PartChange[]
  /** Something after a part's name (a control that opens its own parts); none when left out. */
  action?: (row: PartChange) => ReactNode
}

/** One row per part that changed, largest change first; credits. */
export function WhyChangeTable({ caption, partLabel, rows, action }: WhyChangeTableProps) {
  return (
    <div className="ui-table-wrap">
      <table className="ui-table usage-table why-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{partLabel}</th>
            <th scope="col" className="usage-table__number">
              Usual
            </th>
            <th scope="col" className="usage-table__number">
              This bucket
            </th>
            <th scope="col" className="usage-table__number">
              Change
            </th>
            <th scope="col" className="usage-table__number">
              Share of the change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-part-id={row.id}>
              <th scope="row">
                {row.isDeleted ? <em>{row.label}</em> : row.label}
                {action?.(row)}
              </th>
              <td className="usage-table__number">{formatCredits(row.usual)}</td>
              <td className="usage-table__number">{formatCredits(row.value)}</td>
              <td className="usage-table__number" data-value={row.change}>
                {formatSignedCredits(row.change)}
              </td>
              <td className="usage-table__number">{row.share === null ? '—' : formatShare(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
