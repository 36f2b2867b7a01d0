import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router'
import { requestAnswer } from '../../api/answers'
import type { OrganizationDetail } from '../../api/model'
import type { Subscription } from '../../api/types'
import { pathUnderNewName } from '../../lib/paths'
import { organizationPath, organizationQueries } from './queries'

/**
 * PATCH answers the detail without `subscription_self_service` (2022; the current generation has
 * none at all): keep the one we knew, and invent none.
 */
function mergeUpdated(
  previous: OrganizationDetail | undefined,
  updated: OrganizationDetail,
): OrganizationDetail {
  return { ...previous, ...updated }
}

/** The body of PATCH /organizations/{name}; `two_factor_authentication_forced` is current generation only. */
export interface OrganizationUpdate {
  name?: string
  subscription?: Subscription
  subscription_start_date?: string
  subscription_end_date?: string | null
  two_factor_authentication_forced?: boolean
}

function updateOrganization(name: string, body: OrganizationUpdate) {
  return requestAnswer('organizationDetail', organizationPath(name), { method: 'PATCH', body })
}

/** The body of POST /organizations; `voucher` only where the API has vouchers (current generation). */
export interface OrganizationCreate {
  name: string
  subscription: Subscription
  subscription_end_date?: string
  voucher?: string
}

/** POST /organizations. Resolves once the list shows the new organization. */
export function useCreateOrganization() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: OrganizationCreate) =>
      requestAnswer('organization', '/organizations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationQueries.lists() }),
  })
}

/** Copies everything cached under one organization name to another (same organization, new name). */
function copyScope(queryClient: QueryClient, from: string, to: string) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: organizationQueries.scope(from) })) {
    if (query.state.data === undefined) continue
    const [root, , ...rest] = query.queryKey
    queryClient.setQueryData([root, to, ...rest], query.state.data)
  }
}

/**
 * Renames an organization and follows it: what is cached under the old name (members, counts,
 * usage) moves to the new one and the detail is seeded from the answer, so the page under the
 * new name shows at once. The app navigates (replace, no reload) to the same sub-page under the
 * new name, and only then is the old name's cache dropped: nothing stale or "not found" shows.
 */
export function useRenameOrganization(name: string) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  return useMutation({
    mutationFn: (newName: string) => updateOrganization(name, { name: newName }),
    onSuccess: async (updated) => {
      const previous = queryClient.getQueryData(organizationQueries.detail(name).queryKey)
      copyScope(queryClient, name, updated.name)
      queryClient.setQueryData(
        organizationQueries.detail(updated.name).queryKey,
        mergeUpdated(previous, updated),
      )
      // flushSync: the promise resolves once the page under the new name is on screen.
      await navigate(pathUnderNewName(location.pathname, name, updated.name) + location.search, {
        replace: true,
        flushSync: true,
      })
      queryClient.removeQueries({ queryKey: organizationQueries.scope(name) })
      await queryClient.invalidateQueries({ queryKey: organizationQueries.lists() })
    },
  })
}

export interface SubscriptionChange {
  subscription: Subscription
  subscription_start_date?: string
  subscription_end_date: string | null
}

/** Changes the subscription and its dates (platform staff only; others get a 403). */
export function useUpdateSubscription(name: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: SubscriptionChange) => updateOrganization(name, change),
    onSuccess: async (updated) => {
      const key = organizationQueries.detail(name).queryKey
      queryClient.setQueryData(key, (previous) => mergeUpdated(previous, updated))
      // Everything cached under the organization: the default usage range is the subscription
      // period, which the new start date moves.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: organizationQueries.scope(name) }),
      ])
    },
  })
}

/**
 * Requires (or stops requiring) two-factor authentication of the organization's members (current
 * generation: `two_factor_authentication_forced`, admins only).
 */
export function useSetTwoFactorForced(name: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (forced: boolean) => updateOrganization(name, { two_factor_authentication_forced: forced }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationQueries.detail(name).queryKey, (previous) =>
        mergeUpdated(previous, updated),
      )
      await queryClient.invalidateQueries({ queryKey: organizationQueries.lists() })
    },
  })
}
