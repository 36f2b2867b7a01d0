// The credits total of the current generation's pages (the usage page and the monthly report).
import { formatChange, formatCredits, formatExact } from '../lib/format'
import { changeAgainst, type Projection } from '../lib/usage-summary'

interface CreditsTotalProps {
  /** The card's heading and name, e.g. "Credits, all projects". */
  label: string
  /** Its heading level in the page's outline. */
  level: 2 | 3
  total: number
  /** The previous range's total; undefined while it loads or if it failed. */
  previousTotal: number | undefined
  /** Whether a change against the previous range is shown at all. */
  isCompared: boolean
  /** To the end of the current subscription period; null outside it. */
  projection: Projection | null
}

/** A card: the credits of the range, the change against the range before, the projection. */
export function CreditsTotal({
  label,
  level,
  total,
  previousTotal,
  isCompared,
  projection,
}: CreditsTotalProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="credits-total-heading" className="ui-card usage-total">
      <Heading id="credits-total-heading" className="usage-total__label">
        {label}
      </Heading>
      <p className="usage-total__value" title={formatExact(total)} data-value={total}>
        {formatCredits(total)}
      </p>
      {isCompared && (
        <p className="usage-total__change">
          {previousTotal === undefined ? (
            <span className="muted">Comparing with the previous range…</span>
          ) : (
            <TotalChange current={total} previous={previousTotal} />
          )}
        </p>
      )}
      {projection && (
        <p className="usage-total__projection">
          Projected for the whole period: <strong>{formatCredits(projection.projected)}</strong> (the{' '}
          {projection.elapsedDays} of {projection.periodDays} days so far continued at the same pace)
        </p>
      )}
    </section>
  )
}

function TotalChange({ current, previous }: { current: number; previous: number }) {
  const change = changeAgainst(current, previous)
  if (change.kind === 'none') return <span className="muted">No credits in the previous range either</span>
  if (change.kind === 'new') return <span>New: no credits in the previous range</span>
  const direction = change.fraction > 0 ? 'up' : change.fraction < 0 ? 'down' : 'flat'
  return (
    <span className={`usage-change usage-change--${direction}`}>
      {formatChange(change.fraction)} vs previous ({formatCredits(change.previous)})
    </span>
  )
}
