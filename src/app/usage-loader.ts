import type { QueryClient } from '@tanstack/react-query'
import { redirect } from 'react-router'
import { organizationQueries } from '../features/organizations/queries'
import { projectNameForId } from '../features/usage/lib/project-credits'
import { parseUsageAddress } from '../features/usage/lib/usage-address'
import { requestedDates, usagePlan } from '../features/usage/lib/usage-plan'
import { subscriptionDaysOf } from '../features/usage/lib/usage-ranges'
import { rangeOfAnswer } from '../features/usage/model/buckets'
import { usageQueries, type UsageRequest, type UsageSubject } from '../features/usage/queries'
import { paths } from '../lib/paths'
import { ensureCached } from './ensure-cached'

/**
 * The usage page's data, the organization's or one project's (`subject`): every request of its
 * plan (../features/usage/lib/usage-plan.ts), with the page's own query options. Custom dates the API would refuse are not asked, and a refusal is shown
 * by the page, next to the range. The previous subscription periods are worked out from the
 * organization's detail (its subscription start), which the organization's frame loads anyway; the
 * comparison's totals once the shown range's answer gives its dates. An address naming a project
 * by its id (a link from before the address held names) is redirected to the same view with the
 * project's name.
 */
export async function loadUsage(
  queryClient: QueryClient,
  subject: UsageSubject,
  searchParams: URLSearchParams,
) {
  const { organization } = subject
  const { view } = parseUsageAddress(searchParams)
  const now = new Date()
  // The monthly chart's code comes beside the data (recharts is the usage page's own chunk).
  if (view.interval === 'month')
    void import('../features/usage/components/usage-chart').then((chart) => chart.preloadMonthlyChart())
  const load = async (request: UsageRequest | null) => {
    if (!request) return undefined
    const options = usageQueries.of(subject, request)
    await ensureCached(queryClient, options)
    return queryClient.getQueryData(options.queryKey)
  }
  const subscription = queryClient
    .ensureQueryData(organizationQueries.detail(organization))
    .then(subscriptionDaysOf, () => undefined)
  // Only the previous subscription period waits for the subscription before it is asked.
  const shown = async () =>
    load(usagePlan(view, now, view.range === 'previous-period' ? await subscription : undefined).shown)
  const before = async () => load(usagePlan(view, now, await subscription).beforeRequest)
  const [answer] = await Promise.all([shown(), before()])

  // A link from when the address held a project's id opens at the address with its name.
  const name =
    answer?.generation === 'current' && 'projects' in answer
      ? projectNameForId(answer.projects, searchParams.get('project'))
      : null
  if (name !== null) {
    const params = new URLSearchParams(searchParams)
    params.set('project', name)
    throw redirect(`${paths.usage(organization)}?${params.toString()}`)
  }

  // The comparison's totals need the shown range as its answer gives it: asked now, not waited
  // for (the page shows the totals at once and their change when it is in).
  const request = usagePlan(view, now, await subscription).shown
  if (!answer || !request) return
  const range = rangeOfAnswer(answer, requestedDates(request), request.interval)
  for (const planned of usagePlan(view, now, await subscription, range).requests)
    void queryClient.prefetchQuery(usageQueries.of(subject, planned))
}
