// A write that waits longer than busy_timeout for another connection's lock is a 503, not a 500.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(async () => api.close())

it('answers 503 with Retry-After while another process holds the write lock', async () => {
  const admin = api.user()
  api.app.db.pragma('busy_timeout = 50')
  const other = new Database(api.dbPath)
  other.exec('BEGIN IMMEDIATE')
  try {
    const response = await api.call(admin, 'POST', '/organizations', {
      name: 'busy-org',
      subscription: 'free',
    })
    expect(response.status).toBe(503)
    expect(response.headers['retry-after']).toBe('1')
    expect(response.body).toEqual({
      error: 'The database is busy with other changes. Try again in a moment.',
    })
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
  expect(
    (await api.call(admin, 'POST', '/organizations', { name: 'busy-org', subscription: 'free' })).status,
  ).toBe(201)
})
