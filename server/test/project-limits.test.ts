// Projects' credit limits and suspension (shared/API.md, "Projects, access and audit"): PATCH
// /projects/{name} in both generations, the period's credits against the limit, who may change
// it, bad bodies, and the audit event of each change. The clock is set: the period depends on it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_GENERATIONS } from '../../domain/generation'
import { auditEventsRepository } from '../repositories/audit-events'
import { createTestApi, setClock, uniqueName, type Caller, type TestApi } from './helpers'

setClock('2026-03-10T12:00:00Z')

describe.each(API_GENERATIONS)('project credit limits, %s generation', (generation) => {
  let api: TestApi
  const field = generation === 'current' ? 'credits' : 'gb_seconds'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
  })
  afterAll(async () => {
    await api.close()
  })

  /**
   * An organization whose subscription started today (its period: 2026-03-10 to 2026-04-10), a
   * project that used 600 credits in the period and 5,000 the day before it (another period), an
   * admin, a project admin, a project viewer and a member outside the project.
   */
  async function setting() {
    const admin = api.user()
    const projectAdmin = api.user()
    const viewer = api.user()
    const outsider = api.user()
    const organization = await api.organization(admin)
    for (const member of [projectAdmin, viewer, outsider]) await api.addMember(admin, organization, member)
    const project = uniqueName('project')
    expect(
      (await api.call(admin, 'POST', '/projects', { name: project, organization_name: organization })).status,
    ).toBe(201)
    const { id: projectId, organization_id: organizationId } = api.app.db
      .prepare('SELECT id, organization_id FROM projects WHERE name = ?')
      .get(project) as { id: string; organization_id: string }
    const insert = api.app.db.prepare(
      'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
    )
    insert.run(organizationId, '2026-03-09', projectId, 'deployment_version', 'credits', 5000)
    insert.run(organizationId, '2026-03-10', projectId, 'deployment_version', 'credits', 450)
    insert.run(organizationId, '2026-03-10', projectId, 'pipeline_version', 'credits', 150)
    // Volumes are not credits: they never count against the limit.
    insert.run(organizationId, '2026-03-10', projectId, 'deployment_version', 'input_volume', 1e9)
    for (const [user, role] of [
      [projectAdmin, 'project-admin'],
      [viewer, 'project-viewer'],
    ] as const) {
      expect((await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: user.id })).status).toBe(
        201,
      )
      const body =
        generation === 'current'
          ? { role, assignee: user.id, assignee_type: 'user' }
          : { role, user_id: user.id }
      expect((await api.call(admin, 'POST', `/projects/${project}/role-assignments`, body)).status).toBe(201)
    }
    return { admin, projectAdmin, viewer, outsider, organization, project, projectId }
  }

  const patch = (caller: Caller, project: string, body: unknown) =>
    api.call(caller, 'PATCH', `/projects/${project}`, body)
  const listed = async (caller: Caller, organization: string, project: string) => {
    const response = await api.call(caller, 'GET', `/projects?organization=${organization}`)
    expect(response.status).toBe(200)
    return (response.body as Array<Record<string, unknown>>).find((row) => row.name === project)!
  }

  it("a limit at or below the period's credits suspends the project, with a reason naming the limit", async () => {
    const { admin, organization, project } = await setting()
    const set = await patch(admin, project, { [field]: 600 })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ name: project, [field]: 600, suspended: true })
    expect(set.body.suspended_reason).toBe(
      `The project used 600 credits in this subscription period and reached its credit limit (${field}: 600). ` +
        'Raise or clear the limit to lift the suspension.',
    )
    // The detail and the list say so too, in this generation's field only.
    const detail = await api.call(admin, 'GET', `/projects/${project}`)
    expect(detail.body).toMatchObject({
      [field]: 600,
      suspended: true,
      suspended_reason: set.body.suspended_reason,
    })
    expect(detail.body).not.toHaveProperty(generation === 'current' ? 'gb_seconds' : 'credits')
    expect(await listed(admin, organization, project)).toMatchObject({ [field]: 600, suspended: true })
  })

  it("a limit above the period's credits (the day before the period does not count) leaves it running", async () => {
    const { admin, project } = await setting()
    const set = await patch(admin, project, { [field]: 601 })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ [field]: 601, suspended: false, suspended_reason: null })
  })

  it('raising the limit lifts the suspension, and so does clearing it (null)', async () => {
    const { admin, organization, project } = await setting()
    expect((await patch(admin, project, { [field]: 100 })).body.suspended).toBe(true)
    const raised = await patch(admin, project, { [field]: 1000 })
    expect(raised.body).toMatchObject({ [field]: 1000, suspended: false, suspended_reason: null })
    expect((await patch(admin, project, { [field]: 100 })).body.suspended).toBe(true)
    const cleared = await patch(admin, project, { [field]: null })
    expect(cleared.status).toBe(200)
    expect(cleared.body).toMatchObject({ [field]: null, suspended: false, suspended_reason: null })
    expect(await listed(admin, organization, project)).toMatchObject({ [field]: null, suspended: false })
  })

  it('a new subscription period starts with the project running again (suspension is computed on read)', async () => {
    const { admin, project } = await setting()
    expect((await patch(admin, project, { [field]: 600 })).body.suspended).toBe(true)
    vi.setSystemTime(new Date('2026-04-10T00:30:00Z'))
    try {
      const detail = await api.call(admin, 'GET', `/projects/${project}`)
      expect(detail.body).toMatchObject({ [field]: 600, suspended: false, suspended_reason: null })
    } finally {
      vi.setSystemTime(new Date('2026-03-10T12:00:00Z'))
    }
  })

  it('project admins may set, change and clear the limit; a project viewer gets a 403, an outsider a 404, and nothing changes', async () => {
    const { admin, projectAdmin, viewer, outsider, project } = await setting()
    expect((await patch(projectAdmin, project, { [field]: 300 })).status).toBe(200)
    const cleared = await patch(projectAdmin, project, { [field]: null })
    expect(cleared.status).toBe(200)
    expect(cleared.body[field]).toBeNull()
    expect((await patch(projectAdmin, project, { [field]: 700 })).status).toBe(200)
    const refused = await patch(viewer, project, { [field]: 1 })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toContain('Only project admins')
    const hidden = await patch(outsider, project, { [field]: 1 })
    expect(hidden.status).toBe(404)
    expect(hidden.body.error).toContain(`There is no project "${project}"`)
    expect((await api.call(admin, 'GET', `/projects/${project}`)).body[field]).toBe(700)
  })

  it('bad bodies are 400s that name the field and what to send', async () => {
    const { admin, project } = await setting()
    const negative = await patch(admin, project, { [field]: -5 })
    expect(negative.status).toBe(400)
    expect(negative.body).toEqual({
      error: `${field}: A credit limit is a number of credits, 0 or more; leave it empty for no limit.`,
    })
    const text = await patch(admin, project, { [field]: 'lots' })
    expect(text.status).toBe(400)
    expect(text.body.error).toMatch(new RegExp(`^${field}: must be a .*or null for none`))
    const huge = await patch(admin, project, { [field]: 1e13 })
    expect(huge.status).toBe(400)
    expect(huge.body.error).toBe(`${field}: A credit limit is at most 1,000,000,000,000.`)
    if (generation === '2022') {
      const fraction = await patch(admin, project, { gb_seconds: 10.5 })
      expect(fraction.status).toBe(400)
      expect(fraction.body.error).toContain('gb_seconds: must be a whole number')
    }
    const badName = await patch(admin, project, { name: 'Not A Name' })
    expect(badName.status).toBe(400)
    expect(badName.body.error).toMatch(/^name: /)
    const notObject = await api.call(admin, 'PATCH', `/projects/${project}`, '[1]', {
      'content-type': 'application/json',
    })
    expect(notObject.status).toBe(400)
    expect(notObject.body.error).toContain('must be a JSON object')
    expect((await api.call(admin, 'GET', `/projects/${project}`)).body[field]).toBeNull()
  })

  it('`suspend` is refused where it would change something, and the PATCH it came with is undone', async () => {
    const { admin, project } = await setting()
    const suspend = await patch(admin, project, { suspend: true })
    expect(suspend.status).toBe(400)
    expect(suspend.body.error).toContain(`set ${field} to stop "${project}"`)
    const both = await patch(admin, project, { [field]: 10, suspend: false })
    expect(both.status).toBe(400)
    expect(both.body.error).toContain(`raise or clear ${field} (null) to lift it`)
    expect((await api.call(admin, 'GET', `/projects/${project}`)).body[field]).toBeNull()
    // What the R client sends with a limit: suspend false, which agrees with the new limit.
    expect((await patch(admin, project, { [field]: 5000, suspend: false })).status).toBe(200)
  })

  it('renames the project and changes its advanced permissions', async () => {
    const { admin, project } = await setting()
    const renamed = uniqueName('renamed')
    const response = await patch(admin, project, { name: renamed, advanced_permissions: true })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ name: renamed, advanced_permissions: true })
    expect((await api.call(admin, 'GET', `/projects/${project}`)).status).toBe(404)
    const { project: other } = await setting()
    const taken = await patch(admin, renamed, { name: other })
    expect(taken.status).toBe(400)
    expect(taken.body.error).toContain('already exists')
  })

  it('every PATCH records one update event with the old and new values, by whom', async () => {
    const { admin, project, projectId } = await setting()
    const events = auditEventsRepository(api.app.db)
    await patch(admin, project, { [field]: 1500 })
    await patch(admin, project, { [field]: null })
    const refused = await patch(admin, project, { [field]: -1 })
    expect(refused.status).toBe(400)
    // The project's other events (its creation, its users) are left aside.
    const updates = () => events.list(projectId, { action: 'update', limit: 10, offset: 0 })
    const [cleared, set] = updates()
    expect(set).toMatchObject({
      action: 'update',
      user: admin.email,
      object_type: 'project',
      object_name: project,
      event: 'Changed the credit limit from none to 1,500.',
    })
    expect(cleared!.event).toBe('Changed the credit limit from 1,500 to none.')
    expect(updates()).toHaveLength(2)
  })
})
