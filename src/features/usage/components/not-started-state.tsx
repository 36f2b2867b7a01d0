// What a range that lies entirely after today shows instead of a chart of zeros.
import type { DateRange } from '../../../../domain/usage'
import { EmptyState } from '../../../components/ui/query-state'
import { formatDay, formatSpan } from '../lib/dates'

/** "This range has not started": no usage can exist yet, so no chart, table or change is drawn. */
export function NotStartedState({ range }: { range: DateRange }) {
  return (
    <EmptyState title="This range has not started yet">
      {formatSpan(range.start, range.end)} begins on {formatDay(range.start)} (UTC): there is no usage to show
      yet. Pick a range that has begun above.
    </EmptyState>
  )
}
