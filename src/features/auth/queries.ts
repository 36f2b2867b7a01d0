import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'
import type { User } from '../../api/types'

export const userQueries = {
  all: () => ['user'] as const,
  me: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => apiRequest<User>('/user', { signal }),
      // Who is signed in changes only through sign-in and sign-out, which reset the cache.
      staleTime: Infinity,
    }),
}
