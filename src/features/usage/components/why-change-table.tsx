// The parts that made a bucket's change (projects, or a project's deployment versions), largest
// first: what is usual for each, the bucket's value, the change and its share (../lib/why-day.ts).
import { useState, type ReactNode } from 'react'
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
  /** The parts, as "Show all" names them: "projects", "deployment versions". */
  partsWord: string
  rows: readonly PartChange[]
  /** Something after a part's name (a control that opens its own parts); none when left out. */
  action?: (row: PartChange) => ReactNode
}

/**
 * The header row of the panel's tables: the first column's heading, then the number columns (right
 * aligned), then any text columns.
 */
export function WhyTableHead({
  first,
  numbers,
  after = [],
}: {
  first: string
  numbers: readonly string[]
  after?: readonly string[]
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {numbers.map((label) => (
          <th key={label} scope="col" className="usage-table__number">
            {label}
          </th>
        ))}
        {after.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** How many parts are listed before "Show all": the largest changes are what explains a day. */
export const WHY_ROWS_SHOWN = 10

/**
 * One row per part that changed, largest change first; credits. The first {@link WHY_ROWS_SHOWN},
 * then a button for the rest: a project of hundreds of versions would otherwise bury the few that
 * made the day, and build hundreds of rows before the panel shows any.
 */
export function WhyChangeTable({ caption, partLabel, partsWord, rows, action }: WhyChangeTableProps) {
  const [showsAll, setShowsAll] = useState(false)
  const shown = showsAll ? rows : rows.slice(0, WHY_ROWS_SHOWN)
  return (
    <div className="stack-sm">
      <div className="ui-table-wrap">
        <table className="ui-table usage-table why-table">
          <caption className="visually-hidden">{caption}</caption>
          <WhyTableHead
            first={partLabel}
            numbers={['Usual', 'This bucket', 'Change', 'Share of the change']}
          />
          <tbody>
            {shown.map((row) => (
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
      {rows.length > WHY_ROWS_SHOWN && (
        <p className="muted">
          {showsAll
            ? `All ${rows.length} changes. `
            : `The ${shown.length} largest of ${rows.length} changes. `}
          {/* A toggle that stays where it is: focus is not lost when the rows appear. */}
          <button type="button" className="usage-link-button" onClick={() => setShowsAll(!showsAll)}>
            {showsAll ? `Show the ${WHY_ROWS_SHOWN} largest only` : `Show all ${rows.length} ${partsWord}`}
          </button>
        </p>
      )}
    </div>
  )
}
