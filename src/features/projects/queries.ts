// Projects of an organization, their users, roles and role assignments: the key factory, the
// queryOptions and the mutations. Every answer leaves src/api as the dashboard's model, and the
// generation is read from the project's own answer, so nothing outside src/api/project-answers.ts
// knows how the two generations differ.
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { PROJECT_ROLES } from '../../../domain/project'
import { requestAnswer } from '../../api/answers'
import { apiRequest, isApiError, segment } from '../../api/client'
import type { Project, RoleAssignment } from '../../api/model'
import {
  creditLimitRequest,
  projectOf,
  projectRoleOf,
  projectUserOf,
  roleAssignmentRequest,
  roleAssignmentsOf2022,
  roleAssignmentsOfCurrent,
} from '../../api/project-answers'
import { organizationQueries } from '../organizations/queries'

const projectPath = (project: string) => `/projects/${segment(project)}`
const projectUsersPath = (project: string) => `${projectPath(project)}/users`
const roleAssignmentsPath = (project: string) => `${projectPath(project)}/role-assignments`

/**
 * The generation a project's answers come in: read from the cached projects list when it holds
 * the project (every page that lists roles has it), else from the project's detail.
 */
async function generationOf(client: QueryClient, organization: string, project: string) {
  const listed = client
    .getQueryData(projectQueries.list(organization).queryKey)
    ?.find((candidate) => candidate.name === project)
  return (listed ?? (await client.ensureQueryData(projectQueries.detail(organization, project)))).generation
}

export const projectQueries = {
  /** Everything cached about the organization's projects starts with this. */
  all: (organization: string) => [...organizationQueries.scope(organization), 'projects'] as const,
  /** Everything cached about one project (detail, users, roles, role assignments). */
  scope: (organization: string, project: string) =>
    [...projectQueries.all(organization), 'project', project] as const,
  /** GET /projects?organization=: the caller's projects, all of them for an organization admin. */
  list: (organization: string) =>
    queryOptions({
      queryKey: [...projectQueries.all(organization), 'list'] as const,
      queryFn: async ({ signal }): Promise<Project[]> => {
        const answer = await requestAnswer(
          'projectList',
          `/projects?organization=${encodeURIComponent(organization)}`,
          { signal },
        )
        return answer.map(projectOf).sort((a, b) => a.name.localeCompare(b.name))
      },
    }),
  detail: (organization: string, project: string) =>
    queryOptions({
      queryKey: [...projectQueries.scope(organization, project), 'detail'] as const,
      queryFn: async ({ signal }) =>
        projectOf(await requestAnswer('project', projectPath(project), { signal })),
    }),
  /** The project's users, by email. */
  users: (organization: string, project: string) =>
    queryOptions({
      queryKey: [...projectQueries.scope(organization, project), 'users'] as const,
      queryFn: async ({ signal }) =>
        (await requestAnswer('projectUserList', projectUsersPath(project), { signal }))
          .map(projectUserOf)
          .sort((a, b) => a.email.localeCompare(b.email)),
    }),
  /** The roles that can be given in the project. */
  roles: (organization: string, project: string) =>
    queryOptions({
      queryKey: [...projectQueries.scope(organization, project), 'roles'] as const,
      queryFn: async ({ signal }) =>
        (await requestAnswer('roleList', `${projectPath(project)}/roles`, { signal })).map(projectRoleOf),
      staleTime: 5 * 60_000,
    }),
  /**
   * Every user's project-wide roles in the project (project admins and organization admins may
   * read them; others get a 403, which the views say). Current generation: one request; 2022:
   * one per project user (held to six in flight with every other request by apiRequest).
   */
  roleAssignments: (organization: string, project: string) =>
    queryOptions({
      queryKey: [...projectQueries.scope(organization, project), 'role-assignments'] as const,
      queryFn: async ({ signal, client }): Promise<RoleAssignment[]> => {
        if ((await generationOf(client, organization, project)) === 'current') {
          const answer = await requestAnswer(
            'roleAssignmentCurrentList',
            `${roleAssignmentsPath(project)}?assignee_type=user`,
            { signal },
          )
          return roleAssignmentsOfCurrent(answer, project)
        }
        const users = await client.fetchQuery(projectQueries.users(organization, project))
        const perUser = await Promise.all(
          users.map((user) =>
            requestAnswer(
              'roleAssignment2022List',
              `${projectUsersPath(project)}/${segment(user.id)}/role-assignments`,
              { signal },
            ),
          ),
        )
        return roleAssignmentsOf2022(perUser.flat(), project)
      },
    }),
  /** Every user's cached userRoles of the project start with this. */
  userRolesScope: (organization: string, project: string) =>
    [...projectQueries.scope(organization, project), 'user-roles'] as const,
  /**
   * One user's project-wide roles in the project, in one request in either generation (2022: the
   * user's own list, a 404 when they are not a project user, which is no role; current: the list
   * filtered by assignee); null when the API does not let the caller read them (403). While the
   * project's whole list (roleAssignments, the access matrix's) is in `cache`, that answers first
   * (TanStack's "initial data from the cache"), and is asked again only once it is stale.
   */
  userRoles: (organization: string, project: string, userId: string, cache?: QueryClient) => {
    const whole = projectQueries.roleAssignments(organization, project).queryKey
    return queryOptions({
      queryKey: [...projectQueries.userRolesScope(organization, project), userId] as const,
      queryFn: async ({ signal, client }): Promise<RoleAssignment[] | null> => {
        try {
          if ((await generationOf(client, organization, project)) === 'current') {
            const answer = await requestAnswer(
              'roleAssignmentCurrentList',
              `${roleAssignmentsPath(project)}?assignee=${encodeURIComponent(userId)}&assignee_type=user`,
              { signal },
            )
            return roleAssignmentsOfCurrent(answer, project).filter(
              (assignment) => assignment.userId === userId,
            )
          }
          const answer = await requestAnswer(
            'roleAssignment2022List',
            `${projectUsersPath(project)}/${segment(userId)}/role-assignments`,
            { signal },
          )
          return roleAssignmentsOf2022(answer, project)
        } catch (error) {
          if (isApiError(error, 403)) return null
          if (isApiError(error, 404) && (await generationOf(client, organization, project)) === '2022')
            return []
          throw error
        }
      },
      initialData: () => cache?.getQueryData(whole)?.filter((assignment) => assignment.userId === userId),
      initialDataUpdatedAt: () => cache?.getQueryState(whole)?.dataUpdatedAt,
    })
  },
}

/**
 * The role names a project offers (`project` '' while none is chosen); the three every project has
 * (domain/project.ts) until its own list is in.
 */
export function useProjectRoleNames(organization: string, project: string): readonly string[] {
  const roles = useQuery({ ...projectQueries.roles(organization, project), enabled: project !== '' })
  return roles.data?.map((role) => role.name) ?? PROJECT_ROLES
}

/** Everything a change of the project's people or roles touches: its users, assignments, counts. */
export async function invalidateProjectAccess(
  queryClient: QueryClient,
  organization: string,
  project: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: projectQueries.scope(organization, project) }),
    queryClient.invalidateQueries({ queryKey: projectQueries.list(organization).queryKey }),
  ])
}

export interface GiveRole {
  project: string
  /** A member's id, or a service user's of the project (`isServiceUser`). */
  userId: string
  role: string
  /** The assignee is a service user of the project: it holds roles without being a project user. */
  isServiceUser?: boolean
}

/**
 * Gives `userId` the role on the whole project. A member of the organization who is not yet a
 * user of the project is added to it first, since the API refuses roles to non-users; a service
 * user is named as the assignee as it is. Does not invalidate: the callers do, once for a batch.
 */
export async function giveRole(
  queryClient: QueryClient,
  organization: string,
  { project, userId, role, isServiceUser = false }: GiveRole,
  signal?: AbortSignal,
): Promise<RoleAssignment> {
  const [generation, users] = await Promise.all([
    generationOf(queryClient, organization, project),
    isServiceUser ? [] : queryClient.fetchQuery(projectQueries.users(organization, project)),
  ])
  if (!isServiceUser && !users.some((user) => user.id === userId)) {
    try {
      await apiRequest(projectUsersPath(project), { method: 'POST', body: { user_id: userId }, signal })
    } catch (error) {
      // Added meanwhile (another tab, another admin): a user already, which is what was wanted.
      if (!isApiError(error, 400) || !/already/i.test(error.message)) throw error
    }
  }
  const body = roleAssignmentRequest(generation, project, userId, role)
  if (generation === '2022') {
    const answer = await requestAnswer('roleAssignment2022', roleAssignmentsPath(project), {
      method: 'POST',
      body,
      signal,
    })
    return (
      roleAssignmentsOf2022([answer], project)[0] ?? { id: answer.id, projectName: project, userId, role }
    )
  }
  const answer = await requestAnswer('roleAssignmentCurrent', roleAssignmentsPath(project), {
    method: 'POST',
    body,
    signal,
  })
  return (
    roleAssignmentsOfCurrent([answer], project)[0] ?? { id: answer.id, projectName: project, userId, role }
  )
}

/** DELETE one role assignment. Does not invalidate: the callers do. */
export async function takeRole(assignment: RoleAssignment, signal?: AbortSignal): Promise<void> {
  await apiRequest<void>(`${roleAssignmentsPath(assignment.projectName)}/${segment(assignment.id)}`, {
    method: 'DELETE',
    signal,
  })
}

/**
 * Puts or replaces assignments in a project's cached lists (the whole list and each user's), so
 * a change shows before the refetch, wherever it is shown.
 */
function setAssignments(
  queryClient: QueryClient,
  organization: string,
  project: string,
  update: (assignments: RoleAssignment[]) => RoleAssignment[],
) {
  queryClient.setQueryData(projectQueries.roleAssignments(organization, project).queryKey, (assignments) =>
    assignments ? update(assignments) : assignments,
  )
  const perUser = queryClient.getQueriesData<RoleAssignment[] | null>({
    queryKey: projectQueries.userRolesScope(organization, project),
  })
  for (const [queryKey, assignments] of perUser) {
    const userId = queryKey.at(-1)
    if (assignments)
      queryClient.setQueryData(
        queryKey,
        update(assignments).filter((assignment) => assignment.userId === userId),
      )
  }
}

/** Stops the refetches of a project's role lists, whose answers would overwrite a change being shown. */
const cancelRoleReads = (queryClient: QueryClient, organization: string, project: string) =>
  Promise.all([
    queryClient.cancelQueries({ queryKey: projectQueries.roleAssignments(organization, project).queryKey }),
    queryClient.cancelQueries({ queryKey: projectQueries.userRolesScope(organization, project) }),
  ])

/** A placeholder for an assignment being given: its id is unknown until the API answers. */
const pendingId = (userId: string, role: string) => `pending:${userId}:${role}`

/** Whether an assignment is one being given, not yet answered by the API. */
export const isPendingAssignment = (assignment: RoleAssignment) => assignment.id.startsWith('pending:')

/**
 * Gives a role, optimistically: it shows in the project's list at once and leaves it again if the
 * API refuses; the project's users, assignments and the projects list are asked again afterwards.
 */
export function useGiveRole(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: GiveRole) => giveRole(queryClient, organization, change),
    onMutate: async ({ project, userId, role }) => {
      await cancelRoleReads(queryClient, organization, project)
      setAssignments(queryClient, organization, project, (list) => [
        ...list,
        { id: pendingId(userId, role), projectName: project, userId, role },
      ])
    },
    onError: (_error, { project, userId, role }) =>
      setAssignments(queryClient, organization, project, (list) =>
        list.filter((assignment) => assignment.id !== pendingId(userId, role)),
      ),
    onSettled: (_data, _error, { project }) => invalidateProjectAccess(queryClient, organization, project),
  })
}

export interface ChangeRole {
  assignment: RoleAssignment
  role: string
}

/**
 * Changes a user's role in a project: the new role is given first, then the old one taken away,
 * so that they are never left without access in between. Shown at once, put back on refusal.
 */
export function useChangeRole(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ assignment, role }: ChangeRole) => {
      const given = await giveRole(queryClient, organization, {
        project: assignment.projectName,
        userId: assignment.userId,
        role,
      })
      await takeRole(assignment)
      return given
    },
    onMutate: async ({ assignment, role }) => {
      await cancelRoleReads(queryClient, organization, assignment.projectName)
      setAssignments(queryClient, organization, assignment.projectName, (list) =>
        list.map((existing) => (existing.id === assignment.id ? { ...existing, role } : existing)),
      )
    },
    onError: (_error, { assignment }) =>
      setAssignments(queryClient, organization, assignment.projectName, (list) =>
        list.map((existing) => (existing.id === assignment.id ? assignment : existing)),
      ),
    onSettled: (_data, _error, { assignment }) =>
      invalidateProjectAccess(queryClient, organization, assignment.projectName),
  })
}

/**
 * Takes a role away: the request behind the undo toast, sent when the undo window ends. A plain
 * function, as the member removal, since it must still run after the panel that scheduled it is
 * closed. The role leaves the cached list first and comes back if the API refuses.
 */
export async function removeRoleAssignment(
  queryClient: QueryClient,
  organization: string,
  assignment: RoleAssignment,
): Promise<void> {
  const drop = () =>
    setAssignments(queryClient, organization, assignment.projectName, (list) =>
      list.filter((existing) => existing.id !== assignment.id),
    )
  drop()
  try {
    await cancelRoleReads(queryClient, organization, assignment.projectName)
    drop()
    await takeRole(assignment)
  } finally {
    await invalidateProjectAccess(queryClient, organization, assignment.projectName)
  }
}

export interface CreateProject {
  name: string
}

/** POST /projects (organization admins): the list and the organization's resource counts change. */
export function useCreateProject(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ name }: CreateProject) =>
      projectOf(
        await requestAnswer('project', '/projects', {
          method: 'POST',
          body: { name, organization_name: organization },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectQueries.list(organization).queryKey }),
        queryClient.invalidateQueries({ queryKey: organizationQueries.resources(organization).queryKey }),
      ]),
  })
}

/** DELETE /projects/{name} (organization admins): it leaves the list, its cache goes. */
export function useDeleteProject(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (project: string) => apiRequest<void>(projectPath(project), { method: 'DELETE' }),
    onSuccess: async (_data, project) => {
      queryClient.setQueryData(projectQueries.list(organization).queryKey, (list) =>
        list?.filter((existing) => existing.name !== project),
      )
      queryClient.removeQueries({ queryKey: projectQueries.scope(organization, project) })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectQueries.list(organization).queryKey }),
        queryClient.invalidateQueries({ queryKey: organizationQueries.resources(organization).queryKey }),
      ])
    },
  })
}

/** One project's new credit limit (credits; null clears it), as the limit form and the budget split send it. */
export interface CreditLimitChange {
  project: Project
  limit: number | null
}

/**
 * Sets, changes or clears projects' credit limits (PATCH /projects/{name}, organization and project
 * admins), one project after another so that a refusal stops the rest where it happened; the
 * list and each project changed are asked again, since the answers say whether they are suspended.
 */
export function useSetCreditLimits(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (changes: readonly CreditLimitChange[]) => {
      const updated: Project[] = []
      for (const { project, limit } of changes)
        updated.push(
          projectOf(
            await requestAnswer('project', projectPath(project.name), {
              method: 'PATCH',
              body: creditLimitRequest(project.generation, limit),
            }),
          ),
        )
      return updated
    },
    onSettled: async (_data, _error, changes) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectQueries.list(organization).queryKey }),
        ...changes.map(({ project }) =>
          queryClient.invalidateQueries({
            queryKey: projectQueries.detail(organization, project.name).queryKey,
          }),
        ),
      ])
    },
  })
}

export type GiveRoleOutcome = GiveRole &
  ({ ok: true; assignment: RoleAssignment } | { ok: false; error: unknown })

/**
 * Gives one member several project roles, one after another (two roles in one project must not
 * race to add them to it), each failure reported with its pair rather than stopping the rest.
 * Every project touched is asked again afterwards.
 */
export function useGiveRoles(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (changes: readonly GiveRole[]): Promise<GiveRoleOutcome[]> => {
      const outcomes: GiveRoleOutcome[] = []
      for (const change of changes) {
        try {
          outcomes.push({
            ...change,
            ok: true,
            assignment: await giveRole(queryClient, organization, change),
          })
        } catch (error) {
          outcomes.push({ ...change, ok: false, error })
        }
      }
      return outcomes
    },
    onSettled: (_data, _error, changes) =>
      Promise.all(
        [...new Set(changes.map((change) => change.project))].map((project) =>
          invalidateProjectAccess(queryClient, organization, project),
        ),
      ),
  })
}

export interface SetRoles {
  project: string
  userId: string
  /** what the user holds there now (the cell as shown) */
  held: readonly RoleAssignment[]
  /** the roles they should hold there afterwards; none takes every role away */
  wanted: readonly string[]
  /** `userId` is a service user of the project (see GiveRole) */
  isServiceUser?: boolean
}

/** One role given or taken while setting a user's roles, and how it went. */
export type RoleChangeOutcome = { role: string; action: 'give' | 'take' } & (
  { ok: true } | { ok: false; error: unknown }
)

/**
 * Sets a user's (or service user's) project-wide roles in one project to exactly `wanted`: the
 * missing roles are given first, one after another, then the others taken away, so that a change
 * of role never leaves them without access in between. Every change is tried, and its outcome
 * returned, in that order. Does not invalidate: the callers do.
 */
export async function setProjectRoles(
  queryClient: QueryClient,
  organization: string,
  { project, userId, held, wanted, isServiceUser }: SetRoles,
): Promise<RoleChangeOutcome[]> {
  const outcomes: RoleChangeOutcome[] = []
  const holding = new Set(held.map((assignment) => assignment.role))
  for (const role of wanted.filter((name) => !holding.has(name)))
    try {
      await giveRole(queryClient, organization, { project, userId, role, isServiceUser })
      outcomes.push({ role, action: 'give', ok: true })
    } catch (error) {
      outcomes.push({ role, action: 'give', ok: false, error })
    }
  for (const assignment of held.filter((existing) => !wanted.includes(existing.role)))
    try {
      await takeRole(assignment)
      outcomes.push({ role: assignment.role, action: 'take', ok: true })
    } catch (error) {
      outcomes.push({ role: assignment.role, action: 'take', ok: false, error })
    }
  return outcomes
}

/**
 * Sets a user's project-wide roles in one project to exactly `wanted` (the access matrix's cell;
 * setProjectRoles): the cell shows the wanted roles at once, and the project's lists are asked
 * again afterwards, so a refused change shows what the server holds.
 */
export function useSetRoles(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: SetRoles): Promise<RoleChangeOutcome[]> =>
      setProjectRoles(queryClient, organization, change),
    onMutate: async ({ project, userId, held, wanted }) => {
      await cancelRoleReads(queryClient, organization, project)
      const holding = new Set(held.map((assignment) => assignment.role))
      setAssignments(queryClient, organization, project, (list) => [
        ...list.filter((assignment) => assignment.userId !== userId || wanted.includes(assignment.role)),
        ...wanted
          .filter((role) => !holding.has(role))
          .map((role) => ({ id: pendingId(userId, role), projectName: project, userId, role })),
      ])
    },
    onSettled: (_data, _error, { project }) => invalidateProjectAccess(queryClient, organization, project),
  })
}
