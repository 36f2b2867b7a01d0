import { queryOptions } from '@tanstack/react-query'
import { requestAnswer } from '../../api/answers'
import { isApiError, segment } from '../../api/client'

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
      queryFn: ({ signal }) => requestAnswer('organizationList', '/organizations', { signal }),
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...organizationQueries.scope(name), 'detail'] as const,
      queryFn: ({ signal }) => requestAnswer('organizationDetail', organizationPath(name), { signal }),
    }),
  /** Every cached answer to "is this user an admin here?" for one organization. */
  adminRights: (name: string) => [...organizationQueries.scope(name), 'admin-right'] as const,
  /**
   * Whether user `userId` (the caller) is an admin of the organization, as a boolean. GET
   * /organizations/{name}/users/{id} is for admins only (API.md): 200 with the member (its
   * `admin` flag) for an admin, 403 for a plain member, 404 for someone who is not a member at
   * all. One small answer instead of the whole member list (1.4 MB for 10,000 members).
   * Other failures are thrown as usual.
   */
  adminRight: (name: string, userId: string) =>
    queryOptions({
      queryKey: [...organizationQueries.adminRights(name), userId] as const,
      queryFn: async ({ signal }) => {
        try {
          const self = await requestAnswer('member', `${organizationPath(name)}/users/${segment(userId)}`, {
            signal,
          })
          return self.admin === true
        } catch (error) {
          if (isApiError(error, 403) || isApiError(error, 404)) return false
          throw error
        }
      },
    }),
  resources: (name: string) =>
    queryOptions({
      queryKey: [...organizationQueries.scope(name), 'resources'] as const,
      queryFn: ({ signal }) => requestAnswer('resources', `${organizationPath(name)}/resources`, { signal }),
    }),
}

export const voucherQueries = {
  all: () => ['vouchers'] as const,
  /**
   * GET /vouchers/{code} (current generation): `{description}`, or null for a code the API does
   * not know (its 404): an expected answer to a check, not a failure. Not retried.
   */
  detail: (code: string) =>
    queryOptions({
      queryKey: [...voucherQueries.all(), code] as const,
      queryFn: async ({ signal }) => {
        try {
          return await requestAnswer('voucher', `/vouchers/${segment(code)}`, { signal })
        } catch (error) {
          if (isApiError(error, 404)) return null
          throw error
        }
      },
      retry: false,
      staleTime: 5 * 60_000,
    }),
}

// The mutation hooks are in ./mutations.ts: the list (the first page) reads these options without
// loading the code that changes organizations.
