import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Project, RoleAssignment } from '../../../api/model'
import { projectQueries } from '../../projects/queries'
import { rolesOfMember } from '../lib/member-access'

export interface MemberAccess {
  /** the organization's projects, once known */
  projects: readonly Project[] | undefined
  /** the member's project-wide roles, by project then role; undefined until every project answered */
  assignments: RoleAssignment[] | undefined
  isPending: boolean
  /** the first failure, of the projects list or of a project's roles */
  error: unknown
  retry: () => void
}

/**
 * One member's roles in every project of the organization: one request per project for this
 * member's roles alone (projectQueries.userRoles), or none where the project's whole list is
 * cached already (the access matrix's, the project page's). A change anywhere shows everywhere,
 * as the mutations update both caches. Only for organization admins: `enabled` false asks nothing.
 */
export function useMemberAccess(organization: string, userId: string, enabled: boolean): MemberAccess {
  const queryClient = useQueryClient()
  const list = useQuery({ ...projectQueries.list(organization), enabled })
  const perProject = useQueries({
    queries: (enabled ? (list.data ?? []) : []).map((project) =>
      projectQueries.userRoles(organization, project.name, userId, queryClient),
    ),
  })
  const failed = list.isError ? list : perProject.find((query) => query.isError)
  const isPending = list.isPending || perProject.some((query) => query.isPending)
  const assignments = isPending
    ? undefined
    : rolesOfMember(
        userId,
        perProject.map((query) => query.data ?? []),
      )
  return {
    projects: list.data,
    assignments,
    isPending,
    error: failed?.error,
    retry: () => {
      if (list.isError) void list.refetch()
      for (const query of perProject) if (query.isError) void query.refetch()
    },
  }
}
