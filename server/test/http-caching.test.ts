// Conditional requests and compression (@fastify/etag and @fastify/compress, registered in app.ts)
// through the real app: a successful GET is tagged and revalidates to a bodiless 304, a write
// changes the next answer and its tag, failures are never tagged nor 304'd, and answers are
// compressed as the request accepts.
import { randomUUID } from 'node:crypto'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { COMPRESS_THRESHOLD } from '../app'
import { createTestApi, uniqueEmail, type Caller, type TestApi } from './helpers'

let api: TestApi
let admin: Caller

beforeAll(async () => {
  api = await createTestApi()
  admin = api.user()
})
afterAll(async () => api.close())

const get = (caller: Caller | null, url: string, headers: Record<string, string> = {}) =>
  api.call(caller, 'GET', url, undefined, headers)

/** A GET by `admin` that accepts `encoding`, as the bytes cross the wire (not decompressed). */
const getEncoded = (url: string, encoding: string, headers: Record<string, string> = {}) =>
  api.app.inject({
    url: `/v2.1${url}`,
    headers: { authorization: `Token ${admin.token}`, 'accept-encoding': encoding, ...headers },
  })

/** An organization of `admin` with `count` more members. */
async function organizationWith(count: number): Promise<string> {
  const name = await api.organization(admin)
  for (let index = 0; index < count; index += 1)
    await api.addMember(admin, name, api.user({ email: uniqueEmail(`m${index}`) }))
  return name
}

/**
 * GETs `url`, runs `write`, and GETs it again with the first tag: the write must give a 200 with
 * another tag (no 304). Returns both answers' bodies.
 */
async function acrossWrite(url: string, write: () => unknown | Promise<unknown>) {
  const before = await get(admin, url)
  expect(before.status, url).toBe(200)
  expect(before.headers.etag, url).toBeDefined()
  await write()
  const after = await get(admin, url, { 'if-none-match': String(before.headers.etag) })
  expect(after.status, url).toBe(200)
  expect(after.headers.etag, url).not.toBe(before.headers.etag)
  // Unchanged since: revalidates.
  expect((await get(admin, url, { 'if-none-match': String(after.headers.etag) })).status).toBe(304)
  return { before: before.body, after: after.body }
}

describe('conditional requests', () => {
  it('tags every successful GET and answers a matching If-None-Match with a bodiless 304', async () => {
    const name = await organizationWith(1)
    for (const url of [
      '/user',
      '/organizations',
      `/organizations/${name}`,
      `/organizations/${name}/users`,
      `/organizations/${name}/resources`,
      `/organizations/${name}/usage?start_date=2024-01-01&end_date=2024-02-01&interval=day`,
    ]) {
      const first = await get(admin, url)
      expect(first.status, url).toBe(200)
      expect(first.headers.etag, url).toMatch(/^W\/"[\w+/=]+"$/)
      expect(first.headers['cache-control'], url).toBe('private, no-cache')
      expect(String(first.headers.vary), url).toMatch(/authorization/i)
      const again = await get(admin, url, { 'if-none-match': String(first.headers.etag) })
      expect(again.status, url).toBe(304)
      expect(again.raw, url).toBe('')
      expect(again.headers.etag, url).toBe(first.headers.etag)
      const otherTag = await get(admin, url, { 'if-none-match': 'W/"something-else"' })
      expect(otherTag.status, url).toBe(200)
      expect(otherTag.raw, url).toBe(first.raw)
    }
  })

  it('tags no failure and no write, and gives no 304 to a caller who may not see the answer', async () => {
    const name = await organizationWith(0)
    const answer = await get(admin, `/organizations/${name}/users`)
    const tag = { 'if-none-match': String(answer.headers.etag) }
    const stranger = api.user()
    const refused = await get(stranger, `/organizations/${name}/users`, tag)
    expect(refused.status).toBe(404)
    expect(refused.body.error).toBeTruthy()
    expect(refused.headers.etag).toBeUndefined()
    expect((await get(null, `/organizations/${name}/users`, tag)).status).toBe(401)

    // A member who loses access gets the 404 with the tag of what they saw before.
    const member = api.user()
    await api.addMember(admin, name, member)
    const seen = await get(member, `/organizations/${name}/resources`)
    await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`)
    const gone = await get(member, `/organizations/${name}/resources`, {
      'if-none-match': String(seen.headers.etag),
    })
    expect(gone.status).toBe(404)
    expect(gone.headers.etag).toBeUndefined()

    const created = await api.call(admin, 'POST', `/organizations/${name}/users`, { email: uniqueEmail() })
    expect(created.status).toBe(201)
    expect(created.headers.etag).toBeUndefined()
  })
})

describe('a write changes the next answer and its tag', () => {
  it('members: adding, promoting and removing one', async () => {
    const name = await organizationWith(0)
    const url = `/organizations/${name}/users`
    const member = api.user()
    const added = await acrossWrite(url, () => api.addMember(admin, name, member))
    expect(added.after.map((m: { email: string }) => m.email)).toContain(member.email)
    const promoted = await acrossWrite(url, () =>
      api.call(admin, 'PATCH', `/organizations/${name}/users/${member.id}`, { admin: true }),
    )
    expect(promoted.after.find((m: { id: string }) => m.id === member.id).admin).toBe(true)
    const removed = await acrossWrite(url, () =>
      api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`),
    )
    expect(removed.after).toHaveLength(1)
  })

  it('members: a user renamed outside the API', async () => {
    const name = await organizationWith(0)
    const member = api.user()
    await api.addMember(admin, name, member)
    const { after } = await acrossWrite(`/organizations/${name}/users`, () =>
      api.app.db.prepare("UPDATE users SET name = 'Renamed' WHERE id = ?").run(member.id),
    )
    expect(after.find((m: { id: string }) => m.id === member.id).name).toBe('Renamed')
  })

  it('usage and resources: a project and its usage written straight into the database', async () => {
    const name = await organizationWith(0)
    const { id } = api.app.repositories.organizations.findByName(name)!
    const projectId = randomUUID()
    const resources = await acrossWrite(`/organizations/${name}/resources`, () =>
      api.app.db
        .prepare(
          "INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, 'p', '2024-01-01')",
        )
        .run(projectId, id),
    )
    expect(resources.after.projects).toBe(resources.before.projects + 1)

    const url = `/organizations/${name}/usage?start_date=2024-01-01&end_date=2024-01-02&interval=day`
    const credits = (body: { metric: string; usage: { value: number }[] }[]) =>
      body.find((series) => series.metric === 'credits')!.usage[0]!.value
    const usage = await acrossWrite(url, () =>
      api.app.db
        .prepare(
          "INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, '2024-01-01', ?, 'deployment_version', 'credits', 7)",
        )
        .run(id, projectId),
    )
    expect([credits(usage.before), credits(usage.after)]).toEqual([0, 7])
  })

  it('organization detail: a rename, and a staff change of the subscription', async () => {
    const name = await organizationWith(0)
    const renamed = `${name}-new`
    const before = await get(admin, `/organizations/${name}`)
    expect((await api.call(admin, 'PATCH', `/organizations/${name}`, { name: renamed })).status).toBe(200)
    const after = await get(admin, `/organizations/${renamed}`, {
      'if-none-match': String(before.headers.etag),
    })
    expect(after.status).toBe(200)
    expect(after.body.name).toBe(renamed)

    const staff = api.user({ staff: true })
    const { after: changed } = await acrossWrite(`/organizations/${renamed}`, () =>
      api.call(staff, 'PATCH', `/organizations/${renamed}`, {
        subscription: 'professional',
        subscription_start_date: '2020-01-05',
        subscription_end_date: '2040-01-05',
      }),
    )
    expect(changed).toMatchObject({ subscription: 'professional', subscription_start_date: '2020-01-05' })
  })

  describe('with the clock set', () => {
    afterEach(() => vi.useRealTimers())

    it('usage: a staff change of the subscription start moves the default period', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date('2026-03-10T12:00:00Z'))
      const name = await organizationWith(0)
      const staff = api.user({ staff: true })
      const period = (body: { usage: { start_date: string; end_date: string }[] }[]) => [
        body[0]!.usage[0]!.start_date,
        body[0]!.usage.at(-1)!.end_date,
      ]
      const { before, after } = await acrossWrite(`/organizations/${name}/usage`, () =>
        api.call(staff, 'PATCH', `/organizations/${name}`, {
          subscription: 'professional',
          subscription_start_date: '2020-01-05',
          subscription_end_date: '2040-01-05',
        }),
      )
      // Created today: the period starts today. Then anchored on the 5th: the one holding the 10th.
      expect(period(before)).toEqual(['2026-03-10T00:00:00Z', '2026-04-10T00:00:00Z'])
      expect(period(after)).toEqual(['2026-03-05T00:00:00Z', '2026-04-05T00:00:00Z'])
    })
  })
})

describe('compression', () => {
  it('compresses a large answer as the request accepts, with the same tag as the plain one', async () => {
    const name = await organizationWith(30)
    const url = `/organizations/${name}/users`
    const plain = await get(admin, url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.raw.length).toBeGreaterThan(COMPRESS_THRESHOLD)

    const br = await getEncoded(url, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.raw)
    expect(br.rawPayload.length).toBeLessThan(plain.raw.length / 3)
    expect(br.headers.etag).toBe(plain.headers.etag)

    const gzip = await getEncoded(url, 'br;q=0, gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.raw)
    expect(gzip.headers.etag).toBe(plain.headers.etag)

    expect((await getEncoded(url, 'identity')).headers['content-encoding']).toBeUndefined()
    const revalidated = await getEncoded(url, 'br', { 'if-none-match': String(plain.headers.etag) })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.rawPayload.length).toBe(0)
  })

  it('leaves small answers as they are', async () => {
    const response = await getEncoded('/user', 'br, gzip')
    expect(response.statusCode).toBe(200)
    expect(response.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD)
    expect(response.headers['content-encoding']).toBeUndefined()
  })
})
