// Test support: a real app on a real SQLite file of its own, called through app.inject().
import type { FastifyInstance, InjectOptions } from 'fastify'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { buildApp, type BuildAppOptions } from '../app'
import { tokensRepository } from '../repositories/tokens'
import { usersRepository } from '../repositories/users'

export function temporaryDatabasePath(label = 'test'): string {
  return join(tmpdir(), `ubiops-${label}-${process.pid}-${randomBytes(4).toString('hex')}.db`)
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}

/** The moment test files that read "today" run at: a Tuesday in March, mid-month. */
export const TEST_NOW = '2026-03-10T12:00:00Z'

/**
 * Sets this process's clock to `at` for the rest of the test file (Date only, and it keeps moving
 * from there), so that a file whose answers depend on "today" (default periods, end dates after
 * today) gives the same result on any day it runs. Call it at the top of the file, before anything
 * reads the date. The server of app.inject() runs in this process, so it reads the same clock.
 */
export function setClock(at: string = TEST_NOW): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(new Date(at))
}

export const uniqueName = (prefix = 'org') => `${prefix}-${randomBytes(4).toString('hex')}`
export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(4).toString('hex')}@example.com`

export interface Caller {
  email: string
  token: string
  id: string
}

export interface TestApi {
  app: FastifyInstance
  dbPath: string
  /** A user with a fresh token (created if needed). */
  user(options?: { staff?: boolean; email?: string }): Caller
  call(
    caller: Caller | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    // Tests read arbitrary JSON answers; each assertion states the shape it expects.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string }>
  /** An organization whose admin is `admin` (free unless asked), named uniquely. */
  organization(admin: Caller, body?: Record<string, unknown>): Promise<string>
  /** Adds `member` to the organization through the API, as `admin`. */
  addMember(admin: Caller, organization: string, member: Caller, isAdmin?: boolean): Promise<void>
  close(): Promise<void>
}

export async function createTestApi(options: Partial<BuildAppOptions> = {}): Promise<TestApi> {
  const dbPath = temporaryDatabasePath()
  const app = buildApp({ dbPath, ...options })
  await app.ready()
  const users = usersRepository(app.db)
  const tokens = tokensRepository(app.db)

  const api: TestApi = {
    app,
    dbPath,
    user(userOptions = {}) {
      const email = userOptions.email ?? uniqueEmail(userOptions.staff ? 'staff' : 'user')
      const row = users.findOrCreate(email, { staff: userOptions.staff ?? false })
      return { email, id: row.id, token: tokens.issue(row.id) }
    },
    async call(caller, method, url, body, headers = {}) {
      const response = await app.inject({
        method,
        url: `/v2.1${url}`,
        headers: { ...(caller ? { authorization: `Token ${caller.token}` } : {}), ...headers },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      })
      const raw = response.body
      let parsed: unknown = undefined
      try {
        parsed = raw ? JSON.parse(raw) : undefined
      } catch {
        parsed = raw
      }
      return { status: response.statusCode, body: parsed, headers: response.headers, raw }
    },
    async organization(admin, body = {}) {
      const name = uniqueName()
      const response = await api.call(admin, 'POST', '/organizations', {
        name,
        subscription: 'free',
        ...body,
      })
      if (response.status !== 201) throw new Error(`creating ${name}: ${response.status} ${response.raw}`)
      return (body.name as string | undefined) ?? name
    },
    async addMember(admin, organization, member, isAdmin = false) {
      const response = await api.call(admin, 'POST', `/organizations/${organization}/users`, {
        email: member.email,
        admin: isAdmin,
      })
      if (response.status !== 201)
        throw new Error(`adding ${member.email}: ${response.status} ${response.raw}`)
    },
    async close() {
      await app.close()
      removeDatabase(dbPath)
    },
  }
  return api
}
