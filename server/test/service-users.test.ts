// Service users of projects (shared/API.md, "Projects, access and audit"), in both generations,
// through app.inject() on a real database, with the server's clock under the test's control.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash, randomUUID } from 'node:crypto'
import { API_GENERATIONS } from '../../domain/generation'
import { LAST_USE_PRECISION_MS } from '../repositories/service-users'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

const START = Date.parse('2026-03-10T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000

describe.each(API_GENERATIONS)('service users, %s generation', (generation) => {
  let api: TestApi
  let nowMs = START
  const isCurrent = generation === 'current'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation, auth: { now: () => nowMs } })
  })
  afterAll(async () => {
    await api.close()
  })

  /** An organization with an admin, a project admin, a project viewer, an outsider member and a project. */
  async function setting() {
    nowMs = START
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
    for (const [user, role] of [
      [projectAdmin, 'project-admin'],
      [viewer, 'project-viewer'],
    ] as const) {
      const body = isCurrent ? { role, assignee: user.id, assignee_type: 'user' } : { role, user_id: user.id }
      expect((await api.call(admin, 'POST', `/projects/${project}/role-assignments`, body)).status).toBe(201)
    }
    return { admin, projectAdmin, viewer, outsider, organization, project }
  }

  const asToken = (token: string): Caller => ({ email: 'service-user', id: 'service-user', token })
  const storedHashes = () =>
    (api.app.db.prepare('SELECT token_hash FROM service_users').all() as { token_hash: string }[]).map(
      (row) => row.token_hash,
    )
  const auditOf = (projectName: string) =>
    api.app.db
      .prepare(
        `SELECT action, event, object_type, object_name, user_email FROM audit_events
          WHERE project_id = (SELECT id FROM projects WHERE name = ?) AND object_type = 'service_user'
          ORDER BY sequence`,
      )
      .all(projectName) as { action: string; event: string; object_name: string; user_email: string }[]

  it("creates one with the generation's fields, the token once and stored as its SHA-256 only", async () => {
    const { admin, project } = await setting()
    const name = uniqueName('robot')
    const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, {
      name,
      description: 'Nightly export',
      expiry_date: '2026-04-01',
    })
    expect(created.status).toBe(201)
    const { token, ...rest } = created.body as { token: string; id: string; email: string }
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    expect(rest.email).toBe(`${rest.id}.${project}@serviceuser.local`)
    expect(Object.keys(rest).sort()).toEqual(
      isCurrent
        ? ['creation_date', 'description', 'email', 'expiry_date', 'id', 'name', 'token_last_used']
        : ['creation_date', 'email', 'id', 'name'],
    )
    if (isCurrent) {
      expect(created.body.expiry_date).toBe('2026-04-01T00:00:00.000000Z')
      expect(created.body.token_last_used).toBeNull()
      expect(created.body.description).toBe('Nightly export')
    }
    // Never answered again: not in the list, not in the detail; stored hashed, not as itself.
    const listed = await api.call(admin, 'GET', `/projects/${project}/service-users`)
    expect(listed.status).toBe(200)
    expect(listed.raw).not.toContain(token)
    const one = await api.call(admin, 'GET', `/projects/${project}/service-users/${rest.id}`)
    expect(one.body).toEqual((listed.body as unknown[])[0])
    expect(one.raw).not.toContain(token)
    expect(storedHashes()).toContain(createHash('sha256').update(token).digest('hex'))
    expect(storedHashes()).not.toContain(token)
  })

  it('authenticates with the token, records its use at most once a minute, and refuses a reset or deleted one', async () => {
    const { admin, project } = await setting()
    const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, { name: 'ci' })
    const { id, token } = created.body as { id: string; token: string }
    const lastUsed = () =>
      (
        api.app.db.prepare('SELECT token_last_used FROM service_users WHERE id = ?').get(id) as {
          token_last_used: string | null
        }
      ).token_last_used

    nowMs = START + 1000
    const me = await api.call(asToken(token), 'GET', '/user')
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(id)
    expect(lastUsed()).toBe('2026-03-10T12:00:01.000000Z')
    const first = lastUsed()

    // Within the minute: no write.
    nowMs = START + 1000 + LAST_USE_PRECISION_MS - 1
    expect((await api.call(asToken(token), 'GET', '/user')).status).toBe(200)
    expect(lastUsed()).toBe(first)
    // After it: written.
    nowMs = START + 1000 + LAST_USE_PRECISION_MS + 1
    expect((await api.call(asToken(token), 'GET', '/user')).status).toBe(200)
    expect(lastUsed()).toBe('2026-03-10T12:01:01.001000Z')
    if (isCurrent) {
      const listed = await api.call(admin, 'GET', `/projects/${project}/service-users/${id}`)
      expect(listed.body.token_last_used).toBe(lastUsed())
    }

    const reset = await api.call(admin, 'PUT', `/projects/${project}/service-users/${id}/token`)
    expect(reset.status).toBe(200)
    expect(Object.keys(reset.body)).toEqual(['token'])
    expect(reset.body.token).not.toBe(token)
    expect((await api.call(asToken(token), 'GET', '/user')).status).toBe(401)
    expect((await api.call(asToken(reset.body.token), 'GET', '/user')).status).toBe(200)

    expect((await api.call(admin, 'DELETE', `/projects/${project}/service-users/${id}`)).status).toBe(204)
    const gone = await api.call(asToken(reset.body.token), 'GET', '/user')
    expect(gone.status).toBe(401)
    expect(gone.body).toEqual({ error: expect.any(String) })
    expect((await api.call(admin, 'GET', `/projects/${project}/service-users/${id}`)).status).toBe(404)
  })

  it('never gives a service user the rights of a person: no organization endpoints, nothing in its project without a role', async () => {
    const { admin, organization, project } = await setting()
    const { token } = (await api.call(admin, 'POST', `/projects/${project}/service-users`, { name: 'bot' }))
      .body
    const bot = asToken(token)
    for (const [method, url, body] of [
      ['GET', '/organizations', undefined],
      ['POST', '/organizations', { name: uniqueName(), subscription: 'free' }],
      ['GET', `/organizations/${organization}`, undefined],
      ['GET', `/organizations/${organization}/users`, undefined],
    ] as const) {
      const answer = await api.call(bot, method, url, body)
      expect(answer.status, `${method} ${url}`).toBe(403)
      expect(answer.body.error).toContain(project)
    }
    // Without a role, its own project refuses it and says why; creating projects is never its to do.
    for (const [method, url, body] of [
      ['GET', `/projects/${project}`, undefined],
      ['GET', `/projects/${project}/service-users`, undefined],
      ['POST', `/projects/${project}/service-users`, { name: 'x' }],
    ] as const) {
      const answer = await api.call(bot, method, url, body)
      expect(answer.status, `${method} ${url}`).toBe(403)
      expect(answer.body.error).toMatch(/holds no role in the project/)
    }
    const creating = await api.call(bot, 'POST', '/projects', {
      name: uniqueName('p'),
      organization_name: organization,
    })
    expect(creating.status).toBe(403)
    expect(creating.body.error).toContain(`works only within its project ("${project}")`)
    expect((await api.call(bot, 'GET', `/projects?organization=${organization}`)).body).toEqual([])
    expect((await api.call(bot, 'GET', '/projects')).body).toEqual([])
  })

  it.runIf(isCurrent)(
    'refuses an expired token with a 401 that says so, and takes a later expiry',
    async () => {
      const { admin, project } = await setting()
      const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, {
        name: 'short-lived',
        expiry_date: new Date(START + DAY).toISOString(),
      })
      expect(created.status).toBe(201)
      const bot = asToken(created.body.token)
      nowMs = START + DAY - 1
      expect((await api.call(bot, 'GET', '/user')).status).toBe(200)
      nowMs = START + DAY
      const expired = await api.call(bot, 'GET', '/user')
      expect(expired.status).toBe(401)
      expect(expired.body.error).toMatch(/expired/)
      expect(expired.body.error).toContain(project)
      // An expired token's attempts do not count as wrong guesses, and its use is not recorded.
      const row = await api.call(admin, 'GET', `/projects/${project}/service-users/${created.body.id}`)
      expect(row.body.token_last_used).toBe(
        (
          api.app.db
            .prepare('SELECT token_last_used FROM service_users WHERE id = ?')
            .get(created.body.id) as {
            token_last_used: string
          }
        ).token_last_used,
      )
      const later = await api.call(admin, 'PATCH', `/projects/${project}/service-users/${created.body.id}`, {
        expiry_date: '2026-03-20',
      })
      expect(later.status).toBe(200)
      expect(later.body.expiry_date).toBe('2026-03-20T00:00:00.000000Z')
      expect((await api.call(bot, 'GET', '/user')).status).toBe(200)
      const never = await api.call(admin, 'PATCH', `/projects/${project}/service-users/${created.body.id}`, {
        expiry_date: null,
      })
      expect(never.body.expiry_date).toBeNull()
    },
  )

  it.runIf(isCurrent)(
    'names every field at fault: a past or unreadable expiry, a blank name, a long description',
    async () => {
      const { admin, project } = await setting()
      const answer = await api.call(admin, 'POST', `/projects/${project}/service-users`, {
        name: '   ',
        description: 'x'.repeat(401),
        expiry_date: '2026-03-01',
      })
      expect(answer.status).toBe(400)
      expect(answer.body.error).toMatch(/name: .*description: .*expiry_date: Choose an expiry in the future/)
      const unreadable = await api.call(admin, 'POST', `/projects/${project}/service-users`, {
        expiry_date: 'soon',
      })
      expect(unreadable.status).toBe(400)
      expect(unreadable.body.error).toMatch(/^expiry_date: Write the expiry as a date/)
      const wrongType = await api.call(admin, 'POST', `/projects/${project}/service-users`, { name: 5 })
      expect(wrongType.status).toBe(400)
      expect(wrongType.body.error).toMatch(/name/)
    },
  )

  it.runIf(!isCurrent)(
    'ignores an expiry and a description, which the 2022 contract does not have',
    async () => {
      const { admin, project } = await setting()
      const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, {
        name: 'old-style',
        expiry_date: '2020-01-01',
        description: 'x'.repeat(500),
      })
      expect(created.status).toBe(201)
      const bot = asToken(created.body.token)
      expect((await api.call(bot, 'GET', '/user')).status).toBe(200)
    },
  )

  it('lets project admins and organization admins manage them; a viewer gets a 403, others a 404', async () => {
    const { admin, projectAdmin, viewer, outsider, project } = await setting()
    const byProjectAdmin = await api.call(projectAdmin, 'POST', `/projects/${project}/service-users`, {
      name: 'pa',
    })
    expect(byProjectAdmin.status).toBe(201)
    const { id } = byProjectAdmin.body
    const stranger = api.user()
    const paths: [string, string, object | undefined][] = [
      ['GET', `/projects/${project}/service-users`, undefined],
      ['POST', `/projects/${project}/service-users`, { name: 'no' }],
      ['GET', `/projects/${project}/service-users/${id}`, undefined],
      ['PATCH', `/projects/${project}/service-users/${id}`, { name: 'no' }],
      ['PUT', `/projects/${project}/service-users/${id}/token`, undefined],
      ['DELETE', `/projects/${project}/service-users/${id}`, undefined],
    ]
    for (const [method, url, body] of paths) {
      expect((await api.call(viewer, method, url, body)).status, `viewer ${method} ${url}`).toBe(403)
      expect((await api.call(outsider, method, url, body)).status, `outsider ${method} ${url}`).toBe(404)
      expect((await api.call(stranger, method, url, body)).status, `stranger ${method} ${url}`).toBe(404)
      expect((await api.call(null, method, url, body)).status).toBe(401)
    }
    expect((await api.call(admin, 'GET', `/projects/${project}/service-users/${id}`)).status).toBe(200)
    const missing = await api.call(admin, 'DELETE', `/projects/${project}/service-users/${randomUUID()}`)
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatch(/no service user/)
  })

  it('records an audit event for every write, naming the service user and never its token', async () => {
    const { admin, project } = await setting()
    const created = await api.call(admin, 'POST', `/projects/${project}/service-users`, { name: 'audited' })
    const { id, token } = created.body
    await api.call(admin, 'PATCH', `/projects/${project}/service-users/${id}`, { name: 'audited-2' })
    const reset = await api.call(admin, 'PUT', `/projects/${project}/service-users/${id}/token`)
    await api.call(admin, 'DELETE', `/projects/${project}/service-users/${id}`)
    const events = auditOf(project)
    expect(events.map((event) => event.action)).toEqual(['create', 'update', 'update', 'delete'])
    expect(events.map((event) => event.object_name)).toEqual([
      'audited',
      'audited-2',
      'audited-2',
      'audited-2',
    ])
    expect(events.every((event) => event.user_email === admin.email)).toBe(true)
    expect(events[1]!.event).toContain('from audited to audited-2')
    expect(events[2]!.event).toMatch(/Reset the token/)
    const all = JSON.stringify(api.app.db.prepare('SELECT * FROM audit_events').all())
    for (const secret of [token, reset.body.token]) expect(all).not.toContain(secret)
    // A refused write records nothing.
    await api.call(admin, 'DELETE', `/projects/${project}/service-users/${id}`)
    expect(auditOf(project)).toHaveLength(4)
  })

  it("stops a deleted project's tokens", async () => {
    const { admin, project } = await setting()
    const { token } = (await api.call(admin, 'POST', `/projects/${project}/service-users`, { name: 'x' }))
      .body
    expect((await api.call(asToken(token), 'GET', '/user')).status).toBe(200)
    expect((await api.call(admin, 'DELETE', `/projects/${project}`)).status).toBe(204)
    expect((await api.call(asToken(token), 'GET', '/user')).status).toBe(401)
  })
})
