import type { QueryClient } from '@tanstack/react-query'
import { organizationQueries } from '../features/organizations/queries'
import { reportPeriodOf, reportRange } from '../features/usage/lib/usage-report'
import { reportPlan } from '../features/usage/lib/usage-plan'
import { usageQueries } from '../features/usage/queries'
import { ensureCached } from './ensure-cached'

/**
 * The monthly report's data (the organization's, or with `project=` one project's), with the
 * page's own query options. An earlier subscription period
 * needs the subscription's start (the organization's detail, which the frame's loader fetches
 * anyway); a period the address does not name is the page's to explain, so nothing is fetched.
 */
export async function loadUsageReport(
  queryClient: QueryClient,
  organization: string,
  searchParams: URLSearchParams,
) {
  const detail = await queryClient
    .ensureQueryData(organizationQueries.detail(organization))
    .catch(() => undefined)
  if (!detail) return
  const period = reportPeriodOf(searchParams.get('period'), detail.subscription_start_date, new Date())
  if (!period) return
  const now = new Date()
  const subject = { organization, project: searchParams.get('project') || undefined }
  await ensureCached(queryClient, usageQueries.of(subject, reportPlan(period, null, now).shown))
  // The comparison's totals, once the period's dates are known: asked now, not waited for.
  const range = reportRange(period, detail.subscription_start_date, now)
  for (const request of reportPlan(period, range, now).requests)
    void queryClient.prefetchQuery(usageQueries.of(subject, request))
}
