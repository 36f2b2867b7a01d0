// Service users holding project roles (shared/API.md, "Projects, access and audit"): role assignments
// name a service user of the project as their assignee, in both generations, and its token then acts
// in its own project by that role, never on organizations or other projects. Through app.inject() on
// a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS } from '../../domain/generation'
import { createTestApi, setClock, uniqueName, type Caller, type TestApi } from './helpers'

setClock()

describe.each(API_GENERATIONS)('service users holding roles, %s generation', (generation) => {
  let api: TestApi
  const isCurrent = generation === 'current'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
  })
  afterAll(async () => {
    await api.close()
  })

  /** The generation's body giving `assignee` (a person's or service user's id) `role` on the project. */
  const assignment = (assignee: string, role: string) =>
    isCurrent ? { role, assignee, assignee_type: 'user' } : { role, user_id: assignee }

  /** The assignments of one assignee, as the generation lists them. */
  const assignmentsOf = (caller: Caller, project: string, assignee: string) =>
    api.call(
      caller,
      'GET',
      isCurrent
        ? `/projects/${project}/role-assignments?assignee=${assignee}&assignee_type=user`
        : `/projects/${project}/users/${assignee}/role-assignments`,
    )

  const asToken = (token: string, id: string): Caller => ({ email: 'service-user', id, token })

  /** An organization with an admin and two projects; a service user of the first (without a role). */
  async function setting() {
    const admin = api.user()
    const organization = await api.organization(admin)
    const project = uniqueName('project')
    const other = uniqueName('other')
    for (const name of [project, other])
      expect(
        (await api.call(admin, 'POST', '/projects', { name, organization_name: organization })).status,
      ).toBe(201)
    const name = uniqueName('bot')
    const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, { name })
    expect(created.status).toBe(201)
    const bot = asToken(created.body.token, created.body.id)
    return { admin, organization, project, other, name, bot }
  }

  async function give(admin: Caller, project: string, assignee: string, role: string) {
    const answer = await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(assignee, role),
    )
    expect(answer.status, answer.raw).toBe(201)
    return answer.body as { id: string }
  }

  const auditOf = (project: string) =>
    api.app.db
      .prepare(
        `SELECT action, event, object_type, object_name, user_email FROM audit_events
          WHERE project_id = (SELECT id FROM projects WHERE name = ?) ORDER BY sequence`,
      )
      .all(project) as {
      action: string
      event: string
      object_type: string
      object_name: string
      user_email: string
    }[]

  it('gives a service user of the project a role, named as the generation names a user, and lists it', async () => {
    const { admin, project, bot } = await setting()
    const given = await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(bot.id, 'project-editor'),
    )
    expect(given.status).toBe(201)
    expect(given.body).toEqual(
      isCurrent
        ? {
            id: expect.any(String),
            role: 'project-editor',
            assignee: bot.id,
            assignee_type: 'user',
            resource: project,
            resource_type: 'project',
          }
        : {
            id: expect.any(String),
            role: 'project-editor',
            user_id: bot.id,
            object_name: project,
            object_type: 'project',
          },
    )
    const listed = await assignmentsOf(admin, project, bot.id)
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual([given.body])
    if (isCurrent) {
      const everyone = await api.call(admin, 'GET', `/projects/${project}/role-assignments`)
      expect(everyone.body).toContainEqual(given.body)
    }
    expect(
      (await api.call(admin, 'GET', `/projects/${project}/role-assignments/${given.body.id}`)).body,
    ).toEqual(given.body)
    // A service user is no person of the organization: the project's users stay its people.
    const users = await api.call(admin, 'GET', `/projects/${project}/users`)
    expect((users.body as { id: string }[]).map((user) => user.id)).not.toContain(bot.id)
  })

  it('refuses the same role twice and a service user of another project, saying so', async () => {
    const { admin, project, other, name, bot } = await setting()
    await give(admin, project, bot.id, 'project-viewer')
    const twice = await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(bot.id, 'project-viewer'),
    )
    expect(twice.status).toBe(400)
    expect(twice.body.error).toBe(
      `role: The service user "${name}" already has the role "project-viewer" on the project "${project}"; nothing was changed.`,
    )
    const elsewhere = await api.call(
      admin,
      'POST',
      `/projects/${other}/role-assignments`,
      assignment(bot.id, 'project-viewer'),
    )
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.body.error).toBe(
      `${isCurrent ? 'assignee' : 'user_id'}: "${bot.id}" is a service user of another project; a service user ` +
        `holds roles only in its own project. Create one in "${other}" instead.`,
    )
    // Nor does the schema take it, whoever writes.
    expect(() =>
      api.app.db
        .prepare(
          `INSERT INTO role_assignments (id, project_id, role_id, assignee_type, service_user_id, resource_type, creation_date)
           SELECT 'x', projects.id, roles.id, 'user', ?, 'project', '' FROM projects, roles
            WHERE projects.name = ? AND roles.name = 'project-viewer'`,
        )
        .run(bot.id, other),
    ).toThrow(/FOREIGN KEY/)
  })

  it("lets the token read its project with any role, and write only as project-admin, as a person's rights go", async () => {
    const { admin, project, bot } = await setting()
    const reads = [
      `/projects/${project}`,
      `/projects/${project}/users`,
      `/projects/${project}/roles`,
      `/projects/${project}/usage`,
      `/projects/${project}/audit`,
    ]
    const adminOnly: [string, string, unknown][] = [
      ['PATCH', `/projects/${project}`, isCurrent ? { credits: 100 } : { gb_seconds: 100 }],
      ['GET', `/projects/${project}/service-users`, undefined],
      ['POST', `/projects/${project}/service-users`, { name: uniqueName('child') }],
    ]
    const viewer = await give(admin, project, bot.id, 'project-viewer')
    for (const role of ['project-viewer', 'project-editor']) {
      if (role === 'project-editor') {
        await give(admin, project, bot.id, role)
        await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${viewer.id}`)
      }
      for (const url of reads)
        expect((await api.call(bot, 'GET', url)).status, `${role} GET ${url}`).toBe(200)
      expect((await assignmentsOf(bot, project, bot.id)).status).toBe(200)
      for (const [method, url, body] of adminOnly) {
        const answer = await api.call(bot, method, url, body)
        expect(answer.status, `${role} ${method} ${url}`).toBe(403)
        expect(answer.body.error).toContain(`holds ${role}`)
      }
    }
    await give(admin, project, bot.id, 'project-admin')
    for (const [method, url, body] of adminOnly)
      expect((await api.call(bot, method, url, body)).status, `admin ${method} ${url}`).toBeLessThan(300)
    // Deleting the project is an organization admin's, which a service user never is.
    const deleting = await api.call(bot, 'DELETE', `/projects/${project}`)
    expect(deleting.status).toBe(403)
    expect(deleting.body.error).toMatch(/a service user is never one/)
  })

  it('never reaches organizations or other projects, and lists only its own project', async () => {
    const { admin, organization, project, other, bot } = await setting()
    await give(admin, project, bot.id, 'project-admin')
    expect((await api.call(bot, 'GET', '/projects')).body.map((row: { name: string }) => row.name)).toEqual([
      project,
    ])
    expect(
      (await api.call(bot, 'GET', `/projects?organization=${organization}`)).body.map(
        (row: { name: string }) => row.name,
      ),
    ).toEqual([project])
    const elsewhere = [
      ['GET', `/projects/${other}`],
      ['GET', `/projects/${other}/users`],
      ['GET', `/projects/${uniqueName('nothing')}`],
      ['GET', `/projects?organization=${uniqueName('org')}`],
      ['GET', `/organizations/${organization}`],
      ['GET', `/organizations/${organization}/usage`],
    ] as const
    for (const [method, url] of elsewhere) {
      const answer = await api.call(bot, method, url)
      expect(answer.status, `${method} ${url}`).toBe(403)
      expect(answer.body).toEqual({
        error: expect.stringContaining(`works only within its project ("${project}")`),
      })
    }
  })

  it('takes the rights away with the role, and deletes the roles with the service user in one write', async () => {
    const { admin, project, name, bot } = await setting()
    const editor = await give(admin, project, bot.id, 'project-editor')
    expect((await api.call(bot, 'GET', `/projects/${project}`)).status).toBe(200)
    expect(
      (await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${editor.id}`)).status,
    ).toBe(204)
    const refused = await api.call(bot, 'GET', `/projects/${project}`)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe(
      `The service user "${name}" holds no role in the project "${project}". Ask a project admin to give it one.`,
    )
    const viewer = await give(admin, project, bot.id, 'project-viewer')
    expect((await api.call(admin, 'DELETE', `/projects/${project}/service-users/${bot.id}`)).status).toBe(204)
    expect((await api.call(admin, 'GET', `/projects/${project}/role-assignments/${viewer.id}`)).status).toBe(
      404,
    )
    const rows = api.app.db
      .prepare('SELECT count(*) AS c FROM role_assignments WHERE service_user_id = ?')
      .get(bot.id)
    expect(rows).toEqual({ c: 0 })
    const deleted = auditOf(project).at(-1)!
    expect(deleted).toMatchObject({ action: 'delete', object_type: 'service_user', object_name: name })
    expect(deleted.event).toBe(
      `Deleted the service user "${name}", with its roles: project-viewer on the project; its token no longer works.`,
    )
  })

  it('records an audit event per role given and taken, and a service user acting by its role, never a token', async () => {
    const { admin, project, name, bot } = await setting()
    const given = await give(admin, project, bot.id, 'project-admin')
    const child = await api.call(bot, 'POST', `/projects/${project}/service-users`, {
      name: uniqueName('child'),
    })
    expect(child.status).toBe(201)
    expect(
      (await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${given.id}`)).status,
    ).toBe(204)
    const events = auditOf(project).filter((event) => event.object_type !== 'project')
    const email = (await api.call(admin, 'GET', `/projects/${project}/service-users/${bot.id}`)).body.email
    expect(events.slice(-3)).toEqual([
      {
        action: 'create',
        object_type: 'role_assignment',
        object_name: name,
        event: `Gave the service user ${name} the role project-admin on the project`,
        user_email: admin.email,
      },
      expect.objectContaining({ action: 'create', object_type: 'service_user', user_email: email }),
      {
        action: 'delete',
        object_type: 'role_assignment',
        object_name: name,
        event: `Took the role project-admin on the project from the service user ${name}`,
        user_email: admin.email,
      },
    ])
    const all = JSON.stringify(api.app.db.prepare('SELECT * FROM audit_events').all())
    for (const token of [bot.token, child.body.token]) expect(all).not.toContain(token)
  })
})
