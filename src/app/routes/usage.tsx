import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router'
import { preloadMonthlyChart } from '../../features/usage/components/usage-chart'
import { UsagePage, usageRequest } from '../../features/usage/components/usage-page'
import { parseUsageView } from '../../features/usage/lib/usage-view'
import { usageQueries } from '../../features/usage/queries'

// This module, the usage feature and recharts load only when the usage page is opened (a lazy route).
export default UsagePage

/** Starts the usage request with the page's own query options; a refusal is shown by the page, next to the range. */
export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const view = parseUsageView(new URL(request.url).searchParams)
    if (view.interval === 'month') preloadMonthlyChart()
    await queryClient.prefetchQuery(usageQueries.range(params.name ?? '', usageRequest(view, new Date())))
    return null
  }
}
