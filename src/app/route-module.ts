import { onlineManager, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import type { Location, Params } from 'react-router'

export interface PrefetchArgs {
  params: Params
  searchParams: URLSearchParams
}

/**
 * Starts what a page needs before it renders, with the very query options the page reads. A
 * returned promise is waited for (meanwhile the current page stays on screen: navigation shows
 * data, not spinners) and its value reaches the page as `data`; anything else means "do not wait".
 */
export type Prefetch = (queryClient: QueryClient, args: PrefetchArgs) => unknown

/**
 * The lazily loaded part of a route: the page, as the default export of a file in src/app/routes.
 * `data: never` accepts every page, whatever the prefetch hands it (or none at all).
 */
export interface RouteModule {
  default: ComponentType<{ data: never }>
}

export interface AppRoute {
  /** Unique; names the route in the preparation cache. */
  id: string
  path?: string
  index?: boolean
  /** The page's chunk (none for a pure redirect). Its prefetch lives outside it, so that code and data load side by side. */
  page?: () => Promise<RouteModule>
  prefetch?: Prefetch
  /** Where to go instead (e.g. sign-in without a token); nothing below this route is started. */
  redirect?: (location: Location) => string | null
  children?: AppRoute[]
}

/**
 * The waiting half of a prefetch: with nothing cached the page waits for the answer (a failure
 * is the page's to show); with an answer cached, even a stale one, the page shows it at once and
 * the refetch runs behind it. Offline, queries pause: waiting would freeze the navigation.
 */
export function untilCached<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> | undefined {
  const isCached = queryClient.getQueryData(options.queryKey) !== undefined
  const request = queryClient.prefetchQuery(options)
  return isCached || !onlineManager.isOnline() ? undefined : request
}
