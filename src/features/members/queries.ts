import { queryOptions } from '@tanstack/react-query'
import { apiRequest, segment } from '../../api/client'
import type { Member } from '../../api/types'

export const memberQueries = {
  all: (organization: string) => ['organizations', organization, 'members'] as const,
  list: (organization: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(organization), 'list'] as const,
      queryFn: ({ signal }) => apiRequest<Member[]>(`/organizations/${segment(organization)}/users`, { signal }),
    }),
  detail: (organization: string, userId: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(organization), 'detail', userId] as const,
      queryFn: ({ signal }) =>
        apiRequest<Member>(`/organizations/${segment(organization)}/users/${segment(userId)}`, { signal }),
    }),
}
