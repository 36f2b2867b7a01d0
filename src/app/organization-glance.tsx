// The organization list at a glance (issue 14): for each organization the list shows, its
// subscription (GET /organizations/{name}), members (the `users` count of .../resources, not the
// member list) and the current period's days left, credits used and projection (.../usage by day,
// the same cached query as the overview's budget and the usage page's default view). Composition
// of two features, so it lives with the app; loaded beside the list's rows (routes/organizations.tsx),
// not before them. Requests start only for wanted rows (on screen, or all when the list is sorted
// by one of these columns), at most GLANCE_ORGANIZATIONS_IN_FLIGHT organizations at a time.
import { useQueries, useQueryClient, type QueryObserverResult } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { Organization, OrganizationDetail, Resources, UsageAnswer } from '../api/model'
import { createLimiter, type Limiter } from '../lib/limiter'
import type { Glance, GlanceProviderProps } from '../features/organizations/components/organization-list-page'
import type { GlanceColumn, GlanceValue } from '../features/organizations/lib/list-view'
import { formatSubscription } from '../../domain/subscriptions'
import { organizationQueries } from '../features/organizations/queries'
import { periodCredits, type PeriodCredits } from '../features/usage/lib/credit-budget'
import { formatCredits } from '../features/usage/lib/format'
import { formatCount } from '../lib/format-number'
import { usageQueries } from '../features/usage/queries'

/**
 * Organizations whose requests may be in flight at once (each has three). Browsers open six
 * connections per host over HTTP/1.1: four organizations keep the list's requests from taking
 * every one of them when someone clicks through to an organization meanwhile.
 */
export const GLANCE_ORGANIZATIONS_IN_FLIGHT = 4
const limiter = createLimiter(GLANCE_ORGANIZATIONS_IN_FLIGHT)

interface LimitableOptions {
  queryKey: readonly unknown[]
  queryFn?: unknown
}

/**
 * The area's own query options (same key, same cache entry, same answer) with the request made
 * through `limiter`, grouped by organization, and dropped while it waits if the query is cancelled.
 */
export function throughLimiter<O extends LimitableOptions>(
  options: O,
  organization: string,
  through: Limiter = limiter,
): O {
  const queryFn = options.queryFn as (context: { signal: AbortSignal }) => Promise<unknown>
  return {
    ...options,
    queryFn: (context: { signal: AbortSignal }) =>
      through.run(() => queryFn(context), { group: organization, signal: context.signal }),
  }
}

type Result<T> = Pick<QueryObserverResult<T>, 'status' | 'data' | 'isFetching'>

/** A query's part of a cell: pending also while a failed request is asked again (Retry). */
function valueOf<T>(result: Result<T>, read: (data: T) => number | string | null): GlanceValue {
  if (result.status === 'error') return result.isFetching ? { status: 'pending' } : { status: 'error' }
  if (result.data === undefined) return { status: 'pending' }
  return { status: 'ready', value: read(result.data) }
}

// A usage answer's summary is worked out once per answer and clock, not on every combine.
const summaries = new WeakMap<UsageAnswer, { now: Date; credits: PeriodCredits }>()
function summaryOf(answer: UsageAnswer, now: Date): PeriodCredits {
  const known = summaries.get(answer)
  if (known?.now === now) return known.credits
  const credits = periodCredits(answer, now)
  summaries.set(answer, { now, credits })
  return credits
}

/**
 * The glance columns of one organization from its three queries' results. Plain data only, so
 * that TanStack's structural sharing keeps an unchanged row's object (and its memoized row).
 */
export function glanceRow(
  detail: Result<OrganizationDetail>,
  resources: Result<Resources>,
  usage: Result<UsageAnswer>,
  now: Date,
): Record<GlanceColumn, GlanceValue> {
  const period = (read: (credits: PeriodCredits) => number | null) =>
    valueOf(usage, (answer) => read(summaryOf(answer, now)))
  return {
    subscription: valueOf(detail, (data) => data.subscription),
    'days-left': period((credits) => credits.daysLeft),
    members: valueOf(resources, (data) => data.users),
    credits: period((credits) => credits.used),
    projection: period((credits) => credits.projection?.projected ?? null),
  }
}

/** A glance value as its cell shows it. */
export function formatGlance(column: GlanceColumn, value: number | string): string {
  if (typeof value === 'string') return column === 'subscription' ? formatSubscription(value) : value
  switch (column) {
    case 'days-left':
      return `${formatCount(value)} ${value === 1 ? 'day' : 'days'}`
    case 'credits':
    case 'projection':
      return formatCredits(value)
    default:
      return formatCount(value)
  }
}

const requestsOf = (name: string) => [
  organizationQueries.detail(name),
  organizationQueries.resources(name),
  // The current subscription period by day: the overview's budget and the usage page's default.
  usageQueries.range(name, { interval: 'day' }),
]

/** The list's glance provider (GlanceProviderProps): asks, bounded, and hands each row's values on. */
export default function OrganizationGlance({ organizations, isWanted, children }: GlanceProviderProps) {
  const queryClient = useQueryClient()
  // One clock per visit: days left and projections do not shift while the list is open.
  const [now] = useState(() => new Date())
  const combine = useCallback(
    (results: Array<Result<unknown>>) => {
      const rows: Record<string, Record<GlanceColumn, GlanceValue>> = {}
      organizations.forEach((organization, index) => {
        const [detail, resources, usage] = results.slice(index * 3, index * 3 + 3)
        rows[organization.id] = glanceRow(
          detail as Result<OrganizationDetail>,
          resources as Result<Resources>,
          usage as Result<UsageAnswer>,
          now,
        )
      })
      return rows
    },
    [organizations, now],
  )
  // Which rows may ask, as text ("1101…"): the options below are rebuilt only when it changes, not
  // on every answer (useQueries hashes every key again for a new array: 600 keys for 200 rows).
  const wanted = organizations.map((organization) => (isWanted(organization) ? '1' : '0')).join('')
  const queries = useMemo(
    () =>
      organizations.flatMap((organization, index) =>
        requestsOf(organization.name).map((options) => ({
          ...throughLimiter(options, organization.name),
          enabled: wanted[index] === '1',
        })),
      ),
    [organizations, wanted],
  )
  const rows = useQueries({ queries, combine })
  const retry = useCallback(
    (organization: Organization) =>
      void queryClient.refetchQueries({
        queryKey: organizationQueries.scope(organization.name),
        predicate: (query) => query.state.status === 'error',
      }),
    [queryClient],
  )
  const glance = useMemo<Glance>(() => ({ rows, format: formatGlance, retry }), [rows, retry])
  return children(glance)
}
