import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { isApiError } from '../../../api/client'
import type { RoleAssignment } from '../../../api/model'
import { userQueries } from '../../auth/queries'
import { memberQueries } from '../../members/queries'
import { projectQueries } from '../../projects/queries'
import { buildAccessMatrix } from '../lib/access-matrix'

/** The projects' role-assignment queries, as the matrix needs them (stable while no answer changes). */
function combineAssignments(results: UseQueryResult<RoleAssignment[]>[]) {
  return {
    lists: results.map((result) => result.data),
    /** per project: '1' when the caller may not read its roles (403), '0' otherwise */
    hidden: results.map((result) => (isApiError(result.error, 403) ? '1' : '0')).join(''),
    loadingCount: results.filter((result) => result.isPending).length,
    failed: results.filter((result) => result.error && !isApiError(result.error, 403)),
  }
}

/**
 * Everything the access matrix shows: the members, the projects and every project's role
 * assignments, each its own cached query (projectQueries.roleAssignments, the one the project page
 * reads too), asked at once and held to six in flight by the projects' read bound.
 */
export function useAccessData(organization: string) {
  const me = useQuery(userQueries.me())
  const members = useQuery(memberQueries.list(organization))
  const projects = useQuery(projectQueries.list(organization))
  const names = useMemo(() => projects.data?.map((project) => project.name) ?? [], [projects.data])
  const assignments = useQueries({
    queries: names.map((project) => ({
      ...projectQueries.roleAssignments(organization, project),
      // A 403 (not a project admin) is an answer here: that project's roles are not for this viewer.
      retry: (failures: number, error: Error) => !isApiError(error, 403) && failures < 2,
    })),
    combine: combineAssignments,
  })

  // Rebuilt only when an answer changes (combine keeps `lists` while none does), not per keystroke.
  const { lists, hidden } = assignments
  const matrix = useMemo(() => {
    if (!members.data || !projects.data) return null
    const all: RoleAssignment[] = []
    for (const list of lists) if (list) all.push(...list)
    return buildAccessMatrix(members.data, names, all)
  }, [members.data, projects.data, names, lists])
  const hiddenProjects = useMemo(
    () => new Set(names.filter((_, index) => hidden[index] === '1')),
    [names, hidden],
  )

  const myEmail = me.data?.email.toLowerCase()
  const self = members.data?.find((member) => member.id === me.data?.id || member.email.toLowerCase() === myEmail)
  const canAdminister = me.data?.staff === true || self?.admin === true
  const failed = assignments.failed[0]
  return {
    matrix,
    hiddenProjects,
    isPending: members.isPending || projects.isPending,
    loadingCount: assignments.loadingCount,
    projectCount: names.length,
    error: members.error ?? projects.error ?? failed?.error ?? null,
    retry: () => {
      if (members.error) void members.refetch()
      if (projects.error) void projects.refetch()
      for (const result of assignments.failed) void result.refetch()
    },
    canAdminister,
  }
}
