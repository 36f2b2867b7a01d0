// The two answers a totals' change is measured with (../lib/usage-view.ts `comparisonFor`), for the
// usage page and the monthly report alike: the range before over the compared days and, while the
// shown range still runs, the shown range's whole days so far.
import { useQuery } from '@tanstack/react-query'
import type { UsageAnswer } from '../../../api/model'
import { totalsInterval, type Comparison } from '../lib/usage-view'
import { usageQueries } from '../queries'

export interface ComparedTotals {
  /** The range before, over `comparison.previous`; undefined while it loads or if it failed. */
  previous: UsageAnswer | undefined
  /**
   * The shown range's compared days (`comparison.current`) when they are not all of it (a running
   * range: its whole days so far); undefined when the shown range's own answer is the one to sum,
   * or while it loads (see `isCurrentPending`).
   */
  current: UsageAnswer | undefined
  isCurrentPending: boolean
}

/** Asks both once `enabled` (the shown range's answer is in, not a placeholder). */
export function useComparedTotals(
  organization: string,
  comparison: Comparison | null,
  enabled: boolean,
): ComparedTotals {
  const request = (range: Comparison['previous']) => ({ ...range, interval: totalsInterval(range) })
  const previous = useQuery({
    ...usageQueries.range(organization, comparison ? request(comparison.previous) : { interval: 'day' }),
    enabled: comparison !== null && enabled,
  })
  const partial = comparison?.isPartial ? comparison : null
  const current = useQuery({
    ...usageQueries.range(organization, partial ? request(partial.current) : { interval: 'day' }),
    enabled: partial !== null && enabled,
  })
  return {
    previous: previous.isPlaceholderData ? undefined : previous.data,
    current: partial && !current.isPlaceholderData ? current.data : undefined,
    isCurrentPending: partial !== null && (current.isPending || current.isPlaceholderData),
  }
}
