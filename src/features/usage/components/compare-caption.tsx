import type { DateRange } from '../../../../domain/usage'
import { formatSpan } from '../lib/dates'

/**
 * The chart legend's words for a comparison: which range is drawn how, with both ranges' dates.
 * The dashed swatch is the faint previous series' mark.
 */
export function CompareCaption({ shown, previous }: { shown: DateRange; previous: DateRange }) {
  return (
    <p className="usage-compare-caption">
      <span>
        <span className="usage-compare-caption__swatch" aria-hidden="true" />
        This range: {formatSpan(shown.start, shown.end)}
      </span>{' '}
      <span>
        <span
          className="usage-compare-caption__swatch usage-compare-caption__swatch--previous"
          aria-hidden="true"
        />
        Previous range (faint, dashed): {formatSpan(previous.start, previous.end)}
      </span>
    </p>
  )
}
