// The demo data through the API: the projects table is the one truth that the project list, the
// resource counts and the current generation's usage (data_projects) all name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, seedIfEmpty } from '../db/seed'
import { createTestApi, type Caller, type TestApi } from './helpers'

describe('the demo projects, current generation', () => {
  let api: TestApi
  let admin: Caller
  let member: Caller
  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: 'current' })
    seedIfEmpty(api.app.db, new Date('2026-06-15T12:00:00Z'))
    admin = api.user({ email: DEMO.adminEmail })
    member = api.user({ email: DEMO.memberEmail })
  }, 60_000)
  afterAll(async () => {
    await api.close()
  })

  it.each(DEMO.organizations)(
    '%s: its projects, its resource count and its usage name the same projects',
    async (organization) => {
      const listed = await api.call(admin, 'GET', `/projects?organization=${organization}`)
      expect(listed.status).toBe(200)
      const names = (listed.body as { name: string }[]).map((row) => row.name)
      expect(names.length).toBeGreaterThan(0)
      const resources = await api.call(admin, 'GET', `/organizations/${organization}/resources`)
      expect(resources.body.projects).toBe(names.length)
      const usage = await api.call(
        admin,
        'GET',
        `/organizations/${organization}/usage?start_date=2026-05-01&end_date=2026-06-01`,
      )
      expect(usage.status).toBe(200)
      expect(
        (usage.body.data_projects as { project_name: string }[]).map((row) => row.project_name).sort(),
      ).toEqual([...names].sort())
      expect(names).not.toContain(DEMO.deletedProject.name)
    },
  )

  it('shows the demo member exactly the projects they hold a role in, and hides the others', async () => {
    const mine = await api.call(member, 'GET', '/projects')
    expect((mine.body as { name: string }[]).map((row) => row.name).sort()).toEqual(
      Object.values(DEMO.memberProjects).flat().sort(),
    )
    expect((await api.call(member, 'GET', `/projects/${DEMO.adminsOnlyProjects[0]}`)).status).toBe(404)
    const users = await api.call(admin, 'GET', `/projects/${DEMO.adminsOnlyProjects[0]}/users`)
    const members = await api.call(admin, 'GET', `/organizations/${DEMO.largeOrganization}/users`)
    const admins = new Set(
      (members.body as { email: string; admin: boolean }[]).filter((m) => m.admin).map((m) => m.email),
    )
    expect((users.body as { email: string }[]).every((user) => admins.has(user.email))).toBe(true)
  })
})
