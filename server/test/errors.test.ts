// Bad input of every kind: each answer is {"error": "..."} with the right status, never a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../repositories/tokens'
import { createTestApi, uniqueName, type Caller, type TestApi } from './helpers'

let api: TestApi
let caller: Caller
beforeAll(async () => {
  api = await createTestApi()
  caller = api.user()
})
afterAll(async () => api.close())

const json = { 'content-type': 'application/json' }

function expectError(
  response: { status: number; body: unknown; raw: string },
  status: number,
  message: RegExp,
) {
  expect(response.status, response.raw).toBe(status)
  expect(Object.keys(response.body as object)).toEqual(['error'])
  expect((response.body as { error: string }).error).toMatch(message)
  expect(response.raw).not.toMatch(/at .*\.ts:\d+|stack/i)
}

describe('bodies', () => {
  it.each([
    ['{"name": ', /not valid JSON/],
    ['not json', /not valid JSON/],
    ["{'name': 'x'}", /not valid JSON/],
    ['[]', /body must be a JSON object/],
    ['"a string"', /body must be a JSON object/],
    ['42', /body must be a JSON object/],
    ['null', /body must be a JSON object/],
    ['', /body is empty/],
  ])('refuses the body %j with 400', async (payload, message) => {
    expectError(await api.call(caller, 'POST', '/organizations', payload, json), 400, message)
  })

  it('refuses a missing body with 400 naming the object it wants', async () => {
    expectError(await api.call(caller, 'POST', '/organizations'), 400, /body must be a JSON object/)
  })

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/xml']])(
    'refuses %s with 415',
    async (type) => {
      expectError(
        await api.call(caller, 'POST', '/organizations', 'name=x', { 'content-type': type }),
        415,
        /as JSON/,
      )
    },
  )

  it('refuses a body over 64 KB with 413, and creates nothing', async () => {
    const name = uniqueName()
    const payload = JSON.stringify({ name, subscription: 'free', padding: 'x'.repeat(70_000) })
    expectError(await api.call(caller, 'POST', '/organizations', payload, json), 413, /larger than 64 KB/)
    expect(api.app.repositories.organizations.findByName(name)).toBeUndefined()
  })

  it('ignores unknown fields', async () => {
    const response = await api.call(caller, 'POST', '/organizations', {
      name: uniqueName(),
      subscription: 'free',
      colour: 'blue',
      id: 'mine',
    })
    expect(response.status).toBe(201)
    expect(response.body.id).not.toBe('mine')
  })

  it('drops __proto__ keys like any unknown field', async () => {
    const admin = api.user()
    const name = uniqueName()
    const member = api.user()
    const payload = `{"name": "${name}", "subscription": "free", "__proto__": {"subscription": "enterprise"}}`
    expect((await api.call(admin, 'POST', '/organizations', payload, json)).status).toBe(201)
    expect((await api.call(admin, 'GET', `/organizations/${name}`)).body.subscription).toBe('free')
    const add = `{"email": "${member.email}", "__proto__": {"admin": true}}`
    const added = await api.call(admin, 'POST', `/organizations/${name}/users`, add, json)
    expect(added.status).toBe(201)
    expect(added.body.admin).toBe(false)
  })
})

describe('paths and methods', () => {
  it('answers an unknown path with 404 and a pointer to /v2.1', async () => {
    expectError(await api.call(caller, 'GET', '/nope'), 404, /There is no \/v2\.1\/nope/)
    const outside = await api.app.inject({ method: 'GET', url: '/organizations' })
    expect(outside.statusCode).toBe(404)
    expect(JSON.parse(outside.body).error).toMatch(
      /start with \/v2\.1\/ and are listed in \/v2\.1\/openapi\.json/,
    )
  })

  it('answers an undecodable path with 400 and an over-long segment with 404, in the error shape', async () => {
    expectError(await api.call(caller, 'GET', '/organizations/%ZZ'), 400, /address is not valid/)
    expectError(await api.call(null, 'GET', '/organizations/a/users/%E0%A4%A'), 400, /address is not valid/)
    expectError(await api.call(caller, 'GET', `/organizations/${'a'.repeat(101)}`), 404, /no such object/)
  })

  it.each([
    ['PUT', '/organizations', 'GET, HEAD, POST'],
    ['DELETE', '/organizations/some-org', 'GET, HEAD, PATCH'],
    ['POST', '/organizations/some-org/usage', 'GET, HEAD'],
    ['PUT', '/organizations/some-org/users/some-id', 'DELETE, GET, HEAD, PATCH'],
    ['POST', '/status', 'GET, HEAD'],
  ] as const)('answers %s %s with 405 and Allow: %s', async (method, path, allowed) => {
    const response = await api.call(caller, method, path)
    expectError(response, 405, new RegExp(`${method} is not allowed.*use ${allowed}`))
    expect(response.headers.allow).toBe(allowed)
  })
})

describe('trailing slashes and precedence', () => {
  it('treats a trailing slash as the same path', async () => {
    expect((await api.call(caller, 'GET', '/organizations/')).status).toBe(200)
  })

  it('answers a caller without a token 401 before looking at the body', async () => {
    expectError(await api.call(null, 'POST', '/organizations', '{bad', json), 401, /API token/)
  })
})

describe('status and the OpenAPI document', () => {
  it('answers 503 "fail" when the database does not answer', async () => {
    const broken = await createTestApi()
    try {
      broken.app.db.close()
      const response = await broken.call(null, 'GET', '/status')
      expect(response.status).toBe(503)
      expect(response.body).toEqual({ status: 'fail' })
    } finally {
      await broken.close()
    }
  })

  it('answers /status without a token', async () => {
    const response = await api.call(null, 'GET', '/status')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('serves the OpenAPI document, whose paths are the routes of this server', async () => {
    const response = await api.call(null, 'GET', '/openapi.json')
    expect(response.status).toBe(200)
    expect(response.body.openapi).toMatch(/^3\./)
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) =>
        Object.keys(operations)
          .filter((key) => key !== 'parameters')
          .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    for (const route of documented) {
      const [method, path] = route.split(' ') as [string, string]
      expect(api.app.hasRoute({ method, url: `/v2.1${path}` }), route).toBe(true)
    }
    // 17 of organizations, members, usage, sign-in, the local sign-out and status; 16 of projects,
    // their access, usage and audit events (2022), the project's PATCH among them; 6 of service users.
    expect(documented).toHaveLength(39)
  })
})

describe('tokens', () => {
  it('are stored as their SHA-256 only', () => {
    const user = api.user()
    const rows = api.app.db.prepare('SELECT hash FROM tokens WHERE user_id = ?').all(user.id) as {
      hash: string
    }[]
    expect(rows).toEqual([{ hash: hashToken(user.token) }])
    const dump = JSON.stringify(api.app.db.prepare('SELECT * FROM tokens').all())
    expect(dump).not.toContain(user.token)
  })

  it('answers 429 with Retry-After after 20 wrong tokens from one address, then refuses even a good token', async () => {
    const guarded = await createTestApi({ auth: { maxFailures: 20, windowMs: 60_000 } })
    try {
      const good = guarded.user()
      const attempt = (token: string) =>
        guarded.app.inject({
          method: 'GET',
          url: '/v2.1/user',
          headers: { authorization: `Token ${token}` },
          remoteAddress: '10.0.0.7',
        })
      for (let i = 0; i < 20; i += 1) expect((await attempt(`guess-${i}`)).statusCode).toBe(401)
      const blocked = await attempt('guess-21')
      expect(blocked.statusCode).toBe(429)
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
      expect(JSON.parse(blocked.body).error).toMatch(/Too many wrong tokens.*Try again in \d+ seconds/)
      expect((await attempt(good.token)).statusCode).toBe(429)
      // Another address is not affected.
      const other = await guarded.app.inject({
        method: 'GET',
        url: '/v2.1/user',
        headers: { authorization: `Token ${good.token}` },
        remoteAddress: '10.0.0.8',
      })
      expect(other.statusCode).toBe(200)
    } finally {
      await guarded.close()
    }
  })
})

describe('unexpected failures', () => {
  it('answer 500 with a sentence and no stack trace', async () => {
    const broken = await createTestApi()
    try {
      const user = broken.user()
      broken.app.db.exec('DROP TABLE usage_daily')
      const name = await broken.organization(user)
      const response = await broken.call(user, 'GET', `/organizations/${name}/usage`)
      expectError(response, 500, /Something went wrong on the server/)
      expect(response.raw).not.toContain('usage_daily')
    } finally {
      await broken.close()
    }
  })
})

describe('GET /user', () => {
  it('answers the caller with exact types', async () => {
    const staff = api.user({ staff: true })
    expect((await api.call(staff, 'GET', '/user')).body).toEqual({
      id: staff.id,
      email: staff.email,
      name: '',
      surname: '',
      staff: true,
    })
    expect((await api.call(caller, 'GET', '/user')).body.staff).toBe(false)
  })
})
