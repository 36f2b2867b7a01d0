import type { QueryClient } from '@tanstack/react-query'
import { parseUsageView, usageRequest } from '../features/usage/lib/usage-view'
import { usageQueries } from '../features/usage/queries'
import { ensureCached } from './ensure-cached'

/**
 * The usage page's data, with the page's own query options (the range and interval come from
 * the address); a refusal is shown by the page, next to the range.
 */
export async function loadUsage(
  queryClient: QueryClient,
  organization: string,
  searchParams: URLSearchParams,
) {
  const view = parseUsageView(searchParams)
  // The monthly chart's code comes beside the data (recharts is the usage page's own chunk).
  if (view.interval === 'month')
    void import('../features/usage/components/usage-chart').then((chart) => chart.preloadMonthlyChart())
  await ensureCached(queryClient, usageQueries.range(organization, usageRequest(view, new Date())))
}
