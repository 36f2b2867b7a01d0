import type { QueryClient } from '@tanstack/react-query'
import { organizationQueries } from '../features/organizations/queries'
import {
  askedRequest,
  comparedRange,
  isNoPeriod,
  parseUsageView,
  subscriptionDaysOf,
  usageRequest,
} from '../features/usage/lib/usage-view'
import { usageQueries } from '../features/usage/queries'
import { ensureCached } from './ensure-cached'
import { redirect } from 'react-router'
import { paths } from '../lib/paths'
import { projectNameForId } from '../features/usage/lib/project-credits'

/**
 * The usage page's data, with the page's own query options (the range and interval come from
 * the address); custom dates the API would refuse are not asked, and a refusal is shown by the
 * page, next to the range. With `compare=previous`, the previous range is asked at the same time.
 * The previous subscription period is worked out from the organization's detail (its subscription
 * start), which the organization's frame loads anyway. An address naming a project by its id (a
 * link from before the address held names) is redirected to the same view with the project's name.
 */
export async function loadUsage(
  queryClient: QueryClient,
  organization: string,
  searchParams: URLSearchParams,
) {
  const view = parseUsageView(searchParams)
  const now = new Date()
  // The monthly chart's code comes beside the data (recharts is the usage page's own chunk).
  if (view.interval === 'month')
    void import('../features/usage/components/usage-chart').then((chart) => chart.preloadMonthlyChart())
  const needsSubscription = view.range === 'previous-period' || view.compare === true
  const subscription = needsSubscription
    ? queryClient
        .ensureQueryData(organizationQueries.detail(organization))
        .then(subscriptionDaysOf, () => undefined)
    : Promise.resolve(undefined)

  const shown = async () => {
    const request = askedRequest(
      usageRequest(view, now, view.range === 'period' ? undefined : await subscription),
    )
    if (!request) return
    const options = usageQueries.range(organization, request)
    await ensureCached(queryClient, options)
    return queryClient.getQueryData(options.queryKey)
  }
  const previous = async () => {
    const range = comparedRange(view, now, await subscription)
    if (range && !isNoPeriod(range))
      await ensureCached(queryClient, usageQueries.range(organization, { ...range, interval: view.interval }))
  }
  const [answer] = await Promise.all([shown(), view.compare ? previous() : undefined])
  // A link from when the address held a project's id opens at the address with its name.
  const name =
    answer?.generation === 'current' ? projectNameForId(answer.projects, searchParams.get('project')) : null
  if (name !== null) {
    const params = new URLSearchParams(searchParams)
    params.set('project', name)
    throw redirect(`${paths.usage(organization)}?${params.toString()}`)
  }
}
