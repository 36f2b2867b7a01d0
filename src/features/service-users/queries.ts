// Service users of an organization's projects: the key factory, the queryOptions and the
// mutations. Each project's list is its own query, read behind the app's one bound of API requests (six in
// flight), so an organization of forty projects never floods the API.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { requestAnswer } from '../../api/answers'
import { apiRequest, segment } from '../../api/client'
import type { RoleAssignment } from '../../api/model'
import { serviceUserOf, type ServiceUser } from '../../api/service-user-answers'
import { giveRole, invalidateProjectAccess, projectQueries, setProjectRoles } from '../projects/queries'

const serviceUsersPath = (project: string) => `/projects/${segment(project)}/service-users`
const serviceUserPath = (project: string, id: string) => `${serviceUsersPath(project)}/${segment(id)}`

export const serviceUserQueries = {
  /** Everything cached about one project's service users. */
  scope: (organization: string, project: string) =>
    [...projectQueries.scope(organization, project), 'service-users'] as const,
  /**
   * GET /projects/{name}/service-users: oldest first. Project admins and organization admins may
   * read it; anyone else gets a 403, which the page takes as "not yours to manage".
   */
  list: (organization: string, project: string) =>
    queryOptions({
      queryKey: [...serviceUserQueries.scope(organization, project), 'list'] as const,
      queryFn: async ({ signal }): Promise<ServiceUser[]> =>
        (await requestAnswer('serviceUserList', serviceUsersPath(project), { signal })).map((answer) =>
          serviceUserOf(answer, project),
        ),
    }),
  /**
   * A service user's roles on its project, read as a person's are (projectQueries.userRoles: the
   * current generation's list filtered by assignee, the 2022 per-user list); null on a 403.
   */
  roles: (organization: string, serviceUser: Pick<ServiceUser, 'id' | 'projectName'>) =>
    projectQueries.userRoles(organization, serviceUser.projectName, serviceUser.id),
}

export interface CreateServiceUser {
  project: string
  name: string
  /** `YYYY-MM-DD` (the start of that UTC day), or null for no expiry; sent only where the API has expiries. */
  expiryDate: string | null
  /** The role to give it on the project, or null for none. */
  role: string | null
}

/** A service user with the token its create or reset answered: shown once, kept nowhere else. */
export interface ServiceUserWithToken {
  serviceUser: ServiceUser
  token: string
  /** Why the role asked for at creation was not given (the service user and its token exist all the same). */
  roleError?: unknown
}

/**
 * POST .../service-users, then the role on the project (POST .../role-assignments, as the WebApp
 * does it: two requests). The token is in the first answer only, so a refused role does not fail the
 * creation: it comes back as `roleError` beside the token. The project's lists are asked again.
 */
export function useCreateServiceUser(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({
      project,
      name,
      expiryDate,
      role,
    }: CreateServiceUser): Promise<ServiceUserWithToken> => {
      const { token, ...answer } = await requestAnswer('serviceUserCreated', serviceUsersPath(project), {
        method: 'POST',
        body: expiryDate ? { name, expiry_date: expiryDate } : { name },
      })
      const serviceUser = serviceUserOf(answer, project)
      if (role === null) return { serviceUser, token }
      try {
        await giveRole(queryClient, organization, {
          project,
          userId: serviceUser.id,
          role,
          isServiceUser: true,
        })
        return { serviceUser, token }
      } catch (roleError) {
        return { serviceUser, token, roleError }
      }
    },
    onSuccess: ({ serviceUser }) =>
      invalidateProjectAccess(queryClient, organization, serviceUser.projectName),
  })
}

export interface SetServiceUserRole {
  serviceUser: ServiceUser
  /** What it holds on its project now, as shown. */
  held: readonly RoleAssignment[]
  /** The one role it should hold afterwards; null takes every role away. */
  role: string | null
}

/**
 * Sets a service user's role on its project to exactly `role` (the new one given before the old
 * ones are taken, so its token is never without access in between; projects' setProjectRoles).
 * Fails with the first refusal; the project's lists are asked again either way, so the page shows
 * what the server holds.
 */
export function useSetServiceUserRole(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ serviceUser, held, role }: SetServiceUserRole) => {
      const outcomes = await setProjectRoles(queryClient, organization, {
        project: serviceUser.projectName,
        userId: serviceUser.id,
        held,
        wanted: role === null ? [] : [role],
        isServiceUser: true,
      })
      const refused = outcomes.find((outcome) => !outcome.ok)
      if (refused && !refused.ok) throw refused.error
    },
    onSettled: (_data, _error, { serviceUser }) =>
      invalidateProjectAccess(queryClient, organization, serviceUser.projectName),
  })
}

/** PUT .../service-users/{id}/token: a new token (shown once); the old one stops working at once. */
export function useResetServiceUserToken(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (serviceUser: ServiceUser): Promise<ServiceUserWithToken> => {
      const { token } = await requestAnswer(
        'serviceUserToken',
        `${serviceUserPath(serviceUser.projectName, serviceUser.id)}/token`,
        { method: 'PUT' },
      )
      return { serviceUser, token }
    },
    onSuccess: ({ serviceUser }) =>
      queryClient.invalidateQueries({
        queryKey: serviceUserQueries.scope(organization, serviceUser.projectName),
      }),
  })
}

/** DELETE .../service-users/{id}: it leaves its project's list at once, and the list is asked again. */
export function useDeleteServiceUser(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (serviceUser: ServiceUser) =>
      apiRequest<void>(serviceUserPath(serviceUser.projectName, serviceUser.id), { method: 'DELETE' }),
    onSuccess: async (_data, serviceUser) => {
      const { queryKey } = serviceUserQueries.list(organization, serviceUser.projectName)
      queryClient.setQueryData(queryKey, (list) => list?.filter((existing) => existing.id !== serviceUser.id))
      await queryClient.invalidateQueries({ queryKey })
    },
  })
}
