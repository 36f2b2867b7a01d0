import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { Member } from '../../../api/types'
import { userQueries } from '../../auth/queries'

export interface ListRights {
  /** May add, remove and change roles. False until it is known (no controls flash in). */
  canAdminister: boolean
  /** The caller and the list are in (or the list was not needed: platform staff). */
  isKnown: boolean
}

/**
 * The caller's rights on the members page, read from the member list the page shows anyway:
 * platform staff, or the caller's own row (by id, else by email) marked admin. No request of its
 * own: GET users/{id}, the cheap check other pages use, is admin-only and would be refused to
 * the plain members this page also serves.
 */
export function useRightsFromList(list: UseQueryResult<Member[]>): ListRights {
  const me = useQuery(userQueries.me())
  if (!me.data) return { canAdminister: false, isKnown: false }
  if (me.data.staff === true) return { canAdminister: true, isKnown: true }
  const myEmail = me.data.email.toLowerCase()
  const self = list.data?.find((member) => member.id === me.data.id || member.email.toLowerCase() === myEmail)
  return { canAdminister: self?.admin === true, isKnown: list.isSuccess }
}
