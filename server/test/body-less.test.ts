// Requests without a body, as real HTTP clients send them: a Content-Type on an empty DELETE or
// GET (the Python client 3.7 sends `application/json` with its DELETE), charset parameters,
// `Content-Length: 0`, an empty chunked body. All are body-less; a POST or PATCH that needs a body
// and has none is a clear 400.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type Caller, type TestApi } from './helpers'

let api: TestApi
let admin: Caller
beforeAll(async () => {
  api = await createTestApi()
  admin = api.user()
})
afterAll(async () => api.close())

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'not a media type',
]

async function organizationWithMember(): Promise<{ name: string; member: Caller }> {
  const name = await api.organization(admin)
  const member = api.user()
  await api.addMember(admin, name, member)
  return { name, member }
}

describe('a request without a body', () => {
  it.each(CONTENT_TYPES)('DELETE with Content-Type %j and an empty body removes the member', async (type) => {
    const { name, member } = await organizationWithMember()
    const response = await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`, '', {
      'content-type': type,
    })
    expect(response.status, response.raw).toBe(204)
    expect((await api.call(admin, 'GET', `/organizations/${name}/users/${member.id}`)).status).toBe(404)
  })

  it.each(CONTENT_TYPES)(
    'DELETE with Content-Type %j and Content-Length: 0 removes the member',
    async (type) => {
      const { name, member } = await organizationWithMember()
      const response = await api.call(
        admin,
        'DELETE',
        `/organizations/${name}/users/${member.id}`,
        undefined,
        {
          'content-type': type,
          'content-length': '0',
        },
      )
      expect(response.status, response.raw).toBe(204)
    },
  )

  it.each(CONTENT_TYPES)('GET with Content-Type %j answers as without it', async (type) => {
    const name = await api.organization(admin)
    const response = await api.call(admin, 'GET', `/organizations/${name}`, '', { 'content-type': type })
    expect(response.status, response.raw).toBe(200)
    expect(response.body.name).toBe(name)
  })

  it('a DELETE with an empty chunked JSON body, over a real socket, removes the member', async () => {
    const { name, member } = await organizationWithMember()
    await api.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = api.app.server.address() as AddressInfo
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'DELETE',
          path: `/v2.1/organizations/${name}/users/${member.id}`,
          headers: {
            authorization: `Token ${admin.token}`,
            'content-type': 'application/json; charset=utf-8',
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        },
      )
      request.on('error', reject)
      request.end()
    })
    expect(status).toBe(204)
  })

  it.each([
    ['POST', '/organizations'],
    ['PATCH', '/organizations/__org__'],
    ['POST', '/organizations/__org__/users'],
    ['PATCH', '/organizations/__org__/users/__user__'],
  ])('%s %s without a body is a 400 that says the body is empty', async (method, path) => {
    const { name, member } = await organizationWithMember()
    const url = path.replace('__org__', name).replace('__user__', member.id)
    const variants: Record<string, string>[] = [
      {},
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json; charset=utf-8', 'content-length': '0' },
    ]
    for (const headers of variants) {
      const response = await api.call(admin, method as 'POST', url, '', headers)
      expect(response.status, response.raw).toBe(400)
      expect(response.body).toEqual({ error: expect.stringMatching(/body is empty.*JSON object/) })
    }
  })

  it('a non-empty body that is not JSON is still a 415', async () => {
    const response = await api.call(admin, 'POST', '/organizations', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(response.status).toBe(415)
    expect(response.body.error).toMatch(/as JSON/)
  })
})
