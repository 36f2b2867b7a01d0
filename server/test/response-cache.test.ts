import { randomUUID } from 'node:crypto'
// The response cache (server/plugins/response-cache.ts) through the real app: ETags and 304s,
// compression, and cached answers that follow every write, through the API or around it.
import Database from 'better-sqlite3'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding, matchesTag } from '../plugins/response-cache'
import { createTestApi, uniqueEmail, type Caller, type TestApi } from './helpers'

let api: TestApi
let admin: Caller
let other: Database.Database

beforeAll(async () => {
  api = await createTestApi()
  admin = api.user()
  // A second connection to the same file: a writer that bypasses the API (a script, an import).
  other = new Database(api.dbPath)
  other.pragma('busy_timeout = 5000')
})
afterAll(async () => {
  other.close()
  await api.close()
})

const get = (caller: Caller | null, url: string, headers: Record<string, string> = {}) =>
  api.call(caller, 'GET', url, undefined, headers)

/** A GET by `admin` that accepts `encoding`, as the bytes cross the wire (not decompressed). */
const getEncoded = (url: string, encoding: string) =>
  api.app.inject({
    url: `/v2.1${url}`,
    headers: { authorization: `Token ${admin.token}`, 'accept-encoding': encoding },
  })

/** An organization of `admin` with `count` more members. */
async function organizationWith(count: number): Promise<string> {
  const name = await api.organization(admin)
  for (let index = 0; index < count; index += 1)
    await api.addMember(admin, name, api.user({ email: uniqueEmail(`m${index}`) }))
  return name
}

describe('conditional requests', () => {
  it('tags every successful GET and answers a matching If-None-Match with a bodiless 304', async () => {
    const name = await organizationWith(1)
    for (const url of ['/user', '/organizations', `/organizations/${name}`, `/organizations/${name}/users`]) {
      const first = await get(admin, url)
      expect(first.status, url).toBe(200)
      expect(first.headers.etag, url).toMatch(/^W\/"[\w-]+"$/)
      expect(first.headers['cache-control']).toBe('private, no-cache')
      const again = await get(admin, url, { 'if-none-match': String(first.headers.etag) })
      expect(again.status, url).toBe(304)
      expect(again.raw).toBe('')
      expect(again.headers.etag).toBe(first.headers.etag)
      const otherTag = await get(admin, url, { 'if-none-match': 'W/"something-else"' })
      expect(otherTag.status).toBe(200)
      expect(otherTag.raw).toBe(first.raw)
    }
  })

  it('gives no tag to a failure, and no 304 for a tag of something the caller may not see', async () => {
    const name = await organizationWith(0)
    const answer = await get(admin, `/organizations/${name}/users`)
    const stranger = api.user()
    const refused = await get(stranger, `/organizations/${name}/users`, {
      'if-none-match': String(answer.headers.etag),
    })
    expect(refused.status).toBe(404)
    expect(refused.headers.etag).toBeUndefined()
  })

  it('reads If-None-Match lists and weak tags as RFC 9110 says', () => {
    expect(matchesTag('W/"a", W/"b"', 'W/"b"')).toBe(true)
    expect(matchesTag('"b"', 'W/"b"')).toBe(true)
    expect(matchesTag('*', 'W/"b"')).toBe(true)
    expect(matchesTag('W/"c"', 'W/"b"')).toBe(false)
    expect(matchesTag(undefined, 'W/"b"')).toBe(false)
  })
})

describe('compression', () => {
  it('compresses a large answer as the request accepts, to the same bytes each time', async () => {
    const name = await organizationWith(30)
    const url = `/organizations/${name}/users`
    const plain = await get(admin, url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.raw.length).toBeGreaterThan(1024)

    const inject = (encoding: string) => getEncoded(url, encoding)
    const br = await inject('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.raw)
    expect(br.rawPayload.length).toBeLessThan(plain.raw.length / 3)
    expect((await inject('br')).rawPayload.equals(br.rawPayload)).toBe(true)

    const gzip = await inject('gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.raw)
    expect(gzip.headers.etag).toBe(plain.headers.etag)

    expect((await inject('br;q=0, gzip')).headers['content-encoding']).toBe('gzip')
    expect((await inject('identity')).headers['content-encoding']).toBeUndefined()
  })

  it('sends an answer that is sent again compressed at the best level: no more bytes, same content and tag', async () => {
    const name = await organizationWith(30)
    const url = `/organizations/${name}/users`
    const plain = await get(admin, url)
    const decoded = {
      br: (bytes: Buffer) => brotliDecompressSync(bytes).toString(),
      gzip: (bytes: Buffer) => gunzipSync(bytes).toString(),
    }
    for (const encoding of ['br', 'gzip'] as const) {
      const first = await getEncoded(url, encoding)
      // The second send of the same answer starts the recompression, and still sends the first bytes.
      const second = await getEncoded(url, encoding)
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true)
      await api.app.responseCacheSettled()
      const best = await getEncoded(url, encoding)
      expect(best.headers['content-encoding']).toBe(encoding)
      // gzip 9 often finds nothing more than 6 in a small answer: then the first bytes stay.
      if (encoding === 'br') expect(best.rawPayload.length).toBeLessThan(first.rawPayload.length)
      else expect(best.rawPayload.length).toBeLessThanOrEqual(first.rawPayload.length)
      expect(decoded[encoding](best.rawPayload)).toBe(plain.raw)
      expect(best.headers.etag).toBe(plain.headers.etag)
      expect(Number(best.headers['content-length'])).toBe(best.rawPayload.length)
    }
    const revalidated = await get(admin, url, { 'if-none-match': String(plain.headers.etag) })
    expect(revalidated.status).toBe(304)
  })

  it('recompresses every answer sent again, one after the other', async () => {
    const urls = await Promise.all(
      [20, 21, 22].map(async (count) => `/organizations/${await organizationWith(count)}/users`),
    )
    const firsts = new Map<string, number>()
    for (const url of urls)
      for (const encoding of ['br', 'gzip']) {
        firsts.set(`${url} ${encoding}`, (await getEncoded(url, encoding)).rawPayload.length)
        await getEncoded(url, encoding)
      }
    await api.app.responseCacheSettled()
    for (const url of urls) {
      const best = await getEncoded(url, 'br')
      expect(best.rawPayload.length, url).toBeLessThan(firsts.get(`${url} br`)!)
      const gzip = await getEncoded(url, 'gzip')
      expect(gzip.rawPayload.length, url).toBeLessThanOrEqual(firsts.get(`${url} gzip`)!)
    }
  })

  it('leaves small answers as they are', async () => {
    const response = await api.app.inject({
      url: '/v2.1/user',
      headers: { authorization: `Token ${admin.token}`, 'accept-encoding': 'br, gzip' },
    })
    expect(response.headers['content-encoding']).toBeUndefined()
  })

  it('picks brotli, then gzip, from Accept-Encoding', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip;q=0.5, br;q=0')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('deflate')).toBeNull()
    expect(chooseEncoding(undefined)).toBeNull()
  })
})

describe('cached answers follow every write', () => {
  const emails = async (name: string, caller = admin) =>
    ((await get(caller, `/organizations/${name}/users`)).body as { email: string; admin: boolean }[]).map(
      (member) => `${member.email}${member.admin ? ' (admin)' : ''}`,
    )

  it('adding, promoting and removing a member change the next list', async () => {
    const name = await organizationWith(0)
    const before = await get(admin, `/organizations/${name}/users`)
    expect(before.body).toHaveLength(1)
    const member = api.user()
    await api.addMember(admin, name, member)
    expect(await emails(name)).toContain(member.email)
    const afterAdd = await get(admin, `/organizations/${name}/users`, {
      'if-none-match': String(before.headers.etag),
    })
    expect(afterAdd.status).toBe(200)

    expect(
      (await api.call(admin, 'PATCH', `/organizations/${name}/users/${member.id}`, { admin: true })).status,
    ).toBe(200)
    expect(await emails(name)).toContain(`${member.email} (admin)`)
    expect((await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`)).status).toBe(204)
    expect(await emails(name)).not.toContain(`${member.email} (admin)`)
    expect(await emails(name)).toHaveLength(1)
  })

  it('sees writes that bypass the API: a renamed user, new usage', async () => {
    const name = await organizationWith(0)
    const member = api.user()
    await api.addMember(admin, name, member)
    await emails(name)
    other.prepare("UPDATE users SET name = 'Renamed' WHERE id = ?").run(member.id)
    const list = (await get(admin, `/organizations/${name}/users`)).body as { id: string; name: string }[]
    expect(list.find((m) => m.id === member.id)!.name).toBe('Renamed')

    const url = `/organizations/${name}/usage?start_date=2024-01-01&end_date=2024-01-02&interval=day`
    const credits = async () =>
      ((await get(admin, url)).body as { metric: string; usage: { value: number }[] }[])[0]!.usage[0]!.value
    expect(await credits()).toBe(0)
    const { id } = api.app.repositories.organizations.findByName(name)!
    // Usage belongs to a project (migration 002); the project's own insert bumps the version too.
    const projectId = randomUUID()
    other
      .prepare(
        "INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, 'p', '2024-01-01')",
      )
      .run(projectId, id)
    other
      .prepare(
        "INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, '2024-01-01', ?, 'deployment_version', 'credits', 7)",
      )
      .run(id, projectId)
    expect(await credits()).toBe(7)
    other.prepare('UPDATE usage_daily SET value = 9 WHERE organization_id = ?').run(id)
    expect(await credits()).toBe(9)
    other.prepare('DELETE FROM usage_daily WHERE organization_id = ?').run(id)
    expect(await credits()).toBe(0)
  })

  it('follows a staff change of the subscription period into the default usage range', async () => {
    const name = await organizationWith(0)
    const staff = api.user({ staff: true })
    const period = async () =>
      ((await get(admin, `/organizations/${name}/usage`)).body as { usage: { start_date: string }[] }[])[0]!
        .usage[0]!.start_date
    const first = await period()
    const patched = await api.call(staff, 'PATCH', `/organizations/${name}`, {
      subscription: 'professional',
      subscription_start_date: '2020-01-05',
      subscription_end_date: '2040-01-05',
    })
    expect(patched.status).toBe(200)
    const second = await period()
    expect(second).not.toBe(first)
    expect(second.slice(8, 10)).toBe('05')
  })

  it('never serves a cached answer to a caller who lost access, or beyond their scope', async () => {
    const name = await organizationWith(0)
    const member = api.user()
    await api.addMember(admin, name, member)
    expect((await get(member, `/organizations/${name}/users`)).status).toBe(200)
    expect((await get(member, `/organizations/${name}/resources`)).status).toBe(200)
    await api.call(admin, 'DELETE', `/organizations/${name}/users/${member.id}`)
    expect((await get(member, `/organizations/${name}/users`)).status).toBe(404)
    expect((await get(member, `/organizations/${name}/resources`)).status).toBe(404)
    // Staff see it without being members; a stranger does not, though the answer is cached.
    expect((await get(api.user({ staff: true }), `/organizations/${name}/users`)).status).toBe(200)
    expect((await get(api.user(), `/organizations/${name}/users`)).status).toBe(404)
  })

  it('answers an organization renamed and its old name taken by another as the new one', async () => {
    const name = await organizationWith(0)
    const first = await get(admin, `/organizations/${name}/users`)
    const renamed = `${name}-new`
    expect((await api.call(admin, 'PATCH', `/organizations/${name}`, { name: renamed })).status).toBe(200)
    const other = api.user()
    await api.organization(other, { name })
    const again = await get(other, `/organizations/${name}/users`)
    expect(again.status).toBe(200)
    expect(again.body).toEqual([expect.objectContaining({ email: other.email })])
    expect(again.headers.etag).not.toBe(first.headers.etag)
  })
})

describe('versions', () => {
  // A cached answer is only as fresh as the writes that bump its organization's version. A table
  // that no cached answer reads is listed here on purpose; any other table must bump it on insert,
  // update and delete (migration 004). A new table fails this test until it is classified.
  const NOT_READ_BY_CACHED_ANSWERS = new Set([
    'schema_migrations',
    'tokens',
    // A person's sign-in (003) and vouchers (002): no cached answer reads them.
    'access_tokens',
    'vouchers',
    // Projects' access (007): no cached answer reads who is in which project.
    'project_users',
    'roles',
    'role_assignments',
    'organization_versions',
  ])
  // Inserting a user changes no answer until a membership names it; deleting one deletes those.
  const UPDATES_ONLY = new Set(['users', 'subscriptions'])

  it('every table a cached answer reads bumps the organization version', () => {
    const tables = other
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name)
    const triggers = other
      .prepare<[], { tbl_name: string; sql: string }>(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%organization_versions%'",
      )
      .all()
    const unclassified: string[] = []
    for (const table of tables) {
      if (NOT_READ_BY_CACHED_ANSWERS.has(table)) continue
      const events = (UPDATES_ONLY.has(table) ? ['UPDATE'] : ['INSERT', 'UPDATE', 'DELETE']).filter(
        (event) =>
          !triggers.some(
            (trigger) => trigger.tbl_name === table && new RegExp(`AFTER ${event}\\b`, 'i').test(trigger.sql),
          ),
      )
      if (events.length) unclassified.push(`${table} (${events.join(', ')})`)
    }
    expect(unclassified).toEqual([])
  })
})
