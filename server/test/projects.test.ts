// Projects, project users, roles and role assignments (shared/API.md, "Projects, access and audit"),
// in both generations, through app.inject() on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { API_GENERATIONS } from '../../domain/generation'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

describe.each(API_GENERATIONS)('projects, %s generation', (generation) => {
  let api: TestApi
  const isCurrent = generation === 'current'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
  })
  afterAll(async () => {
    await api.close()
  })

  /** An organization with an admin, a second admin, a plain member and a project made by the API. */
  async function setting() {
    const admin = api.user()
    const otherAdmin = api.user()
    const member = api.user()
    const organization = await api.organization(admin)
    await api.addMember(admin, organization, otherAdmin, true)
    await api.addMember(admin, organization, member)
    const project = uniqueName('project')
    const created = await api.call(admin, 'POST', '/projects', {
      name: project,
      organization_name: organization,
    })
    expect(created.status).toBe(201)
    return { admin, otherAdmin, member, organization, project, created: created.body }
  }

  /** The body giving `user` the role, in this generation's shape. */
  const assignment = (user: Caller | string, role: string, resource?: { type: string; name: string }) => {
    const id = typeof user === 'string' ? user : user.id
    return isCurrent
      ? { role, assignee: id, assignee_type: 'user', resource: resource?.name, resource_type: resource?.type }
      : { role, user_id: id, object_name: resource?.name, object_type: resource?.type }
  }
  const assign = (caller: Caller, project: string, body: object) =>
    api.call(caller, 'POST', `/projects/${project}/role-assignments`, body)
  /** The user's assignments, through this generation's listing endpoint. */
  const assignmentsOf = (caller: Caller, project: string, userId: string) =>
    api.call(
      caller,
      'GET',
      isCurrent
        ? `/projects/${project}/role-assignments?assignee=${userId}&assignee_type=user`
        : `/projects/${project}/users/${userId}/role-assignments`,
    )
  const rolesOf = async (caller: Caller, project: string, userId: string) => {
    const response = await assignmentsOf(caller, project, userId)
    expect(response.status).toBe(200)
    return (response.body as { role: string }[]).map((row) => row.role).sort()
  }

  describe('POST /projects', () => {
    it("answers the generation's ProjectDetail and makes the organization's admins project admins", async () => {
      const { admin, otherAdmin, member, organization, project, created } = await setting()
      const common = {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: project,
        creation_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        organization_name: organization,
        advanced_permissions: false,
        suspended: false,
        suspended_reason: null,
      }
      expect(created).toEqual(
        isCurrent
          ? { ...common, credits: null, labels: {}, cors_origins: [] }
          : { ...common, gb_seconds: null },
      )
      const users = await api.call(admin, 'GET', `/projects/${project}/users`)
      expect(users.body.map((user: { email: string }) => user.email).sort()).toEqual(
        [admin.email, otherAdmin.email].sort(),
      )
      expect(await rolesOf(admin, project, otherAdmin.id)).toEqual(['project-admin'])
      expect(users.body.some((user: { id: string }) => user.id === member.id)).toBe(false)
    })

    it('keeps labels and CORS origins in the current generation only', async () => {
      const admin = api.user()
      const organization = await api.organization(admin)
      const name = uniqueName('labelled')
      const created = await api.call(admin, 'POST', '/projects', {
        name,
        organization_name: organization,
        labels: { team: 'data' },
        cors_origins: ['https://example.com'],
        advanced_permissions: true,
      })
      expect(created.status).toBe(201)
      expect(created.body.advanced_permissions).toBe(true)
      if (isCurrent)
        expect(created.body).toMatchObject({
          labels: { team: 'data' },
          cors_origins: ['https://example.com'],
        })
      else expect(created.body).not.toHaveProperty('labels')
    })

    it('names every field at fault, and holds project names to the organization name rules', async () => {
      const admin = api.user()
      const organization = await api.organization(admin)
      const missing = await api.call(admin, 'POST', '/projects', {})
      expect(missing.status).toBe(400)
      expect(missing.body.error).toMatch(/name/)
      expect(missing.body.error).toMatch(/organization_name/)
      for (const [name, why] of [
        ['Upper', /lowercase letter/],
        ['9lives', /Start the name with a lowercase letter/],
        ['a_b', /only lowercase letters, digits and dashes/],
        ['a'.repeat(65), /at most 64/],
      ] as const) {
        const response = await api.call(admin, 'POST', '/projects', { name, organization_name: organization })
        expect(response.status, name).toBe(400)
        expect(response.body.error, name).toMatch(why)
      }
      const wrongType = await api.call(admin, 'POST', '/projects', {
        name: 5,
        organization_name: organization,
      })
      expect(wrongType.status).toBe(400)
    })

    it('refuses a name another live project holds, in any organization', async () => {
      const { project } = await setting()
      const stranger = api.user()
      const elsewhere = await api.organization(stranger)
      const response = await api.call(stranger, 'POST', '/projects', {
        name: project,
        organization_name: elsewhere,
      })
      expect(response.status).toBe(400)
      expect(response.body.error).toBe(
        `name: A project named "${project}" already exists; choose another name.`,
      )
    })

    it('is for organization admins: a member gets a 403, a stranger a 404; staff may', async () => {
      const { member, organization } = await setting()
      const forbidden = await api.call(member, 'POST', '/projects', {
        name: uniqueName('p'),
        organization_name: organization,
      })
      expect(forbidden.status).toBe(403)
      expect(forbidden.body.error).toMatch(/Only admins of/)
      const stranger = api.user()
      const hidden = await api.call(stranger, 'POST', '/projects', {
        name: uniqueName('p'),
        organization_name: organization,
      })
      expect(hidden.status).toBe(404)
      const staff = api.user({ staff: true })
      expect(
        (
          await api.call(staff, 'POST', '/projects', {
            name: uniqueName('p'),
            organization_name: organization,
          })
        ).status,
      ).toBe(201)
    })
  })

  describe('GET /projects and /projects/{name}', () => {
    it("lists all of an organization's projects to its admins and only their own to others", async () => {
      const { admin, member, organization, project } = await setting()
      const second = uniqueName('second')
      expect(
        (await api.call(admin, 'POST', '/projects', { name: second, organization_name: organization }))
          .status,
      ).toBe(201)
      expect((await assign(admin, second, assignment(member, 'project-viewer'))).status).toBe(201)
      const ofAdmin = await api.call(admin, 'GET', `/projects?organization=${organization}`)
      expect(ofAdmin.body.map((row: { name: string }) => row.name)).toEqual([project, second].sort())
      const listed = ofAdmin.body[0]
      expect(Object.keys(listed).sort()).toEqual(
        isCurrent
          ? [
              'advanced_permissions',
              'creation_date',
              'credits',
              'id',
              'labels',
              'name',
              'organization_name',
              'suspended',
              'suspended_reason',
            ]
          : [
              'advanced_permissions',
              'creation_date',
              'gb_seconds',
              'id',
              'name',
              'organization_name',
              'suspended',
              'suspended_reason',
            ],
      )
      const ofMember = await api.call(member, 'GET', `/projects?organization=${organization}`)
      expect(ofMember.body.map((row: { name: string }) => row.name)).toEqual([second])
      // Without the filter: every organization's projects the caller may see.
      const everywhere = await api.call(member, 'GET', '/projects')
      expect(everywhere.body.map((row: { name: string }) => row.name)).toEqual([second])
    })

    it('answers 404 for an organization the caller is not in, and staff see every project', async () => {
      const { organization, project } = await setting()
      const stranger = api.user()
      expect((await api.call(stranger, 'GET', `/projects?organization=${organization}`)).status).toBe(404)
      expect((await api.call(stranger, 'GET', '/projects')).body).toEqual([])
      const staff = api.user({ staff: true })
      const all = await api.call(staff, 'GET', `/projects?organization=${organization}`)
      expect(all.body.map((row: { name: string }) => row.name)).toEqual([project])
    })

    it('shows a project to its users and organization admins; 404 to members outside it and strangers', async () => {
      const { admin, member, project, created } = await setting()
      expect((await api.call(admin, 'GET', `/projects/${project}`)).body).toEqual(created)
      const hidden = await api.call(member, 'GET', `/projects/${project}`)
      expect(hidden.status).toBe(404)
      expect(hidden.body.error).toBe(
        `There is no project "${project}" that you have access to. Check the name in the address.`,
      )
      expect((await api.call(api.user(), 'GET', `/projects/${project}`)).status).toBe(404)
      expect((await api.call(admin, 'GET', `/projects/${uniqueName('none')}`)).status).toBe(404)
      expect((await assign(admin, project, assignment(member, 'project-viewer'))).status).toBe(201)
      expect((await api.call(member, 'GET', `/projects/${project}`)).status).toBe(200)
    })
  })

  describe('DELETE /projects/{name}', () => {
    it('is for organization admins; the project is gone, its name free elsewhere, its usage kept as deleted', async () => {
      const { admin, member, organization, project } = await setting()
      expect((await assign(admin, project, assignment(member, 'project-admin'))).status).toBe(201)
      const refused = await api.call(member, 'DELETE', `/projects/${project}`)
      expect(refused.status).toBe(403)
      const projectId = api.app.repositories.projects.findByName(project)!.id
      const organizationId = api.app.repositories.organizations.findByName(organization)!.id
      const day = '2024-01-10'
      api.app.db
        .prepare(
          `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
           VALUES (?, ?, ?, 'deployment_version', 'credits', 42)`,
        )
        .run(organizationId, day, projectId)
      const usage = () =>
        api.call(
          admin,
          'GET',
          `/organizations/${organization}/usage?start_date=2024-01-01&end_date=2024-02-01`,
        )
      const resources = async () =>
        (await api.call(admin, 'GET', `/organizations/${organization}/resources`)).body.projects
      expect(await resources()).toBe(1)
      if (isCurrent)
        expect(
          (await usage()).body.data_projects.map((row: { project_name: string }) => row.project_name),
        ).toEqual([project])

      expect((await api.call(admin, 'DELETE', `/projects/${project}`)).status).toBe(204)
      expect((await api.call(admin, 'GET', `/projects/${project}`)).status).toBe(404)
      expect((await api.call(admin, 'GET', `/projects?organization=${organization}`)).body).toEqual([])
      expect((await api.call(admin, 'DELETE', `/projects/${project}`)).status).toBe(404)
      expect(await resources()).toBe(0)
      const after = (await usage()).body
      if (isCurrent) {
        expect(after.data_projects).toEqual([])
        expect(after.data_deleted_projects[0].value).toBe(42)
        expect(after.data_organization[0].value).toBe(42)
      } else {
        const credits = after.find(
          (row: { metric: string; object_type: string }) =>
            row.metric === 'credits' && row.object_type === 'deployment_version',
        )
        expect(credits.usage[0].value).toBe(42)
      }
      // Its users and their roles are gone with it.
      const left = api.app.db
        .prepare('SELECT count(*) AS c FROM project_users WHERE project_id = ?')
        .get(projectId) as { c: number }
      expect(left.c).toBe(0)
      // Another organization may take the name; this one may not (its usage is still named by it).
      const other = api.user()
      const otherOrganization = await api.organization(other)
      const same = await api.call(admin, 'POST', '/projects', {
        name: project,
        organization_name: organization,
      })
      expect(same.status).toBe(400)
      expect(same.body.error).toMatch(/was the name of a deleted project/)
      expect(
        (await api.call(other, 'POST', '/projects', { name: project, organization_name: otherOrganization }))
          .status,
      ).toBe(201)
    })
  })

  describe('project users', () => {
    it('adds an organization member, once; refuses a non-member with a 400 that says so', async () => {
      const { admin, member, project, organization } = await setting()
      const added = await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })
      expect(added.status).toBe(201)
      // An account without a name yet has null ones (the 3.7.0 client refuses an empty string).
      expect(added.body).toEqual({ id: member.id, email: member.email, name: null, surname: null })
      const twice = await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })
      expect(twice.status).toBe(400)
      expect(twice.body.error).toMatch(/already a user of the project/)
      const outsider = api.user()
      const refused = await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: outsider.id })
      expect(refused.status).toBe(400)
      expect(refused.body.error).toBe(
        `user_id: "${outsider.id}" is not a member of the organization "${organization}"; add them to the organization first.`,
      )
      expect((await api.call(admin, 'POST', `/projects/${project}/users`, {})).body.error).toMatch(/user_id/)
      // A project user without roles sees the project and its users, and nothing more.
      expect((await api.call(member, 'GET', `/projects/${project}`)).status).toBe(200)
      expect((await api.call(member, 'GET', `/projects/${project}/users/${admin.id}`)).body.email).toBe(
        admin.email,
      )
    })

    it('is managed by project admins and organization admins; a viewer reads but gets a 403 on writes', async () => {
      const { admin, member, organization, project } = await setting()
      const colleague = api.user()
      const viewer = api.user()
      await api.addMember(admin, organization, colleague)
      await api.addMember(admin, organization, viewer)
      expect((await assign(admin, project, assignment(member, 'project-admin'))).status).toBe(201)
      expect((await assign(admin, project, assignment(viewer, 'project-viewer'))).status).toBe(201)
      // A project admin who is a plain organization member manages the project's users and roles.
      expect(
        (await api.call(member, 'POST', `/projects/${project}/users`, { user_id: colleague.id })).status,
      ).toBe(201)
      expect((await assign(member, project, assignment(colleague, 'project-editor'))).status).toBe(201)
      expect((await api.call(member, 'DELETE', `/projects/${project}/users/${colleague.id}`)).status).toBe(
        204,
      )
      // ...but cannot delete the project (organization admins only).
      expect((await api.call(member, 'DELETE', `/projects/${project}`)).status).toBe(403)
      const users = await api.call(viewer, 'GET', `/projects/${project}/users`)
      expect(users.status).toBe(200)
      const write = await api.call(viewer, 'POST', `/projects/${project}/users`, { user_id: colleague.id })
      expect(write.status).toBe(403)
      expect(write.body.error).toMatch(/Only project admins of/)
      expect((await assign(viewer, project, assignment(colleague, 'project-viewer'))).status).toBe(403)
      expect((await api.call(viewer, 'DELETE', `/projects/${project}/users/${member.id}`)).status).toBe(403)
      expect((await api.call(viewer, 'GET', `/projects/${project}/roles`)).status).toBe(200)
      // An organization member outside the project sees none of it.
      expect((await api.call(colleague, 'GET', `/projects/${project}/users`)).status).toBe(404)
      expect((await api.call(colleague, 'GET', `/projects/${project}/roles`)).status).toBe(404)
    })

    it('removing a user from the project removes all their roles there, and only there', async () => {
      const { admin, member, organization, project } = await setting()
      const second = uniqueName('second')
      expect(
        (await api.call(admin, 'POST', '/projects', { name: second, organization_name: organization }))
          .status,
      ).toBe(201)
      for (const role of ['project-editor', 'project-viewer']) {
        expect((await assign(admin, project, assignment(member, role))).status).toBe(201)
        expect((await assign(admin, second, assignment(member, role))).status).toBe(201)
      }
      expect((await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)).status).toBe(204)
      expect((await api.call(admin, 'GET', `/projects/${project}/users/${member.id}`)).status).toBe(404)
      expect(await rolesOf(admin, second, member.id)).toEqual(['project-editor', 'project-viewer'])
      // Added back, they hold nothing until given a role again.
      expect(
        (await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })).status,
      ).toBe(201)
      expect(await rolesOf(admin, project, member.id)).toEqual([])
      expect((await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)).status).toBe(204)
      const again = await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)
      expect(again.status).toBe(404)
      expect(again.body.error).toMatch(/There is no user with id/)
    })

    it('removing a member from the organization removes them from all its projects and every role there', async () => {
      const { admin, member, organization, project } = await setting()
      const second = uniqueName('second')
      expect(
        (await api.call(admin, 'POST', '/projects', { name: second, organization_name: organization }))
          .status,
      ).toBe(201)
      const elsewhereAdmin = api.user()
      const elsewhere = await api.organization(elsewhereAdmin)
      await api.addMember(elsewhereAdmin, elsewhere, member)
      const elsewhereProject = uniqueName('elsewhere')
      expect(
        (
          await api.call(elsewhereAdmin, 'POST', '/projects', {
            name: elsewhereProject,
            organization_name: elsewhere,
          })
        ).status,
      ).toBe(201)
      expect((await assign(admin, project, assignment(member, 'project-editor'))).status).toBe(201)
      expect((await assign(admin, second, assignment(member, 'project-admin'))).status).toBe(201)
      expect(
        (await assign(elsewhereAdmin, elsewhereProject, assignment(member, 'project-viewer'))).status,
      ).toBe(201)

      expect(
        (await api.call(admin, 'DELETE', `/organizations/${organization}/users/${member.id}`)).status,
      ).toBe(204)
      for (const name of [project, second]) {
        expect((await api.call(admin, 'GET', `/projects/${name}/users/${member.id}`)).status).toBe(404)
        expect((await api.call(member, 'GET', `/projects/${name}`)).status).toBe(404)
      }
      const left = api.app.db
        .prepare(
          `SELECT count(*) AS c FROM role_assignments JOIN projects ON projects.id = role_assignments.project_id
            JOIN organizations ON organizations.id = projects.organization_id
            WHERE organizations.name = ? AND role_assignments.user_id = ?`,
        )
        .get(organization, member.id) as { c: number }
      expect(left.c).toBe(0)
      expect(await rolesOf(elsewhereAdmin, elsewhereProject, member.id)).toEqual(['project-viewer'])
    })
  })

  describe('roles and role assignments', () => {
    it('lists the default roles to every project user', async () => {
      const { admin, project } = await setting()
      const roles = await api.call(admin, 'GET', `/projects/${project}/roles`)
      expect(roles.status).toBe(200)
      expect(roles.body.map((role: { name: string }) => role.name)).toEqual([
        'project-admin',
        'project-editor',
        'project-viewer',
      ])
      for (const role of roles.body)
        expect(role).toEqual({ id: expect.any(String), name: role.name, default: true })
    })

    it("answers in the generation's shape and adds an organization member to the project on the way", async () => {
      const { admin, member, project } = await setting()
      const given = await assign(admin, project, assignment(member, 'project-editor'))
      expect(given.status).toBe(201)
      expect(given.body).toEqual(
        isCurrent
          ? {
              id: expect.any(String),
              assignee: member.id,
              assignee_type: 'user',
              role: 'project-editor',
              resource: project,
              resource_type: 'project',
            }
          : {
              id: expect.any(String),
              user_id: member.id,
              role: 'project-editor',
              object_name: project,
              object_type: 'project',
            },
      )
      expect((await api.call(admin, 'GET', `/projects/${project}/users/${member.id}`)).status).toBe(200)
      const one = await api.call(admin, 'GET', `/projects/${project}/role-assignments/${given.body.id}`)
      expect(one.body).toEqual(given.body)
      expect((await assignmentsOf(admin, project, member.id)).body).toEqual([given.body])
    })

    it('refuses the same role on the same resource twice, and takes a role away by id', async () => {
      const { admin, member, project } = await setting()
      const first = await assign(admin, project, assignment(member, 'project-viewer'))
      expect(first.status).toBe(201)
      const twice = await assign(admin, project, assignment(member, 'project-viewer'))
      expect(twice.status).toBe(400)
      expect(twice.body.error).toBe(
        `role: ${member.email} already has the role "project-viewer" on the project "${project}"; nothing was changed.`,
      )
      // The same role named explicitly on the project is the same assignment.
      expect(
        (
          await assign(
            admin,
            project,
            assignment(member, 'project-viewer', { type: 'project', name: project }),
          )
        ).status,
      ).toBe(400)
      expect((await assign(admin, project, assignment(member, 'project-editor'))).status).toBe(201)
      expect(
        (await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${first.body.id}`)).status,
      ).toBe(204)
      expect(await rolesOf(admin, project, member.id)).toEqual(['project-editor'])
      const gone = await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${first.body.id}`)
      expect(gone.status).toBe(404)
      expect(gone.body.error).toMatch(/There is no role assignment with id/)
      // Taking every role away leaves them a project user.
      expect((await api.call(admin, 'GET', `/projects/${project}/users/${member.id}`)).status).toBe(200)
    })

    it('names every field at fault: unknown role, someone outside the organization, unknown resource', async () => {
      const { admin, project, organization } = await setting()
      const outsider = api.user()
      const response = await assign(admin, project, assignment(outsider, 'project-owner'))
      expect(response.status).toBe(400)
      expect(response.body.error).toContain(
        `role: there is no role "project-owner" in the project "${project}"; use one of project-admin, project-editor, project-viewer.`,
      )
      expect(response.body.error).toContain(
        `is not a member of the organization "${organization}"; add them to the organization first.`,
      )
      const member = api.user()
      await api.addMember(admin, organization, member)
      const unknownDeployment = await assign(
        admin,
        project,
        assignment(member, 'project-viewer', { type: 'deployment', name: 'nope' }),
      )
      expect(unknownDeployment.status).toBe(400)
      expect(unknownDeployment.body.error).toMatch(/there is no deployment "nope" in the project/)
      const otherProject = await assign(
        admin,
        project,
        assignment(member, 'project-viewer', { type: 'project', name: 'other' }),
      )
      expect(otherProject.status).toBe(400)
      const halfResource = await assign(
        admin,
        project,
        isCurrent
          ? { role: 'project-viewer', assignee: member.id, assignee_type: 'user', resource: project }
          : { role: 'project-viewer', user_id: member.id, object_name: project },
      )
      expect(halfResource.status).toBe(400)
      expect(halfResource.body.error).toMatch(/together/)
      // Nothing was recorded by any refused request: not even the implicit project membership.
      expect((await api.call(admin, 'GET', `/projects/${project}/users/${member.id}`)).status).toBe(404)
    })

    it('gives a role on one deployment, and lists assignments by resource (current) or user (2022)', async () => {
      const { admin, member, project } = await setting()
      const projectId = api.app.repositories.projects.findByName(project)!.id
      api.app.db
        .prepare('INSERT INTO deployments (id, project_id, name) VALUES (?, ?, ?)')
        .run(randomUUID(), projectId, 'scorer')
      const onDeployment = await assign(
        admin,
        project,
        assignment(member, 'project-viewer', { type: 'deployment', name: 'scorer' }),
      )
      expect(onDeployment.status).toBe(201)
      expect(onDeployment.body).toMatchObject(
        isCurrent
          ? { resource: 'scorer', resource_type: 'deployment' }
          : { object_name: 'scorer', object_type: 'deployment' },
      )
      // A role on the project is another assignment than the same role on one of its deployments.
      expect((await assign(admin, project, assignment(member, 'project-viewer'))).status).toBe(201)
      if (isCurrent) {
        const byResource = await api.call(
          admin,
          'GET',
          `/projects/${project}/role-assignments?resource=scorer&resource_type=deployment`,
        )
        expect(byResource.body).toEqual([onDeployment.body])
        const all = await api.call(admin, 'GET', `/projects/${project}/role-assignments`)
        // The two organization admins' project-admin (from creation) and the member's two.
        expect(all.body).toHaveLength(4)
        const badFilter = await api.call(
          admin,
          'GET',
          `/projects/${project}/role-assignments?resource_type=galaxy`,
        )
        expect(badFilter.status).toBe(400)
        // A deployment as assignee (current generation).
        const deploymentGets = await assign(admin, project, {
          role: 'project-viewer',
          assignee: 'scorer',
          assignee_type: 'deployment',
        })
        expect(deploymentGets.status).toBe(201)
        expect(deploymentGets.body).toMatchObject({ assignee: 'scorer', assignee_type: 'deployment' })
      } else {
        expect(await rolesOf(admin, project, member.id)).toEqual(['project-viewer', 'project-viewer'])
        const bucketIn2022 = await assign(
          admin,
          project,
          assignment(member, 'project-viewer', { type: 'bucket', name: 'default' }),
        )
        expect(bucketIn2022.status).toBe(400)
      }
    })

    it("lets project users read their own assignments only; admins read everyone's", async () => {
      const { admin, member, organization, project } = await setting()
      const viewer = api.user()
      await api.addMember(admin, organization, viewer)
      const own = await assign(admin, project, assignment(viewer, 'project-viewer'))
      expect((await assign(admin, project, assignment(member, 'project-admin'))).status).toBe(201)
      expect((await assignmentsOf(viewer, project, viewer.id)).body).toEqual([own.body])
      const others = await assignmentsOf(viewer, project, member.id)
      expect(others.status).toBe(403)
      expect(others.body.error).toMatch(/can see other users' role assignments/)
      expect(
        (await api.call(viewer, 'GET', `/projects/${project}/role-assignments/${own.body.id}`)).status,
      ).toBe(200)
      // A project admin who is a plain organization member reads them all.
      expect((await assignmentsOf(member, project, viewer.id)).body).toEqual([own.body])
      if (isCurrent)
        expect((await api.call(viewer, 'GET', `/projects/${project}/role-assignments`)).status).toBe(403)
      // A member outside the project: 404, as for the project itself.
      const outsider = api.user()
      await api.addMember(admin, organization, outsider)
      expect((await assignmentsOf(outsider, project, outsider.id)).status).toBe(404)
    })

    it("answers the other generation's listing path with a 404", async () => {
      const { admin, member, project } = await setting()
      const path = isCurrent
        ? `/projects/${project}/users/${member.id}/role-assignments`
        : `/projects/${project}/role-assignments`
      expect((await api.call(admin, 'GET', path)).status).toBe(isCurrent ? 404 : 405)
    })
  })
})
