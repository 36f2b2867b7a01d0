import { formatSpan } from '../lib/dates'
import { noPeriodSentence, type Compared } from '../lib/compare'

/**
 * What the comparison cannot draw, said above the charts rather than leaving them silently without
 * it: no range before this one, or the previous range could not be loaded. Nothing otherwise.
 */
export function CompareNotice({ compared }: { compared: Compared<unknown> }) {
  if (compared.kind === 'none')
    return (
      <p className="ui-notice ui-notice--info" role="status">
        Nothing to compare with. {noPeriodSentence(compared.reason, 'subscription period before this one')}
      </p>
    )
  if (compared.kind === 'error')
    return (
      <p className="ui-notice" role="alert">
        The previous range ({formatSpan(compared.range.start, compared.range.end)}) could not be loaded, so it
        is not drawn: {compared.error instanceof Error ? compared.error.message : 'unknown error'}
      </p>
    )
  return null
}
