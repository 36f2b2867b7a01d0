// Every project endpoint for every kind of caller, from one table, in both generations: organization
// admins and staff may do everything; a project admin manages the project's users and roles; other
// project users read; organization members outside the project and strangers get 404s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS, type ApiGeneration } from '../../domain/generation'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

const ROLES = [
  'anonymous',
  'stranger',
  'outside-member',
  'viewer',
  'project-admin',
  'organization-admin',
  'staff',
] as const
type Role = (typeof ROLES)[number]
type Needs = 'project-user' | 'project-admin' | 'organization-admin'

interface Fixture {
  organization: string
  project: string
  /** An organization member in no project. */
  outsider: Caller
  /** A project user holding project-editor, and that assignment's id. */
  editor: Caller
  editorAssignment: string
}

interface Endpoint {
  label: string
  method: 'GET' | 'POST' | 'DELETE'
  path: (fixture: Fixture, generation: ApiGeneration) => string
  body?: (fixture: Fixture, generation: ApiGeneration) => unknown
  needs: Needs
  success: number
}

const assignmentBody = (user: Caller, generation: ApiGeneration) =>
  generation === 'current'
    ? { role: 'project-viewer', assignee: user.id, assignee_type: 'user' }
    : { role: 'project-viewer', user_id: user.id }

const ENDPOINTS: Endpoint[] = [
  {
    label: 'GET project',
    method: 'GET',
    path: (f) => `/projects/${f.project}`,
    needs: 'project-user',
    success: 200,
  },
  {
    label: 'DELETE project',
    method: 'DELETE',
    path: (f) => `/projects/${f.project}`,
    needs: 'organization-admin',
    success: 204,
  },
  {
    label: 'GET users',
    method: 'GET',
    path: (f) => `/projects/${f.project}/users`,
    needs: 'project-user',
    success: 200,
  },
  {
    label: 'POST user',
    method: 'POST',
    path: (f) => `/projects/${f.project}/users`,
    body: (f) => ({ user_id: f.outsider.id }),
    needs: 'project-admin',
    success: 201,
  },
  {
    label: 'GET user',
    method: 'GET',
    path: (f) => `/projects/${f.project}/users/${f.editor.id}`,
    needs: 'project-user',
    success: 200,
  },
  {
    label: 'DELETE user',
    method: 'DELETE',
    path: (f) => `/projects/${f.project}/users/${f.editor.id}`,
    needs: 'project-admin',
    success: 204,
  },
  {
    label: 'GET usage',
    method: 'GET',
    path: (f) => `/projects/${f.project}/usage?start_date=2024-01-01&end_date=2024-02-01&interval=day`,
    needs: 'project-user',
    success: 200,
  },
  {
    label: 'GET roles',
    method: 'GET',
    path: (f) => `/projects/${f.project}/roles`,
    needs: 'project-user',
    success: 200,
  },
  {
    label: 'POST role assignment',
    method: 'POST',
    path: (f) => `/projects/${f.project}/role-assignments`,
    body: (f, generation) => assignmentBody(f.outsider, generation),
    needs: 'project-admin',
    success: 201,
  },
  {
    label: "GET another user's role assignments",
    method: 'GET',
    path: (f, generation) =>
      generation === 'current'
        ? `/projects/${f.project}/role-assignments?assignee=${f.editor.id}&assignee_type=user`
        : `/projects/${f.project}/users/${f.editor.id}/role-assignments`,
    needs: 'project-admin',
    success: 200,
  },
  {
    label: 'DELETE role assignment',
    method: 'DELETE',
    path: (f) => `/projects/${f.project}/role-assignments/${f.editorAssignment}`,
    needs: 'project-admin',
    success: 204,
  },
]

const RANK: Record<Needs, Role[]> = {
  'project-user': ['viewer', 'project-admin', 'organization-admin', 'staff'],
  'project-admin': ['project-admin', 'organization-admin', 'staff'],
  'organization-admin': ['organization-admin', 'staff'],
}

function expected(endpoint: Endpoint, role: Role): number {
  if (role === 'anonymous') return 401
  if (role === 'stranger' || role === 'outside-member') return 404
  return RANK[endpoint.needs].includes(role) ? endpoint.success : 403
}

describe.each(API_GENERATIONS)('project authorization, %s generation', (generation) => {
  let api: TestApi
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
  })
  afterAll(async () => {
    await api.close()
  })

  /** A fresh organization and project per call: writes must not change what the next call sees. */
  async function fixture(): Promise<Fixture & { callers: Record<Role, Caller | null> }> {
    const admin = api.user()
    const [viewer, projectAdmin, outsider, editor] = [api.user(), api.user(), api.user(), api.user()]
    const organization = await api.organization(admin)
    for (const member of [viewer, projectAdmin, outsider, editor])
      await api.addMember(admin, organization, member)
    const project = uniqueName('project')
    expect(
      (await api.call(admin, 'POST', '/projects', { name: project, organization_name: organization })).status,
    ).toBe(201)
    const give = async (user: Caller, role: string) => {
      const body = { ...assignmentBody(user, generation), role }
      const response = await api.call(admin, 'POST', `/projects/${project}/role-assignments`, body)
      expect(response.status).toBe(201)
      return response.body.id as string
    }
    await give(viewer, 'project-viewer')
    await give(projectAdmin, 'project-admin')
    const editorAssignment = await give(editor, 'project-editor')
    return {
      organization,
      project,
      outsider,
      editor,
      editorAssignment,
      callers: {
        anonymous: null,
        stranger: api.user(),
        'outside-member': outsider,
        viewer,
        'project-admin': projectAdmin,
        'organization-admin': admin,
        staff: api.user({ staff: true }),
      },
    }
  }

  it.each(ENDPOINTS.map((endpoint) => [endpoint.label, endpoint] as const))(
    '%s',
    async (_label, endpoint) => {
      const seen: Record<string, number> = {}
      const wanted: Record<string, number> = {}
      for (const role of ROLES) {
        const f = await fixture()
        const response = await api.call(
          f.callers[role],
          endpoint.method,
          endpoint.path(f, generation),
          endpoint.body?.(f, generation),
        )
        seen[role] = response.status
        wanted[role] = expected(endpoint, role)
        if (response.status >= 400)
          expect(response.body.error, `${role}: ${response.raw}`).toEqual(expect.any(String))
      }
      expect(seen).toEqual(wanted)
    },
  )

  it('lists to each caller only the projects they may see', async () => {
    const f = await fixture()
    const names = async (role: Role) => {
      const response = await api.call(f.callers[role], 'GET', `/projects?organization=${f.organization}`)
      return response.status === 200
        ? (response.body as { name: string }[]).map((row) => row.name)
        : response.status
    }
    expect(await names('anonymous')).toBe(401)
    expect(await names('stranger')).toBe(404)
    expect(await names('outside-member')).toEqual([])
    for (const role of ['viewer', 'project-admin', 'organization-admin', 'staff'] as const)
      expect(await names(role), role).toEqual([f.project])
  })
})
