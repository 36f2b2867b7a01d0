import { useQuery } from '@tanstack/react-query'
import { userQueries } from '../auth/queries'
import { memberQueries } from '../members/queries'

export interface AdministrationRights {
  /** May rename, manage members, and so on. False until it is known (no controls flash in). */
  canAdminister: boolean
  /** Platform staff: act as the platform operator (e.g. may change subscriptions). */
  isStaff: boolean
  /** Both answers are in (or were not needed). */
  isKnown: boolean
}

/** The caller's rights in one organization: staff, or an admin member. */
export function useAdministrationRights(organization: string): AdministrationRights {
  const me = useQuery(userQueries.me())
  const isStaff = me.data?.staff === true
  const members = useQuery({ ...memberQueries.list(organization), enabled: me.isSuccess && !isStaff })
  if (!me.data) return { canAdminister: false, isStaff: false, isKnown: false }
  if (isStaff) return { canAdminister: true, isStaff: true, isKnown: true }
  const myEmail = me.data.email.toLowerCase()
  const self = members.data?.find(
    (member) => member.id === me.data.id || member.email.toLowerCase() === myEmail,
  )
  return { canAdminister: self?.admin === true, isStaff: false, isKnown: members.isSuccess }
}

/** Whether the caller may administer `organization`: platform staff, or an admin member of it. */
export function useCanAdminister(organization: string): boolean {
  return useAdministrationRights(organization).canAdminister
}
