// Every endpoint for every kind of caller, generated from one table, in both generations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS, type ApiGeneration } from '../../domain/generation'
import { createTestApi, uniqueEmail, uniqueName, type Caller, type TestApi } from './helpers'

type Role = 'anonymous' | 'outsider' | 'member' | 'admin' | 'staff'
type Needs = 'nobody' | 'token' | 'member' | 'admin'

interface Fixture {
  organization: string
  target: Caller
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: (fixture: Fixture) => string
  body?: (fixture: Fixture) => unknown
  needs: Needs
  success: number
}

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/status', needs: 'nobody', success: 200 },
  { method: 'GET', path: () => '/openapi.json', needs: 'nobody', success: 200 },
  { method: 'GET', path: () => '/user', needs: 'token', success: 200 },
  { method: 'GET', path: () => '/organizations', needs: 'token', success: 200 },
  {
    method: 'POST',
    path: () => '/organizations',
    body: () => ({ name: uniqueName(), subscription: 'free' }),
    needs: 'token',
    success: 201,
  },
  { method: 'GET', path: (f) => `/organizations/${f.organization}`, needs: 'member', success: 200 },
  {
    method: 'PATCH',
    path: (f) => `/organizations/${f.organization}`,
    body: () => ({ name: uniqueName('renamed') }),
    needs: 'admin',
    success: 200,
  },
  { method: 'GET', path: (f) => `/organizations/${f.organization}/resources`, needs: 'member', success: 200 },
  { method: 'GET', path: (f) => `/organizations/${f.organization}/usage`, needs: 'member', success: 200 },
  { method: 'GET', path: (f) => `/organizations/${f.organization}/users`, needs: 'member', success: 200 },
  {
    method: 'POST',
    path: (f) => `/organizations/${f.organization}/users`,
    body: () => ({ email: uniqueEmail('new') }),
    needs: 'admin',
    success: 201,
  },
  {
    method: 'GET',
    path: (f) => `/organizations/${f.organization}/users/${f.target.id}`,
    needs: 'admin',
    success: 200,
  },
  {
    method: 'PATCH',
    path: (f) => `/organizations/${f.organization}/users/${f.target.id}`,
    body: () => ({ admin: true }),
    needs: 'admin',
    success: 200,
  },
  {
    method: 'DELETE',
    path: (f) => `/organizations/${f.organization}/users/${f.target.id}`,
    needs: 'admin',
    success: 204,
  },
]

const VOUCHER = 'AUTHORIZATION-MATRIX'

/** The current generation's own endpoints: the voucher lookup and the 2FA switch. */
const CURRENT_ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => `/vouchers/${VOUCHER}`, needs: 'token', success: 200 },
  {
    method: 'PATCH',
    path: (f) => `/organizations/${f.organization}`,
    body: () => ({ two_factor_authentication_forced: true }),
    needs: 'admin',
    success: 200,
  },
]

const ROLES: Role[] = ['anonymous', 'outsider', 'member', 'admin', 'staff']

/** The status a role must get: success, or the refusal the contract gives for it. */
function expectedStatus(endpoint: Endpoint, role: Role): number {
  if (endpoint.needs === 'nobody') return endpoint.success
  if (role === 'anonymous') return 401
  if (endpoint.needs === 'token' || role === 'admin' || role === 'staff') return endpoint.success
  if (role === 'outsider') return 404 // an organization you are not in does not exist for you
  return endpoint.needs === 'member' ? endpoint.success : 403
}

let api: TestApi
const apis = {} as Record<ApiGeneration, TestApi>

beforeAll(async () => {
  for (const generation of API_GENERATIONS)
    apis[generation] = await createTestApi({ apiGeneration: generation })
  apis.current.app.repositories.vouchers.insert({ code: VOUCHER, description: 'For the matrix' })
  api = apis['2022']
})
afterAll(async () => {
  for (const generation of API_GENERATIONS) await apis[generation].close()
})

describe.each(API_GENERATIONS)('authorization matrix, %s generation', (generation) => {
  const endpoints = generation === 'current' ? [...ENDPOINTS, ...CURRENT_ENDPOINTS] : ENDPOINTS
  const cases = endpoints.flatMap((endpoint) => ROLES.map((role) => ({ endpoint, role })))

  it.each(
    cases.map((c) => [
      `${c.endpoint.method} ${c.endpoint.path({ organization: '{org}', target: { id: '{id}' } as Caller })}`,
      c.role,
      c,
    ]),
  )('%s as %s', async (_label, _role, { endpoint, role }) => {
    const api = apis[generation]
    // A fresh organization per case: its admin, a plain member, a member to act on, an outsider.
    const admin = api.user()
    const member = api.user()
    const target = api.user()
    const organization = await api.organization(admin)
    await api.addMember(admin, organization, member)
    await api.addMember(admin, organization, target)
    const callers: Record<Role, Caller | null> = {
      anonymous: null,
      outsider: api.user(),
      member,
      admin,
      staff: api.user({ staff: true }),
    }
    const fixture = { organization, target }
    const response = await api.call(
      callers[role],
      endpoint.method,
      endpoint.path(fixture),
      endpoint.body?.(fixture),
    )

    const expected = expectedStatus(endpoint, role)
    expect(response.status, response.raw).toBe(expected)
    if (expected >= 400) {
      expect(typeof response.body.error).toBe('string')
      expect(response.body.error.length).toBeGreaterThan(10)
    }
    // A refused write changed nothing: the target is still there and still not admin.
    if (expected >= 400 && endpoint.method !== 'GET') {
      const check = await api.call(admin, 'GET', `/organizations/${organization}/users/${target.id}`)
      expect(check.status).toBe(200)
      expect(check.body.admin).toBe(false)
    }
  })
})

describe('who sees what', () => {
  it('lists only the organizations the caller is a member of, even for staff', async () => {
    const admin = api.user()
    const staff = api.user({ staff: true })
    const organization = await api.organization(admin)
    const forAdmin = await api.call(admin, 'GET', '/organizations')
    expect(forAdmin.body.map((o: { name: string }) => o.name)).toEqual([organization])
    const forStaff = await api.call(staff, 'GET', '/organizations')
    expect(forStaff.body).toEqual([])
  })

  it('answers an unknown organization and a hidden one with the same 404', async () => {
    const admin = api.user()
    const outsider = api.user()
    const organization = await api.organization(admin)
    const hidden = await api.call(outsider, 'GET', `/organizations/${organization}`)
    const unknown = await api.call(outsider, 'GET', `/organizations/${uniqueName('missing')}`)
    expect(hidden.status).toBe(404)
    expect(unknown.status).toBe(404)
    expect(hidden.body.error.replace(organization, 'X')).toBe(
      unknown.body.error.replace(/org-\w+|missing-\w+/, 'X'),
    )
  })

  it('rejects unknown and malformed tokens with 401', async () => {
    for (const authorization of ['Token nope', 'Bearer abc', 'Token', 'abc']) {
      const response = await api.app.inject({ method: 'GET', url: '/v2.1/user', headers: { authorization } })
      expect(response.statusCode, authorization).toBe(401)
      expect(JSON.parse(response.body).error).toMatch(/token/i)
    }
  })
})
