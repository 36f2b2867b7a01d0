// The two answers a totals' change is measured with (../lib/usage-plan.ts `comparisonRequests`),
// for the usage page and the monthly report alike: the range before over the compared days and,
// while the shown range still runs, the shown range's whole days so far.
import { useQuery } from '@tanstack/react-query'
import type { ProjectUsageAnswer, UsageAnswer } from '../../../api/model'
import type { Comparison } from '../lib/comparison'
import { comparisonRequests } from '../lib/usage-plan'
import { usageQueries, type UsageSubject } from '../queries'

export interface ComparedTotals {
  /** The range before, over `comparison.previous`; undefined while it loads or if it failed. */
  totalsBefore: UsageAnswer | ProjectUsageAnswer | undefined
  /**
   * The shown range's compared days (`comparison.current`) when they are not all of it (a running
   * range: its whole days so far); undefined when the shown range's own answer is the one to sum,
   * or while it loads.
   */
  shownSoFar: UsageAnswer | ProjectUsageAnswer | undefined
}

const NONE = { interval: 'day' } as const

/** Asks both of `subject`'s usage once `enabled` (the shown range's answer is in, not a placeholder). */
export function useComparedTotals(
  subject: UsageSubject,
  comparison: Comparison | null,
  enabled: boolean,
): ComparedTotals {
  const requests = comparison && comparisonRequests(comparison)
  const totalsBefore = useQuery({
    ...usageQueries.of(subject, requests?.totalsBefore ?? NONE),
    enabled: requests !== null && enabled,
  })
  const soFarRequest = requests?.shownSoFar ?? null
  const shownSoFar = useQuery({
    ...usageQueries.of(subject, soFarRequest ?? NONE),
    enabled: soFarRequest !== null && enabled,
  })
  return {
    totalsBefore: totalsBefore.isPlaceholderData ? undefined : totalsBefore.data,
    shownSoFar: soFarRequest && !shownSoFar.isPlaceholderData ? shownSoFar.data : undefined,
  }
}
