import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, uniqueEmail, uniqueName, type TestApi } from './helpers'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(async () => api.close())

describe('POST /organizations/{name}/users', () => {
  it('adds an existing user, as a plain member by default', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const existing = api.user()
    const response = await api.call(admin, 'POST', `/organizations/${name}/users`, { email: existing.email })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({
      id: existing.id,
      email: existing.email,
      name: '',
      surname: '',
      admin: false,
      status: 'active',
      creation_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
    })
    // The list stays lean: one member's answer has when they joined, the list does not.
    const listed = await api.call(admin, 'GET', `/organizations/${name}/users`)
    expect(Object.keys(listed.body[0]).sort()).toEqual(['admin', 'email', 'id', 'name', 'surname'])
    const one = await api.call(admin, 'GET', `/organizations/${name}/users/${existing.id}`)
    expect(one.body).toMatchObject({ status: 'active', creation_date: response.body.creation_date })
  })

  it('creates an account for an unknown email, with empty name and surname', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const email = uniqueEmail('newcomer')
    const response = await api.call(admin, 'POST', `/organizations/${name}/users`, { email, admin: true })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ email, name: '', surname: '', admin: true })
    expect(api.app.repositories.users.findByEmail(email)?.id).toBe(response.body.id)
    // A UUID v4, as the contract's ids are (shared/API.md): version 4, variant 0b10.
    expect(response.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('compares emails case-insensitively: adding the same person twice is a 400', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const person = api.user()
    await api.addMember(admin, name, person)
    const again = await api.call(admin, 'POST', `/organizations/${name}/users`, {
      email: person.email.toUpperCase(),
    })
    expect(again.status).toBe(400)
    expect(again.body.error).toBe(`email: ${person.email} is already a member of "${name}".`)
    const list = await api.call(admin, 'GET', `/organizations/${name}/users`)
    expect(list.body).toHaveLength(2)
  })

  it.each([
    [{ email: '' }, 'email: Enter an email address.'],
    [{ email: 'not-an-email' }, 'email: "not-an-email" is not a valid email address.'],
    [{ email: 'a b@example.com' }, 'is not a valid email address'],
    [{ email: `${'a'.repeat(250)}@example.com` }, 'email: Use at most 254 characters.'],
    [{}, 'email: this field is required.'],
    [{ email: 7 }, 'email: must be a string (the email address), not a number.'],
    [{ email: uniqueEmail(), admin: 'true' }, 'admin: must be true or false, not a string.'],
    [{ email: uniqueEmail(), admin: 1 }, 'admin: must be true or false, not a number.'],
  ])('refuses %j', async (body, message) => {
    const admin = api.user()
    const name = await api.organization(admin)
    const response = await api.call(admin, 'POST', `/organizations/${name}/users`, body)
    expect(response.status).toBe(400)
    expect(response.body.error).toContain(message)
    expect((await api.call(admin, 'GET', `/organizations/${name}/users`)).body).toHaveLength(1)
  })
})

describe('GET /organizations/{name}/users', () => {
  it('lists by email, with booleans for admin', async () => {
    const admin = api.user({ email: uniqueEmail('m') })
    const name = await api.organization(admin)
    const others = [api.user({ email: uniqueEmail('z') }), api.user({ email: uniqueEmail('a') })]
    for (const other of others) await api.addMember(admin, name, other)
    const list = await api.call(admin, 'GET', `/organizations/${name}/users`)
    expect(list.body.map((m: { email: string }) => m.email)).toEqual(
      [admin.email, ...others.map((o) => o.email)].sort(),
    )
    expect(list.body.map((m: { admin: boolean }) => typeof m.admin)).toEqual([
      'boolean',
      'boolean',
      'boolean',
    ])
  })

  it('answers 404 for a user who is not a member, or an id that is no user', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    for (const id of [api.user().id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const response = await api.call(admin, 'GET', `/organizations/${name}/users/${id}`)
      expect(response.status).toBe(404)
      expect(response.body.error).toContain('There is no member')
    }
  })
})

describe('the last admin', () => {
  it('cannot be demoted or removed; another admin first, then it can', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const path = `/organizations/${name}/users/${admin.id}`
    const demote = await api.call(admin, 'PATCH', path, { admin: false })
    expect(demote.status).toBe(400)
    expect(demote.body.error).toBe(
      `${admin.email} is the last admin of "${name}" and cannot be demoted: make another member admin first.`,
    )
    const remove = await api.call(admin, 'DELETE', path)
    expect(remove.status).toBe(400)
    expect(remove.body.error).toContain('is the last admin')

    const second = api.user()
    await api.addMember(admin, name, second, true)
    expect((await api.call(admin, 'PATCH', path, { admin: false })).body.admin).toBe(false)
    // Now `second` is the last admin; the demoted one is a plain member and gets 403.
    expect((await api.call(admin, 'DELETE', `/organizations/${name}/users/${second.id}`)).status).toBe(403)
    expect((await api.call(second, 'DELETE', `/organizations/${name}/users/${second.id}`)).status).toBe(400)
    const removed = await api.call(second, 'DELETE', path)
    expect(removed.status).toBe(204)
    expect(removed.raw).toBe('')
  })

  it('promoting an admin again or demoting a plain member is harmless', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const member = api.user()
    await api.addMember(admin, name, member)
    expect(
      (await api.call(admin, 'PATCH', `/organizations/${name}/users/${admin.id}`, { admin: true })).status,
    ).toBe(200)
    const demoted = await api.call(admin, 'PATCH', `/organizations/${name}/users/${member.id}`, {
      admin: false,
    })
    expect(demoted.status).toBe(200)
    expect(demoted.body.admin).toBe(false)
  })
})

describe('PATCH /organizations/{name}/users/{id}', () => {
  it.each([
    [{}, 'admin: this field is required.'],
    [{ admin: 'false' }, 'admin: must be true or false, not a string.'],
    [{ admin: null }, 'admin: must be true or false, not null.'],
    [{ admin: 0 }, 'admin: must be true or false, not a number.'],
  ])('refuses %j', async (body, message) => {
    const admin = api.user()
    const name = await api.organization(admin)
    const member = api.user()
    await api.addMember(admin, name, member)
    const response = await api.call(admin, 'PATCH', `/organizations/${name}/users/${member.id}`, body)
    expect(response.status).toBe(400)
    expect(response.body.error).toBe(message)
  })

  it('only changes admin: other fields are ignored', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const member = api.user()
    await api.addMember(admin, name, member)
    const response = await api.call(admin, 'PATCH', `/organizations/${name}/users/${member.id}`, {
      admin: true,
      email: 'changed@example.com',
      name: 'Changed',
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      id: member.id,
      email: member.email,
      name: '',
      surname: '',
      admin: true,
    })
    expect(Object.keys(response.body).sort()).toEqual([
      'admin',
      'creation_date',
      'email',
      'id',
      'name',
      'status',
      'surname',
    ])
  })
})

describe('DELETE /organizations/{name}/users/{id}', () => {
  it("removes the member and their roles in this organization's projects only", async () => {
    const admin = api.user()
    const member = api.user()
    const name = await api.organization(admin)
    const other = await api.organization(admin)
    await api.addMember(admin, name, member)
    await api.addMember(admin, other, member)
    const projects: Record<string, string> = {}
    for (const n of [name, other]) {
      projects[n] = uniqueName('project')
      expect(
        (await api.call(admin, 'POST', '/projects', { name: projects[n], organization_name: n })).status,
      ).toBe(201)
      for (const role of ['project-editor', 'project-viewer'])
        expect(
          (
            await api.call(admin, 'POST', `/projects/${projects[n]}/role-assignments`, {
              user_id: member.id,
              role,
            })
          ).status,
        ).toBe(201)
    }
    const roles = (n: string) =>
      api.app.db
        .prepare(
          `SELECT count(*) AS c FROM role_assignments JOIN projects ON projects.id = role_assignments.project_id
            WHERE projects.name = ? AND role_assignments.user_id = ?`,
        )
        .get(projects[n], member.id) as { c: number }

    const response = await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`)
    expect(response.status).toBe(204)
    expect(roles(name).c).toBe(0)
    expect(roles(other).c).toBe(2)
    expect((await api.call(member, 'GET', `/organizations/${name}`)).status).toBe(404)
    expect((await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`)).status).toBe(404)
  })
})
