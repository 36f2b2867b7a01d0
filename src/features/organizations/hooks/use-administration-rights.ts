import { useQuery } from '@tanstack/react-query'
import { userQueries } from '../../auth/queries'
import { organizationQueries } from '../queries'

export interface AdministrationRights {
  /** May rename, manage members, and so on. False until it is known (no controls flash in). */
  canAdminister: boolean
  /** Platform staff: act as the platform operator (e.g. may change subscriptions). */
  isStaff: boolean
  /** Both answers are in (or were not needed). */
  isKnown: boolean
}

/**
 * The caller's rights in one organization: platform staff, or an admin member. Staff need no
 * second request; anyone else is checked with `organizationQueries.adminRight` (one member's
 * answer, not the member list). A failed check counts as "no right", and as known. Without an
 * organization (a page outside any, e.g. the list), nothing is asked and only staff have rights.
 */
export function useAdministrationRights(organization: string | undefined): AdministrationRights {
  const me = useQuery(userQueries.me())
  const isStaff = me.data?.staff === true
  const right = useQuery({
    ...organizationQueries.adminRight(organization ?? '', me.data?.id ?? ''),
    enabled: me.isSuccess && !isStaff && organization !== undefined,
  })
  if (!me.data) return { canAdminister: false, isStaff: false, isKnown: false }
  if (isStaff) return { canAdminister: true, isStaff: true, isKnown: true }
  if (organization === undefined) return { canAdminister: false, isStaff: false, isKnown: true }
  return { canAdminister: right.data === true, isStaff: false, isKnown: right.isSuccess || right.isError }
}
