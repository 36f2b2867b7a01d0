// The README's tour of the demo data says what the seed makes: a new admin who reads that an
// organization forces two-factor authentication, and then reaches it with a password alone,
// stops trusting the rest of the page.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, seedIfEmpty } from '../db/seed'
import { createTestApi, type TestApi } from './helpers'

/** The README's paragraph that starts "Demo data:", up to the next blank line. */
function demoParagraph(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const paragraph = /^Demo data:[\s\S]*?(?=\n\n)/m.exec(readme)?.[0]
  if (!paragraph) throw new Error('README.md has no "Demo data:" paragraph')
  return paragraph.replace(/\s+/g, ' ')
}

describe('the README on the demo data, against the seed (current generation, which shows enforcement)', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: 'current' })
    seedIfEmpty(api.app.db, new Date('2026-06-15T12:00:00Z'))
  }, 60_000)
  afterAll(async () => {
    await api.close()
  })

  it('names exactly the demo organizations that require two-factor authentication', async () => {
    const admin = api.user({ email: DEMO.adminEmail })
    const forced: string[] = []
    for (const organization of DEMO.organizations) {
      const detail = await api.call(admin, 'GET', `/organizations/${organization}`)
      expect(detail.status).toBe(200)
      if (detail.body.two_factor_authentication_forced === true) forced.push(organization)
    }
    const paragraph = demoParagraph()
    const claimed = DEMO.organizations.filter((organization) =>
      new RegExp(`${organization}[^.;]*(forces 2FA|requires two-factor)`).test(paragraph),
    )
    expect(claimed).toEqual(forced)
    if (forced.length === 0)
      expect(paragraph).toContain('No demo organization requires two-factor authentication')
  })
})
