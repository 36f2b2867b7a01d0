// The credits total of the current generation's pages (the usage page and the monthly report).
import { formatCredits, formatExactValue } from '../lib/format'
import { formatDaysElapsed, type Projection } from '../lib/usage-summary'
import { ChangeText } from './change-text'

interface CreditsTotalProps {
  /** The card's heading and name, e.g. "Credits, all projects". */
  label: string
  /** Its heading level in the page's outline. */
  level: 2 | 3
  total: number
  /** The previous range's total over the compared days; undefined while it loads or if it failed. */
  previousTotal: number | undefined
  /**
   * The total the change is measured with, when it is not `total`: a running range's whole days
   * so far (today left out); undefined while it loads.
   */
  comparedTotal?: number | undefined
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
  comparedTotal = total,
  isCompared,
  projection,
}: CreditsTotalProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="credits-total-heading" className="ui-card usage-total">
      <Heading id="credits-total-heading" className="usage-total__label">
        {label}
      </Heading>
      <p className="usage-total__value" title={formatExactValue('credits', total)} data-value={total}>
        {formatCredits(total)}
      </p>
      {isCompared && (
        <p className="usage-total__change">
          <ChangeText
            current={comparedTotal}
            previous={comparedTotal === undefined ? undefined : previousTotal}
            formatPrevious={formatCredits}
            what="credits"
          />
        </p>
      )}
      {projection && (
        <p className="usage-total__projection">
          Projected for the whole period: <strong>{formatCredits(projection.projected)}</strong> (the{' '}
          {formatDaysElapsed(projection)} passed up to now, today&apos;s elapsed part included, continued at
          the same pace)
        </p>
      )}
    </section>
  )
}
