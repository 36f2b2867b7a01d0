// The two generations of API v2.1 served from one data store: the 2022 one answers its contract
// exactly, the current one every change of shared/API.md's table ("The current generation"), with
// the same rules, errors and authorization.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { addDays, addMonths, utcToday } from '../../domain/dates'
import { createTestApi, uniqueName, type Caller, type TestApi, setClock } from './helpers'

// Answers here depend on today (default periods, end dates after today): the clock is set.
setClock()

let current: TestApi
let legacy: TestApi
beforeAll(async () => {
  current = await createTestApi({ apiGeneration: 'current' })
  // The 2022 generation on the same database file: one data store serves both.
  const app = buildApp({ dbPath: current.dbPath, apiGeneration: '2022' })
  await app.ready()
  legacy = { ...current, app, call: callOn(app) }
})
afterAll(async () => {
  await legacy.app.close()
  await current.close()
})

/** `TestApi.call`, on another app (the 2022 one). */
function callOn(app: TestApi['app']): TestApi['call'] {
  return async (caller, method, url, body, headers = {}) => {
    const response = await app.inject({
      method,
      url: `/v2.1${url}`,
      headers: { ...(caller ? { authorization: `Token ${caller.token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    })
    const raw = response.body
    return {
      status: response.statusCode,
      body: raw ? JSON.parse(raw) : undefined,
      headers: response.headers,
      raw,
    }
  }
}

function addVoucher(description = 'Ten percent off') {
  const code = `CODE-${randomUUID().slice(0, 8)}`
  current.app.repositories.vouchers.insert({ code, description })
  return { code, description }
}

describe('the organization list and create answers', () => {
  it('current: status and two_factor_authentication_forced; 2022: id, name, creation_date only', async () => {
    const admin = current.user()
    const name = await current.organization(admin)
    const listed = (await current.call(admin, 'GET', '/organizations')).body
    expect(Object.keys(listed[0]).sort()).toEqual([
      'creation_date',
      'id',
      'name',
      'status',
      'two_factor_authentication_forced',
    ])
    expect(listed[0]).toMatchObject({ name, status: 'active', two_factor_authentication_forced: false })
    const old = (await legacy.call(admin, 'GET', '/organizations')).body
    expect(Object.keys(old[0]).sort()).toEqual(['creation_date', 'id', 'name'])
  })

  it('current create: subscription defaults to free, 2FA can be forced, a known voucher is kept', async () => {
    const admin = current.user()
    const voucher = addVoucher()
    const name = uniqueName()
    const created = await current.call(admin, 'POST', '/organizations', {
      name,
      voucher: voucher.code,
      two_factor_authentication_forced: true,
    })
    expect(created.status, created.raw).toBe(201)
    expect(created.body).toMatchObject({ name, status: 'active', two_factor_authentication_forced: true })
    const detail = (await current.call(admin, 'GET', `/organizations/${name}`)).body
    expect(detail).toMatchObject({
      subscription: 'free',
      two_factor_authentication_forced: true,
      voucher: voucher.code,
    })
    expect(current.app.repositories.organizations.findByName(name)!.voucher).toBe(voucher.code)
    // The 2022 detail has no voucher (the 2022 schema keeps only its own fields).
    const old = (await legacy.call(admin, 'GET', `/organizations/${name}`)).body
    expect(old).not.toHaveProperty('voucher')
  })

  it('current create: an unknown voucher is a 400 naming the field, and nothing is created', async () => {
    const admin = current.user()
    const name = uniqueName()
    const response = await current.call(admin, 'POST', '/organizations', { name, voucher: 'NO-SUCH-CODE' })
    expect(response.status).toBe(400)
    expect(response.body.error).toMatch(/^voucher: there is no voucher "NO-SUCH-CODE"/)
    expect(current.app.repositories.organizations.findByName(name)).toBeUndefined()
  })

  it('current create: the 2022 rules and errors hold (bad name, taken name, types, end dates)', async () => {
    const admin = current.user()
    const taken = await current.organization(admin)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'Bad Name' }, /^name: /],
      [{ name: taken }, /already exists/],
      [
        { name: uniqueName(), two_factor_authentication_forced: 'yes' },
        /two_factor_authentication_forced: must be true or false/,
      ],
      [{ name: uniqueName(), voucher: 42 }, /voucher: must be a string/],
      [
        { name: uniqueName(), subscription: 'professional' },
        /subscription_end_date: The professional subscription needs an end date/,
      ],
      [
        { name: uniqueName(), subscription_end_date: addMonths(utcToday(), 3) },
        /subscription_end_date: The free subscription has no end date \(it runs for a year\)\. Leave it out\./,
      ],
    ]
    for (const [body, message] of cases) {
      const response = await current.call(admin, 'POST', '/organizations', body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.error).toMatch(message)
    }
  })

  it('2022 create: subscription still required; voucher and 2FA ignored like any unknown field', async () => {
    const admin = current.user()
    const missing = await legacy.call(admin, 'POST', '/organizations', { name: uniqueName() })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/subscription: this field is required/)
    const name = uniqueName()
    const created = await legacy.call(admin, 'POST', '/organizations', {
      name,
      subscription: 'free',
      voucher: 'NO-SUCH-CODE',
      two_factor_authentication_forced: true,
    })
    expect(created.status, created.raw).toBe(201)
    const row = current.app.repositories.organizations.findByName(name)!
    expect([row.voucher, row.two_factor_authentication_forced]).toEqual([null, 0])
  })
})

describe('the organization detail and update', () => {
  it('current: no subscription_self_service, with 2FA and overage; 2022: the 2022 detail', async () => {
    const admin = current.user()
    const name = await current.organization(admin)
    const detail = (await current.call(admin, 'GET', `/organizations/${name}`)).body
    expect(Object.keys(detail).sort()).toEqual([
      'creation_date',
      'id',
      'name',
      'overage_usage',
      'status',
      'subscription',
      'subscription_end_date',
      'subscription_start_date',
      'two_factor_authentication_forced',
      'voucher',
    ])
    expect(detail).toMatchObject({
      overage_usage: false,
      two_factor_authentication_forced: false,
      voucher: null,
    })
    const old = (await legacy.call(admin, 'GET', `/organizations/${name}`)).body
    expect(old.subscription_self_service).toBe(true)
    expect(old).not.toHaveProperty('overage_usage')
    expect(old).not.toHaveProperty('two_factor_authentication_forced')
  })

  it('current: admins switch 2FA enforcement (answered as the detail); members get 403; overage is read-only', async () => {
    const admin = current.user()
    const member = current.user()
    const name = await current.organization(admin)
    await current.addMember(admin, name, member)
    const switched = await current.call(admin, 'PATCH', `/organizations/${name}`, {
      two_factor_authentication_forced: true,
      overage_usage: true,
    })
    expect(switched.status, switched.raw).toBe(200)
    expect(switched.body).toMatchObject({ two_factor_authentication_forced: true, overage_usage: false })
    expect(switched.body).not.toHaveProperty('subscription_self_service')
    const refused = await current.call(member, 'PATCH', `/organizations/${name}`, {
      two_factor_authentication_forced: false,
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/Only admins/)
    const wrongType = await current.call(admin, 'PATCH', `/organizations/${name}`, {
      two_factor_authentication_forced: 'no',
    })
    expect(wrongType.status).toBe(400)
    expect(
      (await current.call(member, 'GET', `/organizations/${name}`)).body.two_factor_authentication_forced,
    ).toBe(true)
    // The 2022 generation ignores the field, and its PATCH answer is the 2022 one.
    const old = await legacy.call(admin, 'PATCH', `/organizations/${name}`, {
      two_factor_authentication_forced: false,
    })
    expect(old.status).toBe(200)
    expect(Object.keys(old.body)).not.toContain('two_factor_authentication_forced')
    expect(current.app.repositories.organizations.findByName(name)!.two_factor_authentication_forced).toBe(1)
  })

  it('current: staff alone change subscriptions, within the date range', async () => {
    const admin = current.user()
    const staff = current.user({ staff: true })
    const name = await current.organization(admin)
    const change = {
      subscription: 'enterprise',
      subscription_start_date: utcToday(),
      subscription_end_date: addMonths(utcToday(), 12),
    }
    expect((await current.call(admin, 'PATCH', `/organizations/${name}`, change)).status).toBe(403)
    const far = await current.call(staff, 'PATCH', `/organizations/${name}`, {
      ...change,
      subscription_end_date: '9999-01-01',
    })
    expect(far.status).toBe(400)
    expect(far.body.error).toMatch(/subscription_end_date: Use a date from 2000-01-01 to 2100-12-31/)
    const done = await current.call(staff, 'PATCH', `/organizations/${name}`, change)
    expect(done.status).toBe(200)
    expect(done.body.subscription).toBe('enterprise')
  })
})

describe('GET /vouchers/{code}', () => {
  it('current: the description of a known code; 404 for an unknown one; 401 without a token', async () => {
    const caller = current.user()
    const voucher = addVoucher('Education: a semester free')
    const found = await current.call(caller, 'GET', `/vouchers/${voucher.code}`)
    expect(found.status).toBe(200)
    expect(found.raw).toBe(JSON.stringify({ description: 'Education: a semester free' }))
    const unknown = await current.call(caller, 'GET', '/vouchers/NO-SUCH-CODE')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatch(/no voucher "NO-SUCH-CODE"/)
    expect((await current.call(null, 'GET', `/vouchers/${voucher.code}`)).status).toBe(401)
  })

  it('2022: there is no such path', async () => {
    const voucher = addVoucher()
    const response = await legacy.call(current.user(), 'GET', `/vouchers/${voucher.code}`)
    expect(response.status).toBe(404)
    expect(response.body.error).toMatch(/There is no \/v2.1\/vouchers/)
  })
})

/** An organization with two live projects, a deleted one, resources in each, and known usage. */
async function organizationWithProjects(admin: Caller) {
  const name = await current.organization(admin)
  const { id } = current.app.repositories.organizations.findByName(name)!
  const db = current.app.db
  const project = db.prepare(
    'INSERT INTO projects (id, organization_id, name, creation_date, deletion_date) VALUES (?, ?, ?, ?, ?)',
  )
  const ids = { alpha: randomUUID(), beta: randomUUID(), gone: randomUUID() }
  // Live project names are unique across organizations: each call has its own (alpha still before beta).
  const names = { alpha: uniqueName('alpha'), beta: uniqueName('beta') }
  project.run(ids.beta, id, names.beta, '2020-01-01T00:00:00.000000Z', null)
  project.run(ids.alpha, id, names.alpha, '2020-01-01T00:00:00.000000Z', null)
  project.run(ids.gone, id, 'gone', '2020-01-01T00:00:00.000000Z', '2020-02-10T00:00:00.000000Z')
  for (const [projectId, table] of [
    [ids.alpha, 'buckets'],
    [ids.alpha, 'environments'],
    [ids.beta, 'buckets'],
    [ids.gone, 'buckets'],
    [ids.gone, 'environments'],
  ] as const)
    db.prepare(`INSERT INTO ${table} (id, project_id, name) VALUES (?, ?, ?)`).run(
      randomUUID(),
      projectId,
      randomUUID(),
    )
  db.prepare("INSERT INTO deployments (id, project_id, name) VALUES (?, ?, 'd')").run(randomUUID(), ids.gone)
  const rollup = db.prepare(
    'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
  )
  for (let day = '2020-01-01'; day < '2020-03-01'; day = addDays(day, 1)) {
    rollup.run(id, day, ids.alpha, 'deployment_version', 'credits', 1.5)
    rollup.run(id, day, ids.alpha, 'pipeline_version', 'credits', 0.25)
    rollup.run(id, day, ids.alpha, 'deployment_version', 'input_volume', 1000)
    if (day < '2020-02-10') rollup.run(id, day, ids.gone, 'deployment_version', 'credits', 2)
  }
  rollup.run(id, '2020-02-15', ids.beta, 'deployment_version', 'credits', 0.1)
  return { name, ids, names }
}

describe('GET /organizations/{name}/resources', () => {
  it('current adds buckets and environments; deleted projects are left out; 2022 answers its six counts', async () => {
    const admin = current.user()
    const { name } = await organizationWithProjects(admin)
    const now = await current.call(admin, 'GET', `/organizations/${name}/resources`)
    expect(now.raw).toBe(
      '{"projects":2,"users":1,"deployments":0,"deployment_versions":0,"pipelines":0,"pipeline_versions":0,"buckets":2,"environments":1}',
    )
    const old = await legacy.call(admin, 'GET', `/organizations/${name}/resources`)
    expect(old.raw).toBe(
      '{"projects":2,"users":1,"deployments":0,"deployment_versions":0,"pipelines":0,"pipeline_versions":0}',
    )
  })
})

describe('GET /organizations/{name}/usage', () => {
  it('current: credits per live project (by name, zero-filled), the deleted ones together, the organization their sum', async () => {
    const admin = current.user()
    const { name, ids, names } = await organizationWithProjects(admin)
    const response = await current.call(
      admin,
      'GET',
      `/organizations/${name}/usage?start_date=2020-01-01&end_date=2020-03-01`,
    )
    expect(response.status).toBe(200)
    const bucket = (start: string, end: string, value: number) => ({
      start_date: `${start}T00:00:00Z`,
      end_date: `${end}T00:00:00Z`,
      value,
    })
    expect(response.body).toEqual({
      interval: 'month',
      data_organization: [
        bucket('2020-01-01', '2020-02-01', 116.25),
        bucket('2020-02-01', '2020-03-01', 68.85),
      ],
      data_projects: [
        // Deployment and pipeline credits of the project, summed: 1.75 a day.
        {
          project_id: ids.alpha,
          project_name: names.alpha,
          data: [bucket('2020-01-01', '2020-02-01', 54.25), bucket('2020-02-01', '2020-03-01', 50.75)],
        },
        {
          project_id: ids.beta,
          project_name: names.beta,
          data: [bucket('2020-01-01', '2020-02-01', 0), bucket('2020-02-01', '2020-03-01', 0.1)],
        },
      ],
      data_deleted_projects: [bucket('2020-01-01', '2020-02-01', 62), bucket('2020-02-01', '2020-03-01', 18)],
    })
  })

  it('2022 on the same data: the sum over projects per object type and metric, the deleted projects included', async () => {
    const admin = current.user()
    const { name } = await organizationWithProjects(admin)
    const response = await legacy.call(
      admin,
      'GET',
      `/organizations/${name}/usage?start_date=2020-01-01&end_date=2020-03-01`,
    )
    expect(response.status).toBe(200)
    const series = (objectType: string, metric: string) =>
      response.body
        .find(
          (s: { object_type: string; metric: string }) => s.object_type === objectType && s.metric === metric,
        )
        .usage.map((b: { value: number }) => b.value)
    // 1.5 (alpha) + 2 (gone, until Feb 10) a day; 0.1 (beta) once.
    expect(series('deployment_version', 'credits')).toEqual([31 * 3.5, 9 * 3.5 + 20 * 1.5 + 0.1])
    expect(series('deployment_version', 'input_volume')).toEqual([31_000, 29_000])
    expect(response.body).toHaveLength(5)
  })

  it('current: the same query rules and errors as 2022 (default period, day buckets, 400s, 404 for outsiders)', async () => {
    const admin = current.user()
    const { name } = await organizationWithProjects(admin)
    const byDay = await current.call(
      admin,
      'GET',
      `/organizations/${name}/usage?start_date=2020-02-08&end_date=2020-02-11&interval=day`,
    )
    expect(byDay.body.data_deleted_projects.map((b: { value: number }) => b.value)).toEqual([2, 2, 0])
    const period = await current.call(admin, 'GET', `/organizations/${name}/usage`)
    expect(period.body.data_organization).toHaveLength(1)
    expect(period.body.data_projects).toHaveLength(2)
    const bad = await current.call(admin, 'GET', `/organizations/${name}/usage?interval=week`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/^interval: /)
    expect((await current.call(current.user(), 'GET', `/organizations/${name}/usage`)).status).toBe(404)
  })
})

describe('GET /openapi.json', () => {
  it('describes the generation being served', async () => {
    const now = (await current.call(null, 'GET', '/openapi.json')).body
    const old = (await legacy.call(null, 'GET', '/openapi.json')).body
    expect(now.info['x-api-generation']).toBe('current')
    expect(old.info['x-api-generation']).toBe('2022')
    expect(now.paths['/vouchers/{code}']).toBeDefined()
    expect(old.paths['/vouchers/{code}']).toBeUndefined()
    expect(now.components.schemas.OrganizationUsage.required).toContain('data_deleted_projects')
    expect(old.components.schemas.Resources.required).not.toContain('buckets')
  })
})
