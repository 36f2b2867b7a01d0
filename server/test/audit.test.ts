// Audit events of projects (shared/API.md, "Projects, access and audit"): one per write to a project
// and its access, recorded in the write's transaction, none carrying a secret, newest first, filtered
// and paged as the official clients ask, readable by the project's users and the organization's
// admins only, and kept after the object they name is gone. Both generations, through app.inject().
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS } from '../../domain/generation'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

interface AuditEvent {
  id: string
  date: string
  action: string
  user: string | null
  event: string
  object_type: string
  object_name: string
}

describe.each(API_GENERATIONS)('project audit events, %s generation', (generation) => {
  let api: TestApi
  const isCurrent = generation === 'current'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
  })
  afterAll(async () => {
    await api.close()
  })

  const assignment = (userId: string, role: string) =>
    isCurrent ? { role, assignee: userId, assignee_type: 'user' } : { role, user_id: userId }

  /** An organization with an admin, a plain member and a fresh project. */
  async function setting() {
    const admin = api.user()
    const member = api.user()
    const organization = await api.organization(admin)
    await api.addMember(admin, organization, member)
    const project = uniqueName('project')
    expect(
      (await api.call(admin, 'POST', '/projects', { name: project, organization_name: organization })).status,
    ).toBe(201)
    return { admin, member, organization, project }
  }

  const events = async (caller: Caller, project: string, query = '') => {
    const response = await api.call(caller, 'GET', `/projects/${project}/audit${query}`)
    expect(response.status, response.raw).toBe(200)
    return response.body as AuditEvent[]
  }

  it('records an event for each write, newest first, naming who and what with the roles that went', async () => {
    const { admin, member, organization, project } = await setting()
    expect((await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })).status).toBe(
      201,
    )
    const given = await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(member.id, 'project-viewer'),
    )
    expect(given.status).toBe(201)
    expect(
      (await api.call(admin, 'DELETE', `/projects/${project}/role-assignments/${given.body.id}`)).status,
    ).toBe(204)
    expect(
      (
        await api.call(
          admin,
          'POST',
          `/projects/${project}/role-assignments`,
          assignment(member.id, 'project-editor'),
        )
      ).status,
    ).toBe(201)
    expect((await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)).status).toBe(204)

    const listed = await events(admin, project)
    expect(
      listed.map(({ action, user, object_type, object_name, event }) => ({
        action,
        user,
        object_type,
        object_name,
        event,
      })),
    ).toEqual([
      {
        action: 'delete',
        user: admin.email,
        object_type: 'user',
        object_name: member.email,
        event: `Removed ${member.email} from the project ${project}, with their roles: project-editor on the project`,
      },
      {
        action: 'create',
        user: admin.email,
        object_type: 'role_assignment',
        object_name: member.email,
        event: `Gave ${member.email} the role project-editor on the project`,
      },
      {
        action: 'delete',
        user: admin.email,
        object_type: 'role_assignment',
        object_name: member.email,
        event: `Took the role project-viewer on the project from ${member.email}`,
      },
      {
        action: 'create',
        user: admin.email,
        object_type: 'role_assignment',
        object_name: member.email,
        event: `Gave ${member.email} the role project-viewer on the project`,
      },
      {
        action: 'create',
        user: admin.email,
        object_type: 'user',
        object_name: member.email,
        event: `Added ${member.email} to the project ${project}`,
      },
      {
        action: 'create',
        user: admin.email,
        object_type: 'project',
        object_name: project,
        event: `Created project ${project} in the organization ${organization}`,
      },
    ])
    // Dates are the writes' own, newest first; ids are unique.
    const dates = listed.map((event) => event.date)
    // To the millisecond: the timestamp's last three digits come from performance.now(), which does
    // not keep order with the clock inside one millisecond.
    const milliseconds = dates.map((date) => date.slice(0, 23))
    expect([...milliseconds].sort().reverse()).toEqual(milliseconds)
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/)
    expect(new Set(listed.map((event) => event.id)).size).toBe(listed.length)
  })

  it('says when a role came with joining the project, and records no event for a refused write', async () => {
    const { admin, member, project } = await setting()
    const body = assignment(member.id, 'project-editor')
    expect((await api.call(admin, 'POST', `/projects/${project}/role-assignments`, body)).status).toBe(201)
    // The same role again is a 400, and a plain member may not write: neither leaves an event.
    expect((await api.call(admin, 'POST', `/projects/${project}/role-assignments`, body)).status).toBe(400)
    expect(
      (await api.call(member, 'POST', `/projects/${project}/users`, { user_id: member.id })).status,
    ).toBe(403)
    const [latest, ...rest] = await events(admin, project)
    expect(latest!.event).toBe(
      `Gave ${member.email} the role project-editor on the project, adding them to the project ${project}`,
    )
    expect(rest.map((event) => event.object_type)).toEqual(['project'])
  })

  it('never carries a token or a secret', async () => {
    const { admin, member, project } = await setting()
    await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })
    await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(member.id, 'project-admin'),
    )
    await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)
    const raw = (await api.call(admin, 'GET', `/projects/${project}/audit`)).raw
    for (const secret of [admin.token, member.token]) expect(raw).not.toContain(secret)
    expect(raw).not.toMatch(/token|password|secret/i)
  })

  it('filters by action and pages by limit and offset; 50 by default', async () => {
    const { admin, organization, project } = await setting()
    const people: Caller[] = []
    for (let index = 0; index < 30; index += 1) {
      const person = api.user()
      await api.addMember(admin, organization, person)
      people.push(person)
    }
    for (const person of people)
      expect(
        (await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: person.id })).status,
      ).toBe(201)
    for (const person of people.slice(0, 25))
      expect((await api.call(admin, 'DELETE', `/projects/${project}/users/${person.id}`)).status).toBe(204)

    const all = await events(admin, project, '?limit=1000')
    expect(all).toHaveLength(56)
    expect(await events(admin, project)).toEqual(all.slice(0, 50))
    expect(await events(admin, project, '?limit=7&offset=20')).toEqual(all.slice(20, 27))
    expect(await events(admin, project, '?offset=55')).toEqual(all.slice(55))
    expect(await events(admin, project, '?offset=56')).toEqual([])
    const deletes = await events(admin, project, '?action=delete&limit=100')
    expect(deletes).toEqual(all.filter((event) => event.action === 'delete'))
    expect(deletes).toHaveLength(25)
    expect(await events(admin, project, '?action=delete&limit=5&offset=20')).toEqual(deletes.slice(20))
    expect(await events(admin, project, '?action=update')).toEqual([])
  })

  it('answers a bad action, limit or offset with a 400 naming each', async () => {
    const { admin, project } = await setting()
    for (const [query, message] of [
      ['?action=remove', 'action: use create, update, delete or info (got "remove").'],
      ['?limit=0', 'limit: give a whole number from 1 to 1000 (got "0").'],
      ['?limit=1001', 'limit: give a whole number from 1 to 1000 (got "1001").'],
      ['?limit=ten', 'limit: give a whole number from 1 to 1000 (got "ten").'],
      ['?offset=-1', 'offset: give a whole number, 0 or more (got "-1").'],
      ['?offset=1.5', 'offset: give a whole number, 0 or more (got "1.5").'],
    ]) {
      const response = await api.call(admin, 'GET', `/projects/${project}/audit${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body, query).toEqual({ error: message })
    }
    const both = await api.call(admin, 'GET', `/projects/${project}/audit?action=x&limit=x`)
    expect(both.body.error).toMatch(/^action: .* limit: /)
  })

  it("is read by the project's users and the organization's admins, and no one else", async () => {
    const { admin, member, organization, project } = await setting()
    // An organization member outside the project and a stranger learn nothing of it.
    const stranger = api.user()
    for (const caller of [member, stranger]) {
      const refused = await api.call(caller, 'GET', `/projects/${project}/audit`)
      expect(refused.status).toBe(404)
      expect(refused.body.error).toMatch(/There is no project/)
    }
    expect((await api.call(null, 'GET', `/projects/${project}/audit`)).status).toBe(401)
    // A project user without any role reads it, as another admin of the organization does.
    await api.call(admin, 'POST', `/projects/${project}/users`, { user_id: member.id })
    expect((await events(member, project)).length).toBe(2)
    const otherAdmin = api.user()
    await api.addMember(admin, organization, otherAdmin, true)
    expect((await events(otherAdmin, project)).length).toBe(2)
    const staff = api.user({ staff: true })
    expect((await events(staff, project)).length).toBe(2)
  })

  it('keeps events after the object they name is gone, and after the project is deleted', async () => {
    const { admin, member, project } = await setting()
    await api.call(
      admin,
      'POST',
      `/projects/${project}/role-assignments`,
      assignment(member.id, 'project-viewer'),
    )
    await api.call(admin, 'DELETE', `/projects/${project}/users/${member.id}`)
    const before = await events(admin, project)
    // The member's user and role assignment are gone; the events naming them are not.
    expect(before.filter((event) => event.object_name === member.email)).toHaveLength(2)

    expect((await api.call(admin, 'DELETE', `/projects/${project}`)).status).toBe(204)
    expect((await api.call(admin, 'GET', `/projects/${project}/audit`)).status).toBe(404)
    const db = new Database(api.dbPath, { readonly: true })
    try {
      const kept = db
        .prepare(
          `SELECT action, event FROM audit_events JOIN projects ON projects.id = audit_events.project_id
            WHERE projects.name = ? ORDER BY sequence DESC`,
        )
        .all(project) as { action: string; event: string }[]
      expect(kept.map((row) => row.event)).toEqual([
        `Deleted project ${project} and removed its 1 user`,
        ...before.map((event) => event.event),
      ])
    } finally {
      db.close()
    }
  })
})
