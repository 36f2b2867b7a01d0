// The demo's credit limits through the API, on the day the demo was seeded (the clock is set):
// one project of acme-analytics close to its limit, one suspended by it, in both generations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_GENERATIONS } from '../../domain/generation'
import { DEMO, seedIfEmpty } from '../db/seed'
import { createTestApi, setClock, type TestApi } from './helpers'

const NOW = '2026-06-15T12:00:00Z'
setClock(NOW)

describe.each(API_GENERATIONS)('the demo credit limits, %s generation', (generation) => {
  let api: TestApi
  const field = generation === 'current' ? 'credits' : 'gb_seconds'
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
    seedIfEmpty(api.app.db, new Date(NOW))
  }, 60_000)
  afterAll(async () => {
    await api.close()
  })

  it('has a project close to its limit and one suspended by it, the reason naming the limit', async () => {
    const admin = api.user({ email: DEMO.adminEmail })
    const listed = await api.call(admin, 'GET', `/projects?organization=${DEMO.projectsOrganization}`)
    const byName = new Map((listed.body as Array<Record<string, unknown>>).map((row) => [row.name, row]))
    const [close, over] = DEMO.creditLimits
    expect(byName.get(close.projectName)).toMatchObject({ suspended: false, suspended_reason: null })
    expect(byName.get(close.projectName)![field]).toBeGreaterThan(0)
    const suspended = byName.get(over.projectName)!
    expect(suspended).toMatchObject({ suspended: true })
    expect(suspended.suspended_reason).toContain(`credit limit (${field}: `)
    // Every other project runs without a limit.
    const others = [...byName.values()].filter(
      (row) => !DEMO.creditLimits.some((limit) => limit.projectName === row.name),
    )
    expect(others.every((row) => row[field] === null && row.suspended === false)).toBe(true)
  })
})
