// GET /projects/{name}/usage in both generations (shared/API.md, "Projects, access and audit"), through
// app.inject() on a real database: the same rollups, query rules and errors as the organization's
// usage, credits per deployment version now, and who may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { addDays } from '../../domain/dates'
import { API_GENERATIONS } from '../../domain/generation'
import { createTestApi, setClock, uniqueName, type Caller, type TestApi } from './helpers'

// The default range is the current subscription period: the clock is set.
setClock()

interface Point {
  start_date: string
  end_date: string
  value: number
}

describe.each(API_GENERATIONS)('GET /projects/{name}/usage, %s generation', (generation) => {
  const isCurrent = generation === 'current'
  let api: TestApi
  let admin: Caller
  let viewer: Caller
  let outsider: Caller
  let stranger: Caller
  let organization: string
  let project: string
  let other: string
  /** Version ids by "deployment/version". */
  const versions: Record<string, string> = {}

  beforeAll(async () => {
    api = await createTestApi({ apiGeneration: generation })
    admin = api.user()
    viewer = api.user()
    outsider = api.user()
    stranger = api.user()
    organization = await api.organization(admin)
    await api.addMember(admin, organization, viewer)
    await api.addMember(admin, organization, outsider)
    project = uniqueName('project')
    other = uniqueName('project')
    for (const name of [project, other])
      expect(
        (await api.call(admin, 'POST', '/projects', { name, organization_name: organization })).status,
      ).toBe(201)
    const role = isCurrent
      ? { role: 'project-viewer', assignee: viewer.id, assignee_type: 'user' }
      : { role: 'project-viewer', user_id: viewer.id }
    expect((await api.call(admin, 'POST', `/projects/${project}/role-assignments`, role)).status).toBe(201)

    const { db, repositories } = api.app
    const organizationId = repositories.organizations.findByName(organization)!.id
    const projectIds = [project, other].map((name) => repositories.projects.findByName(name)!.id)
    const addDeployment = db.prepare('INSERT INTO deployments (id, project_id, name) VALUES (?, ?, ?)')
    const addVersion = db.prepare(
      'INSERT INTO deployment_versions (id, deployment_id, version) VALUES (?, ?, ?)',
    )
    const plan: [number, string, string[]][] = [
      [0, 'scorer', ['v1', 'v2']],
      [0, 'embedder', ['v1', 'idle']],
      [0, 'retired', ['v1']],
      [1, 'ranker', ['v1']],
    ]
    for (const [p, deployment, names] of plan) {
      const deploymentId = randomUUID()
      addDeployment.run(deploymentId, projectIds[p], deployment)
      for (const version of names) {
        versions[`${deployment}/${version}`] = randomUUID()
        addVersion.run(versions[`${deployment}/${version}`], deploymentId, version)
      }
    }
    const credits = db.prepare(
      'INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value) VALUES (?, ?, ?, ?, ?)',
    )
    const volume = db.prepare(
      "INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, 'deployment_version', 'input_volume', ?)",
    )
    // Every day of January and February 2026: cents that do not add up exactly in binary.
    for (let day = '2026-01-01', index = 0; day < '2026-03-01'; day = addDays(day, 1), index += 1) {
      credits.run(projectIds[0], day, versions['scorer/v1'], organizationId, 0.1)
      credits.run(projectIds[0], day, versions['scorer/v2'], organizationId, 0.2 + (index % 3) * 0.01)
      credits.run(projectIds[0], day, versions['embedder/v1'], organizationId, 1.07)
      credits.run(projectIds[0], day, versions['retired/v1'], organizationId, 0.33)
      credits.run(projectIds[1], day, versions['ranker/v1'], organizationId, 5)
      volume.run(organizationId, day, projectIds[0], 1000 + index)
      volume.run(organizationId, day, projectIds[1], 7)
    }
    // Today (the set clock's 2026-03-10): in the default period.
    credits.run(projectIds[0], '2026-03-10', versions['scorer/v2'], organizationId, 2.5)
    // "retired" was deleted since: its usage stays, as a deleted deployment's.
    db.prepare("UPDATE deployments SET deletion_date = '2026-02-20T00:00:00Z' WHERE name = 'retired'").run()
  })
  afterAll(async () => api.close())

  const usageOf = (caller: Caller | null, name: string, query = '') =>
    api.call(caller, 'GET', `/projects/${name}/usage${query}`)
  const organizationUsage = (query: string) =>
    api.call(admin, 'GET', `/organizations/${organization}/usage${query}`)
  const values = (points: Point[]) => points.map((point) => point.value)
  const round2 = (value: number) => Math.round(value * 100) / 100

  for (const query of [
    '?start_date=2026-01-01&end_date=2026-03-01&interval=day',
    '?start_date=2025-12-15&end_date=2026-03-15&interval=month',
  ])
    it(`equals the organization's figure for the project, bucket by bucket (${query})`, async () => {
      const [mine, theirs, organizationAnswer] = await Promise.all([
        usageOf(admin, project, query),
        usageOf(admin, other, query),
        organizationUsage(query),
      ])
      expect(mine.status).toBe(200)
      if (isCurrent) {
        const entry = (name: string) =>
          (organizationAnswer.body.data_projects as { project_name: string; data: Point[] }[]).find(
            (p) => p.project_name === name,
          )!.data
        expect(mine.body.data_project).toEqual(entry(project))
        expect(theirs.body.data_project).toEqual(entry(other))
        expect(mine.body.interval).toBe(query.includes('day') ? 'day' : 'month')
      } else {
        // The five series, each the project's part: the two projects add up to the organization.
        expect(
          (mine.body as { object_type: string; metric: string }[]).map((s) => `${s.object_type}/${s.metric}`),
        ).toEqual(
          (organizationAnswer.body as { object_type: string; metric: string }[]).map(
            (s) => `${s.object_type}/${s.metric}`,
          ),
        )
        organizationAnswer.body.forEach((series: { usage: Point[] }, s: number) =>
          series.usage.forEach((point, b) =>
            expect(round2(mine.body[s].usage[b].value + theirs.body[s].usage[b].value)).toBe(point.value),
          ),
        )
        const credits = mine.body[0].usage as Point[]
        if (query.includes('day')) expect(new Set(values(credits))).toEqual(new Set([1.7, 1.71, 1.72]))
      }
    })

  it.runIf(isCurrent)(
    'gives credits per live deployment version, the deleted ones apart, and the project as their sum',
    async () => {
      const response = await usageOf(
        viewer,
        project,
        '?start_date=2026-02-27&end_date=2026-03-02&interval=day',
      )
      expect(response.status).toBe(200)
      const body = response.body as {
        data_project: Point[]
        data_deployments: {
          deployment_id: string
          deployment_name: string
          version_id: string
          version: string
          data: Point[]
        }[]
        data_deleted_deployments: Point[]
      }
      // By deployment name, then version; a version without usage is listed with zeros.
      expect(body.data_deployments.map((d) => `${d.deployment_name}/${d.version}`)).toEqual([
        'embedder/idle',
        'embedder/v1',
        'scorer/v1',
        'scorer/v2',
      ])
      expect(body.data_deployments[3]!.version_id).toBe(versions['scorer/v2'])
      expect(values(body.data_deployments[0]!.data)).toEqual([0, 0, 0])
      expect(values(body.data_deployments[1]!.data)).toEqual([1.07, 1.07, 0])
      expect(values(body.data_deleted_deployments)).toEqual([0.33, 0.33, 0])
      expect(values(body.data_project)).toEqual([1.7, 1.71, 0])
      body.data_project.forEach((point, b) =>
        expect(
          round2(
            body.data_deployments.reduce(
              (sum, d) => sum + d.data[b]!.value,
              body.data_deleted_deployments[b]!.value,
            ),
          ),
        ).toBe(point.value),
      )
      expect(body.data_project[0]).toEqual({
        start_date: '2026-02-27T00:00:00Z',
        end_date: '2026-02-28T00:00:00Z',
        value: 1.7,
      })
    },
  )

  it("defaults to the organization's current subscription period", async () => {
    const response = await usageOf(admin, project)
    expect(response.status).toBe(200)
    // Created today (2026-03-10): one month bucket from today, with today's credits.
    const points: Point[] = isCurrent ? response.body.data_project : response.body[0].usage
    expect(points).toEqual([
      { start_date: '2026-03-10T00:00:00Z', end_date: '2026-04-10T00:00:00Z', value: 2.5 },
    ])
  })

  it('refuses what the organization usage refuses, naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['?interval=week', /^interval: /],
      ['?start_date=2026-01-01', /^end_date: give start_date and end_date together/],
      ['?start_date=2026-02-30&end_date=2026-03-01', /^start_date: /],
      [
        '?start_date=2025-01-01&end_date=2026-03-01&interval=day',
        /^end_date: Daily buckets cover at most 366 days/,
      ],
      ['?start_date=2026-03-01&end_date=2026-03-01', /^end_date: /],
    ]
    for (const [query, message] of cases) {
      const [mine, organizationAnswer] = await Promise.all([
        usageOf(admin, project, query),
        organizationUsage(query),
      ])
      expect(mine.status, query).toBe(400)
      expect(mine.body.error, query).toMatch(message)
      expect(mine.body).toEqual(organizationAnswer.body)
    }
  })

  it('answers project users and organization admins; a 404 for everyone else, a 401 without a token', async () => {
    const query = '?start_date=2026-01-01&end_date=2026-01-08&interval=day'
    expect((await usageOf(admin, project, query)).status).toBe(200)
    expect((await usageOf(viewer, project, query)).status).toBe(200)
    const staff = api.user({ staff: true })
    expect((await usageOf(staff, project, query)).status).toBe(200)
    for (const caller of [outsider, stranger]) {
      const response = await usageOf(caller, project, query)
      expect(response.status).toBe(404)
      expect(response.body).toEqual({
        error: `There is no project "${project}" that you have access to. Check the name in the address.`,
      })
    }
    // The viewer is in one project only.
    expect((await usageOf(viewer, other, query)).status).toBe(404)
    expect((await usageOf(admin, 'no-such-project', query)).status).toBe(404)
    expect((await usageOf(null, project, query)).status).toBe(401)
  })

  it("keeps the project rollup the sum of its versions' credits through inserts, updates and deletes", async () => {
    const { db, repositories } = api.app
    const organizationId = repositories.organizations.findByName(organization)!.id
    const projectId = repositories.projects.findByName(other)!.id
    const day = '2025-06-01'
    const projectCredits = () =>
      (
        db
          .prepare(
            "SELECT value FROM usage_daily WHERE organization_id = ? AND day = ? AND project_id = ? AND metric = 'credits'",
          )
          .get(organizationId, day, projectId) as { value: number } | undefined
      )?.value
    const write = db.prepare(
      'INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value) VALUES (?, ?, ?, ?, ?)',
    )
    write.run(projectId, day, versions['ranker/v1'], organizationId, 4.25)
    expect(projectCredits()).toBe(4.25)
    db.prepare('UPDATE usage_daily_by_version SET value = 6 WHERE deployment_version_id = ? AND day = ?').run(
      versions['ranker/v1'],
      day,
    )
    expect(projectCredits()).toBe(6)
    db.prepare('DELETE FROM usage_daily_by_version WHERE deployment_version_id = ? AND day = ?').run(
      versions['ranker/v1'],
      day,
    )
    expect(projectCredits()).toBe(0)
  })
})
