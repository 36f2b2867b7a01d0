import {
  onlineManager,
  type EnsureQueryDataOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'

/**
 * Waits until `options`' query has an answer in the cache: at once when one is cached, even a
 * stale one (the refetch runs behind the page), else until the request settles. A failure is
 * not thrown: it is the page's to show, beside the rest of the page (e.g. "not found" inside the
 * organization's frame, Retry under the tabs). Offline, queries pause until the connection is
 * back: the navigation goes ahead instead of freezing, and the page shows its pending state.
 */
export async function ensureCached<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  const ensured = queryClient.ensureQueryData({ ...options, revalidateIfStale: true }).then(
    () => undefined,
    () => undefined,
  )
  if (onlineManager.isOnline()) await ensured
}
