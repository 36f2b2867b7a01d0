// Service users of an organization's projects: the key factory, the queryOptions and the
// mutations. Each project's list is its own query, read behind the app's one bound of API requests (six in
// flight), so an organization of forty projects never floods the API.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { requestAnswer } from '../../api/answers'
import { apiRequest, segment } from '../../api/client'
import { serviceUserOf, type ServiceUser } from '../../api/service-user-answers'
import { projectQueries } from '../projects/queries'

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
}

export interface CreateServiceUser {
  project: string
  name: string
  /** `YYYY-MM-DD` (the start of that UTC day), or null for no expiry; sent only where the API has expiries. */
  expiryDate: string | null
}

/** A service user with the token its create or reset answered: shown once, kept nowhere else. */
export interface ServiceUserWithToken {
  serviceUser: ServiceUser
  token: string
}

/** POST .../service-users: the new service user and its token (shown once); its project's list is asked again. */
export function useCreateServiceUser(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ project, name, expiryDate }: CreateServiceUser): Promise<ServiceUserWithToken> => {
      const { token, ...answer } = await requestAnswer('serviceUserCreated', serviceUsersPath(project), {
        method: 'POST',
        body: expiryDate ? { name, expiry_date: expiryDate } : { name },
      })
      return { serviceUser: serviceUserOf(answer, project), token }
    },
    onSuccess: ({ serviceUser }) =>
      queryClient.invalidateQueries({
        queryKey: serviceUserQueries.scope(organization, serviceUser.projectName),
      }),
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
