import { queryOptions } from '@tanstack/react-query'
import { apiRequest, segment } from '../../api/client'
import type { Organization, OrganizationDetail, Resources } from '../../api/types'

export const organizationPath = (name: string) => `/organizations/${segment(name)}`

export const organizationQueries = {
  all: () => ['organizations'] as const,
  // The list's second element is an object, never a string, so that it cannot collide with
  // `scope(name)` of an organization that happens to be called "list".
  lists: () => [...organizationQueries.all(), { view: 'list' }] as const,
  /** Everything cached about one organization (detail, resources, members, usage) starts with this. */
  scope: (name: string) => [...organizationQueries.all(), name] as const,
  list: () =>
    queryOptions({
      queryKey: organizationQueries.lists(),
      queryFn: ({ signal }) => apiRequest<Organization[]>('/organizations', { signal }),
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...organizationQueries.scope(name), 'detail'] as const,
      queryFn: ({ signal }) => apiRequest<OrganizationDetail>(organizationPath(name), { signal }),
    }),
  resources: (name: string) =>
    queryOptions({
      queryKey: [...organizationQueries.scope(name), 'resources'] as const,
      queryFn: ({ signal }) => apiRequest<Resources>(`${organizationPath(name)}/resources`, { signal }),
    }),
}

// The mutation hooks are in ./mutations.ts: the list (the first page) reads these options without
// loading the code that changes organizations.
