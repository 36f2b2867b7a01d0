import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useMemo } from 'react'
import { isApiError } from '../../../api/client'
import type { RoleAssignment } from '../../../api/model'
import { userQueries } from '../../auth/queries'
import { memberQueries } from '../../members/queries'
import { projectQueries } from '../../projects/queries'
import { buildAccessMatrix, compareMembers, PROJECT_ADMIN } from '../lib/access-matrix'

/** Where a project's column stands: its roles loading, shown, not for this viewer (403), or failed. */
export type ColumnState = 'loading' | 'ready' | 'hidden' | 'failed'

const STATE_CODES: Record<string, ColumnState> = { l: 'loading', r: 'ready', h: 'hidden', f: 'failed' }

/** The projects' role-assignment queries, as the matrix needs them (stable while no answer changes). */
function combineAssignments(results: UseQueryResult<RoleAssignment[]>[]) {
  return {
    lists: results.map((result) => result.data),
    /** one letter per project (see STATE_CODES): a string, so that it stays equal while nothing changes */
    states: results
      .map((result) => (result.data ? 'r' : isApiError(result.error, 403) ? 'h' : result.error ? 'f' : 'l'))
      .join(''),
    failed: results.filter((result) => result.error && !isApiError(result.error, 403)),
  }
}

/**
 * Everything the access matrix shows: the members, the projects and every project's role
 * assignments, each its own cached query (projectQueries.roleAssignments, the one the project page
 * and a member's panel read too), asked at once and held to six in flight, with every other request, by the API
 * bound. Also who may change what: organization admins and staff every project's roles, a project
 * admin those of their projects (as the API allows).
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

  // Sorted once per members answer, so that each rebuild below sorts in linear time.
  const sortedMembers = useMemo(() => members.data && [...members.data].sort(compareMembers), [members.data])
  // Rebuilt only when an answer changes (combine keeps `lists` while none does), not per keystroke;
  // at low priority (useDeferredValue): forty answers in a row never hold up typing, and React may
  // skip a rebuild that a newer answer has made stale.
  const { lists: latestLists, states } = assignments
  const lists = useDeferredValue(latestLists)
  const matrix = useMemo(() => {
    if (!sortedMembers || !projects.data) return null
    const all: RoleAssignment[] = []
    for (const list of lists) if (list) all.push(...list)
    return buildAccessMatrix(sortedMembers, names, all)
  }, [sortedMembers, projects.data, names, lists])
  const columnStates = useMemo(
    () => new Map(names.map((name, index) => [name, STATE_CODES[states[index] ?? 'l']!])),
    [names, states],
  )

  // Found once per answer, not on each render (a keystroke renders the page: 10,000 rows to scan).
  const self = useMemo(() => {
    const myEmail = me.data?.email.toLowerCase()
    return members.data?.find((member) => member.id === me.data?.id || member.email.toLowerCase() === myEmail)
  }, [members.data, me.data])
  const isOrganizationAdmin = me.data?.staff === true || self?.admin === true
  const ownRow = useMemo(
    () => (self ? matrix?.rows.find((row) => row.member.id === self.id) : undefined),
    [self, matrix],
  )
  const noRoleCount = useMemo(() => matrix?.rows.filter((row) => row.hasNoRole).length ?? 0, [matrix])
  const canEdit = useCallback(
    (project: string) =>
      isOrganizationAdmin ||
      (ownRow?.cells.get(project)?.some((assignment) => assignment.role === PROJECT_ADMIN) ?? false),
    [isOrganizationAdmin, ownRow],
  )
  const failed = assignments.failed[0]
  return {
    matrix,
    columnStates,
    isPending: members.isPending || projects.isPending,
    loadingCount: [...states].filter((state) => state === 'l').length,
    projectCount: names.length,
    /** the members or the projects could not be loaded: nothing to show */
    error: members.error ?? projects.error ?? null,
    retry: () => {
      if (members.error) void members.refetch()
      if (projects.error) void projects.refetch()
    },
    /** the first failure of a project's roles (its column says so), and a retry of every failed one */
    columnError: failed?.error ?? null,
    retryColumns: () => {
      for (const result of assignments.failed) void result.refetch()
    },
    isOrganizationAdmin,
    canEdit,
    /** members holding no role in any project of the matrix (meaningful once every column is ready) */
    noRoleCount,
  }
}
