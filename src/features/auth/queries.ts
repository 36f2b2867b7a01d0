import { queryOptions } from '@tanstack/react-query'
import { requestAnswer } from '../../api/answers'

export const userQueries = {
  all: () => ['user'] as const,
  me: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => requestAnswer('user', '/user', { signal }),
      // Who is signed in changes only through sign-in and sign-out, which reset the cache.
      staleTime: Infinity,
    }),
}
