import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths, utcToday as today } from '../../domain/dates'
import { createTestApi, uniqueName, type TestApi, setClock } from './helpers'

// Answers here depend on today (default periods, end dates after today): the clock is set.
setClock()

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(async () => api.close())

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
// New records get UUID v4 ids, as the contract says (shared/API.md): version 4, variant 0b10.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const nextYear = addMonths(today(), 12)

describe('POST /organizations', () => {
  it('creates the organization with the caller as its admin, in the contract shape', async () => {
    const admin = api.user()
    const name = uniqueName()
    const created = await api.call(admin, 'POST', '/organizations', {
      name,
      subscription: 'professional',
      subscription_end_date: nextYear,
      unknown_field: 'ignored',
    })
    expect(created.status).toBe(201)
    expect(Object.keys(created.body).sort()).toEqual(['creation_date', 'id', 'name'])
    expect(created.body.id).toMatch(UUID_V4)
    expect(created.body.creation_date).toMatch(TIMESTAMP)

    const detail = await api.call(admin, 'GET', `/organizations/${name}`)
    expect(detail.body).toEqual({
      id: created.body.id,
      name,
      creation_date: created.body.creation_date,
      subscription: 'professional',
      subscription_self_service: false,
      status: 'active',
      subscription_start_date: today(),
      subscription_end_date: nextYear,
    })
    const members = await api.call(admin, 'GET', `/organizations/${name}/users`)
    expect(members.body).toEqual([{ id: admin.id, email: admin.email, name: '', surname: '', admin: true }])
  })

  it('gives free organizations no end date and self service', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const detail = await api.call(admin, 'GET', `/organizations/${name}`)
    expect(detail.body).toMatchObject({
      subscription: 'free',
      subscription_self_service: true,
      subscription_end_date: null,
    })
  })

  it.each([
    ['', 'name: Enter a name.'],
    ['a'.repeat(65), 'name: Use at most 64 characters'],
    ['1abc', 'name: Start the name with a lowercase letter.'],
    ['-abc', 'name: Start the name with a lowercase letter.'],
    ['Abc', 'name: Start the name with a lowercase letter.'],
    ['ab_c', 'name: Use only lowercase letters, digits and dashes'],
    ['ab c', 'name: Use only lowercase letters, digits and dashes'],
    ['abC', 'name: Use only lowercase letters, digits and dashes'],
  ])('refuses the name %j', async (name, message) => {
    const response = await api.call(api.user(), 'POST', '/organizations', { name, subscription: 'free' })
    expect(response.status).toBe(400)
    expect(response.body.error).toContain(message)
  })

  it('accepts names of 1 and 64 characters', async () => {
    const admin = api.user()
    // This file's database is its own, so a one-letter name is free here.
    for (const name of ['q', `z${uniqueName().replaceAll('-', '')}`.padEnd(64, '9')]) {
      const response = await api.call(admin, 'POST', '/organizations', { name, subscription: 'free' })
      expect(response.status, response.raw).toBe(201)
      expect(response.body.name).toBe(name)
    }
  })

  it('refuses a taken name', async () => {
    const first = api.user()
    const name = await api.organization(first)
    const response = await api.call(api.user(), 'POST', '/organizations', { name, subscription: 'free' })
    expect(response.status).toBe(400)
    expect(response.body.error).toBe(
      `name: An organization named "${name}" already exists; choose another name.`,
    )
  })

  it.each([
    [{ subscription: 'gold' }, 'subscription: Choose one of free, professional, enterprise'],
    [
      { subscription: 'free', subscription_end_date: nextYear },
      'subscription_end_date: The free subscription has no end date',
    ],
    [
      { subscription: 'professional' },
      'subscription_end_date: The professional subscription needs an end date',
    ],
    [
      { subscription: 'enterprise', subscription_end_date: null },
      'subscription_end_date: The enterprise subscription needs an end date',
    ],
    [
      { subscription: 'professional', subscription_end_date: '2021-02-30' },
      'subscription_end_date: Use a real date written YYYY-MM-DD',
    ],
    [
      { subscription: 'professional', subscription_end_date: '25-03-2030' },
      'subscription_end_date: Use a real date',
    ],
    [
      { subscription: 'professional', subscription_end_date: today() },
      'subscription_end_date: The end date must be after the start date',
    ],
    [
      { subscription: 'professional', subscription_end_date: '2020-01-01' },
      'subscription_end_date: The end date must be after the start date',
    ],
  ])('refuses %j', async (body, message) => {
    const response = await api.call(api.user(), 'POST', '/organizations', { name: uniqueName(), ...body })
    expect(response.status).toBe(400)
    expect(response.body.error).toContain(message)
  })

  it('names every field at fault at once', async () => {
    const response = await api.call(api.user(), 'POST', '/organizations', {
      name: 'Bad Name',
      subscription: 'gold',
      subscription_end_date: 'soon',
    })
    expect(response.status).toBe(400)
    for (const field of ['name:', 'subscription:', 'subscription_end_date:'])
      expect(response.body.error).toContain(field)
  })

  it.each([
    [{ subscription: 'free' }, 'name: this field is required.'],
    [{ name: uniqueName() }, 'subscription: this field is required.'],
    [{ name: 42, subscription: 'free' }, 'name: must be a string (the organization name), not a number.'],
    [{ name: uniqueName(), subscription: true }, 'subscription: must be a string'],
    [
      { name: uniqueName(), subscription: 'professional', subscription_end_date: 20300101 },
      'subscription_end_date: must be a date string',
    ],
    [{ name: ['a'], subscription: 'free' }, 'name: must be a string (the organization name), not a list.'],
  ])('refuses the wrong types in %j', async (body, message) => {
    const response = await api.call(api.user(), 'POST', '/organizations', body)
    expect(response.status).toBe(400)
    expect(response.body.error).toContain(message)
  })
})

describe('PATCH /organizations/{name}', () => {
  it('renames: the new name answers, the old one is a 404 and can be taken again', async () => {
    const admin = api.user()
    const old = await api.organization(admin)
    const renamed = uniqueName('renamed')
    const response = await api.call(admin, 'PATCH', `/organizations/${old}`, { name: renamed })
    expect(response.status).toBe(200)
    expect(response.body.name).toBe(renamed)
    expect(response.body).not.toHaveProperty('subscription_self_service')
    expect(response.body.status).toBe('active')
    expect((await api.call(admin, 'GET', `/organizations/${old}`)).status).toBe(404)
    expect((await api.call(admin, 'GET', `/organizations/${renamed}`)).status).toBe(200)
    expect((await api.call(admin, 'GET', `/organizations/${old}/users`)).status).toBe(404)
    expect(
      (await api.call(api.user(), 'POST', '/organizations', { name: old, subscription: 'free' })).status,
    ).toBe(201)
  })

  it('refuses a rename to a taken name or a bad one, and keeps the name', async () => {
    const admin = api.user()
    const first = await api.organization(admin)
    const second = await api.organization(admin)
    const taken = await api.call(admin, 'PATCH', `/organizations/${second}`, { name: first })
    expect(taken.status).toBe(400)
    expect(taken.body.error).toContain('already exists')
    const bad = await api.call(admin, 'PATCH', `/organizations/${second}`, { name: 'No Caps' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/^name: /)
    expect((await api.call(admin, 'GET', `/organizations/${second}`)).status).toBe(200)
  })

  it('renaming to its own name is fine', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    expect((await api.call(admin, 'PATCH', `/organizations/${name}`, { name })).status).toBe(200)
  })

  it('lets only staff change the subscription; an admin gets 403 with the reason', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const change = {
      subscription: 'professional',
      subscription_start_date: today(),
      subscription_end_date: nextYear,
    }
    const refused = await api.call(admin, 'PATCH', `/organizations/${name}`, change)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toContain('Only the platform operator')
    // Sending the current values back is not a change, so an admin's form may include them.
    const same = await api.call(admin, 'PATCH', `/organizations/${name}`, { subscription: 'free', name })
    expect(same.status).toBe(200)

    const staff = api.user({ staff: true })
    const changed = await api.call(staff, 'PATCH', `/organizations/${name}`, change)
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({
      subscription: 'professional',
      subscription_start_date: today(),
      subscription_end_date: nextYear,
    })
    const detail = await api.call(admin, 'GET', `/organizations/${name}`)
    expect(detail.body.subscription_self_service).toBe(false)
  })

  it('checks the dates of a subscription change', async () => {
    const staff = api.user({ staff: true })
    const name = await api.organization(api.user())
    const path = `/organizations/${name}`
    const missing = await api.call(staff, 'PATCH', path, {
      subscription: 'enterprise',
      subscription_end_date: nextYear,
    })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toContain(
      'subscription_start_date: The enterprise subscription needs a start date',
    )
    const backwards = await api.call(staff, 'PATCH', path, {
      subscription: 'enterprise',
      subscription_start_date: '2030-01-01',
      subscription_end_date: '2029-12-31',
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error).toContain('subscription_end_date: The end date must be after the start date')
    const badDate = await api.call(staff, 'PATCH', path, { subscription_start_date: '2024-02-30' })
    expect(badDate.status).toBe(400)
    expect(badDate.body.error).toContain('subscription_start_date: Use a real date')

    const ok = await api.call(staff, 'PATCH', path, {
      subscription: 'enterprise',
      subscription_start_date: '2024-01-31',
      subscription_end_date: '2026-01-31',
    })
    expect(ok.status).toBe(200)
    // null removes the end date, which only a free subscription may lack.
    const noEnd = await api.call(staff, 'PATCH', path, { subscription_end_date: null })
    expect(noEnd.status).toBe(400)
    expect(noEnd.body.error).toContain('needs an end date')
    // Back to free: the end date goes with it.
    const free = await api.call(staff, 'PATCH', path, { subscription: 'free' })
    expect(free.status).toBe(200)
    expect(free.body).toMatchObject({ subscription: 'free', subscription_end_date: null })
    const freeWithEnd = await api.call(staff, 'PATCH', path, { subscription_end_date: '2031-01-01' })
    expect(freeWithEnd.status).toBe(400)
  })

  it('refuses wrong types', async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    const response = await api.call(admin, 'PATCH', `/organizations/${name}`, {
      name: 5,
      subscription_end_date: false,
    })
    expect(response.status).toBe(400)
    expect(response.body.error).toContain('name: must be a string')
    expect(response.body.error).toContain(
      'subscription_end_date: must be a date string written YYYY-MM-DD, or null, not false.',
    )
  })
})

describe('GET /organizations', () => {
  it('lists by name', async () => {
    const admin = api.user()
    const names = [uniqueName('c'), uniqueName('a'), uniqueName('b')]
    for (const name of names) await api.organization(admin, { name })
    const response = await api.call(admin, 'GET', '/organizations')
    expect(response.body.map((o: { name: string }) => o.name)).toEqual([...names].sort())
  })
})

describe('GET /organizations/{name}/resources', () => {
  it("counts the organization's projects, members, deployments, pipelines and their versions as integers", async () => {
    const admin = api.user()
    const name = await api.organization(admin)
    await api.addMember(admin, name, api.user())
    const { id } = api.app.repositories.organizations.findByName(name)!
    const db = api.app.db
    db.prepare(
      "INSERT INTO projects (id, organization_id, name, creation_date) VALUES ('p1-' || ?, ?, 'p', '')",
    ).run(id, id)
    db.prepare("INSERT INTO deployments (id, project_id, name) VALUES ('d1-' || ?, 'p1-' || ?, 'd')").run(
      id,
      id,
    )
    db.prepare(
      "INSERT INTO deployment_versions (id, deployment_id, version) VALUES ('v1-' || ?, 'd1-' || ?, 'v1'), ('v2-' || ?, 'd1-' || ?, 'v2')",
    ).run(id, id, id, id)
    db.prepare("INSERT INTO pipelines (id, project_id, name) VALUES ('q1-' || ?, 'p1-' || ?, 'q')").run(
      id,
      id,
    )
    const response = await api.call(admin, 'GET', `/organizations/${name}/resources`)
    expect(response.raw).toBe(
      '{"projects":1,"users":2,"deployments":1,"deployment_versions":2,"pipelines":1,"pipeline_versions":0}',
    )
  })
})
