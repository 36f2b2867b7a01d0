// A change against the range before, written one way on every usage page: the card's sentence
// and the per-project table's cell (src/lib/format-number.ts `formatChange`).
import { changeDirection, formatChange } from '../lib/format'
import { changeAgainst } from '../lib/usage-summary'

interface ChangeTextProps {
  current: number
  /** The range before's total; undefined while it loads. */
  previous: number | undefined
  /** How the previous total is written; left out, it is not shown (a table cell). */
  formatPrevious?: (value: number) => string
  /** What was counted, for the sentences: "usage", "credits". */
  what: string
}

/** "+12.3% vs previous (1,234.00)", "no change vs previous", "new", "none either". */
export function ChangeText({ current, previous, formatPrevious, what }: ChangeTextProps) {
  const isCell = formatPrevious === undefined
  if (previous === undefined)
    return <span className="muted">{isCell ? '…' : 'Comparing with the previous range…'}</span>
  const change = changeAgainst(current, previous)
  if (change.kind === 'none')
    return <span className="muted">{isCell ? 'none either' : `No ${what} in the previous range either`}</span>
  if (change.kind === 'new') return <span>{isCell ? 'new' : `New: no ${what} in the previous range`}</span>
  const direction = changeDirection(change.fraction)
  return (
    <span className={`usage-change usage-change--${direction}`}>
      {formatChange(change.fraction)}
      {formatPrevious && ` vs previous (${formatPrevious(change.previous)})`}
    </span>
  )
}
