// Projects, members and project roles made and read through the real API, in the words of the
// running test's generation (shared/API.md, "Projects, access and audit"), for the journeys that
// check what the dashboard shows and changes against what the server holds.
import type { APIRequestContext } from '@playwright/test'
import { apiGeneration, callApi, uniqueName, type TestUser } from './fixtures'

export interface Member {
  id: string
  email: string
}

/** A project-wide role as either generation answers it, read in its own words. */
export interface Assignment {
  userId: string
  role: string
}

/** A new project of the organization (its creator, an organization admin, holds project-admin there). */
export async function createProject(request: APIRequestContext, admin: TestUser, organization: string) {
  const name = uniqueName('proj')
  await callApi(request, admin, 'POST', '/projects', { name, organization_name: organization })
  return name
}

export const addMember = (request: APIRequestContext, admin: TestUser, organization: string, email: string) =>
  callApi<Member>(request, admin, 'POST', `/organizations/${organization}/users`, { email, admin: false })

/** Gives `userId` a role on the whole project through the API, in the generation's words. */
export async function giveRoleByApi(
  request: APIRequestContext,
  admin: TestUser,
  project: string,
  userId: string,
  role: string,
) {
  await callApi(request, admin, 'POST', `/projects/${project}/users`, { user_id: userId }).catch(
    (error: Error) => {
      if (!/already/.test(error.message)) throw error
    },
  )
  const body =
    apiGeneration() === '2022'
      ? { user_id: userId, role, object_type: 'project', object_name: project }
      : { assignee: userId, assignee_type: 'user', role }
  await callApi(request, admin, 'POST', `/projects/${project}/role-assignments`, body)
}

/** Every user's project-wide roles in the project, read from the API as each generation gives them. */
export async function allRolesByApi(
  request: APIRequestContext,
  admin: TestUser,
  project: string,
): Promise<Assignment[]> {
  if (apiGeneration() === 'current') {
    const list = await callApi<Array<{ assignee: string; assignee_type: string; role: string }>>(
      request,
      admin,
      'GET',
      `/projects/${project}/role-assignments`,
    )
    return list.filter((a) => a.assignee_type === 'user').map((a) => ({ userId: a.assignee, role: a.role }))
  }
  const users = await callApi<Member[]>(request, admin, 'GET', `/projects/${project}/users`)
  const perUser = await Promise.all(
    users.map((user) =>
      callApi<Array<{ user_id: string; role: string }>>(
        request,
        admin,
        'GET',
        `/projects/${project}/users/${user.id}/role-assignments`,
      ),
    ),
  )
  return perUser.flat().map((a) => ({ userId: a.user_id, role: a.role }))
}

/** One user's project-wide roles in the project (its creator holds project-admin there too). */
export async function rolesByApi(
  request: APIRequestContext,
  admin: TestUser,
  project: string,
  userId: string,
): Promise<Assignment[]> {
  return (await allRolesByApi(request, admin, project)).filter((assignment) => assignment.userId === userId)
}
