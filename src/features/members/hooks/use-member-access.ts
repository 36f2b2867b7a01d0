import { useQueries, useQuery } from '@tanstack/react-query'
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
 * One member's roles in every project of the organization, from each project's cached role
 * assignments (the same queries the project pages read, so a change anywhere shows everywhere).
 * Only for organization admins: `enabled` false asks nothing.
 */
export function useMemberAccess(organization: string, userId: string, enabled: boolean): MemberAccess {
  const list = useQuery({ ...projectQueries.list(organization), enabled })
  const perProject = useQueries({
    queries: (enabled ? (list.data ?? []) : []).map((project) =>
      projectQueries.roleAssignments(organization, project.name),
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
