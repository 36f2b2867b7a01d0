import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/client'

const MAX_RETRIES = 3

/** Retry network failures and 5xx answers with backoff; a 4xx will not change by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false
  return failureCount < MAX_RETRIES
}

export interface QueryClientHooks {
  /** A request answered 401: the token is gone or revoked. */
  onUnauthorized?: () => void
}

declare module '@tanstack/react-query' {
  interface Register {
    // `meta.handlesUnauthorized`: this query or mutation expects a 401 itself (checking a pasted
    // token), so the global "back to sign-in" must not fire.
    queryMeta: { handlesUnauthorized?: boolean }
    mutationMeta: { handlesUnauthorized?: boolean }
  }
}

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401

export function createQueryClient({ onUnauthorized }: QueryClientHooks = {}): QueryClient {
  // The 401 lives here, not in the fetch client: the HTTP layer only reports, the app decides.
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && !query.meta?.handlesUnauthorized) onUnauthorized?.()
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthorized(error) && !mutation.meta?.handlesUnauthorized) onUnauthorized?.()
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
      },
      mutations: {
        // A mutation is never sent twice behind the person's back.
        retry: false,
      },
    },
  })
}
