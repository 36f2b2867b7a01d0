import type { QueryClient } from '@tanstack/react-query'
import { parseUsageView, usageRequest } from '../features/usage/lib/usage-view'
import { usageQueries } from '../features/usage/queries'
import type { PrefetchArgs } from './route-module'

/** Starts the usage request with the page's own query options; a refusal is shown by the page, next to the range. */
export function prefetchUsage(queryClient: QueryClient, { params, searchParams }: PrefetchArgs) {
  const view = parseUsageView(searchParams)
  // The monthly chart's code comes beside the data (recharts is the usage page's own chunk).
  if (view.interval === 'month')
    void import('../features/usage/components/usage-chart').then((chart) => chart.preloadMonthlyChart())
  return queryClient.prefetchQuery(usageQueries.range(params.name ?? '', usageRequest(view, new Date())))
}
