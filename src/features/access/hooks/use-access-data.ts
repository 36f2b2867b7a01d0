import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useMemo } from 'react'
import { isApiError } from '../../../api/client'
import type { RoleAssignment } from '../../../api/model'
import { userQueries } from '../../auth/queries'
import { memberQueries } from '../../members/queries'
import { projectQueries } from '../../projects/queries'
import {
  buildAccessMatrix,
  compareMembers,
  PROJECT_ADMIN,
  type AccessMatrix,
  type ProjectAnswer,
} from '../lib/access-matrix'

/**
 * The projects' role-assignment queries as the matrix reads them: each project with its state,
 * and its assignments once they are in (one value, so that a project is never counted as in
 * before its roles are).
 */
function combineAssignments(results: UseQueryResult<RoleAssignment[]>[]) {
  return {
    answers: results.map((result): ProjectAnswer =>
      result.data
        ? { state: 'ready', assignments: result.data }
        : { state: isApiError(result.error, 403) ? 'hidden' : result.error ? 'failed' : 'loading' },
    ),
    failed: results.filter((result) => result.error && !isApiError(result.error, 403)),
  }
}

/** What useAccessData gives the page. */
export interface AccessData {
  /** the members × projects, each project counted and flagged only once its roles are in (see ProjectRoles) */
  matrix: AccessMatrix | null
  /** the members or the projects are still loading */
  isPending: boolean
  /** the members or the projects could not be loaded: nothing to show */
  error: Error | null
  retry: () => void
  /** the first failure of a project's roles (its column says so), and a retry of every failed one */
  columnError: Error | null
  retryColumns: () => void
  /** the viewer is an admin of the organization (or staff): every project's roles are theirs to change */
  isOrganizationAdmin: boolean
  /** whether the viewer may change roles in the project (as the API allows) */
  canEdit: (project: string) => boolean
  /** members holding no role in any project, once every project's roles are in (else 0) */
  noRoleCount: number
}

/**
 * Everything the access matrix shows: the members, the projects and every project's role
 * assignments, each its own cached query (projectQueries.roleAssignments, the one the project page
 * and a member's panel read too), asked at once and held to six in flight, with every other request, by the API
 * bound. Also who may change what: organization admins and staff every project's roles, a project
 * admin those of their projects (as the API allows).
 */
export function useAccessData(organization: string): AccessData {
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
  // Rebuilt only when an answer changes (combine keeps its result while none does), not per
  // keystroke; at low priority (useDeferredValue): forty answers in a row never hold up typing, and
  // React may skip a rebuild that a newer answer has made stale. The states and the assignments
  // are deferred as one value: a project whose roles are not drawn yet is not counted as in.
  const answers = useDeferredValue(assignments.answers)
  const matrix = useMemo(() => {
    if (!sortedMembers || !projects.data) return null
    return buildAccessMatrix(
      sortedMembers,
      // The names and the answers may be of two renders: a project without its answer is loading.
      names.map((project, index) => ({ ...(answers[index] ?? { state: 'loading' }), project })),
    )
  }, [sortedMembers, projects.data, names, answers])

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
  const noRoleCount = useMemo(
    () => (matrix?.isComplete ? matrix.rows.filter((row) => row.hasNoRole).length : 0),
    [matrix],
  )
  const canEdit = useCallback(
    (project: string) =>
      isOrganizationAdmin ||
      (ownRow?.cells.get(project)?.some((assignment) => assignment.role === PROJECT_ADMIN) ?? false),
    [isOrganizationAdmin, ownRow],
  )
  const failed = assignments.failed[0]
  return {
    matrix,
    isPending: members.isPending || projects.isPending,
    error: members.error ?? projects.error ?? null,
    retry: () => {
      if (members.error) void members.refetch()
      if (projects.error) void projects.refetch()
    },
    columnError: failed?.error ?? null,
    retryColumns: () => {
      for (const result of assignments.failed) void result.refetch()
    },
    isOrganizationAdmin,
    canEdit,
    noRoleCount,
  }
}
