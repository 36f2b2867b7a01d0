import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, utcToday as today } from '../../domain/dates'
import { createTestApi, type Caller, type TestApi, setClock } from './helpers'

// Answers here depend on today (default periods, end dates after today): the clock is set.
setClock()

let api: TestApi
let admin: Caller
let name: string

beforeAll(async () => {
  api = await createTestApi()
  admin = api.user()
  name = await api.organization(admin)
  const { id } = api.app.repositories.organizations.findByName(name)!
  api.app.db
    .prepare("INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, 'p', '')")
    .run(`${id}-p`, id)
  const rollup = api.app.db.prepare(
    'INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insert = {
    run: (...row: [string, string, string, string, number]) =>
      rollup.run(row[0], row[1], `${id}-p`, ...row.slice(2)),
  }
  // Every day of 2020: credits = 1 on each day, input volume = day of the month.
  for (let day = '2020-01-01'; day < '2021-01-01'; day = addDays(day, 1)) {
    insert.run(id, day, 'deployment_version', 'credits', 1)
    insert.run(id, day, 'deployment_version', 'input_volume', Number(day.slice(8)))
  }
  insert.run(id, today(), 'pipeline_version', 'output_volume', 1234)
})
afterAll(async () => api.close())

const usage = (query: string) => api.call(admin, 'GET', `/organizations/${name}/usage${query}`)
const series = (body: { object_type: string; metric: string; usage: { value: number }[] }[], key: string) =>
  body.find((s) => `${s.object_type}/${s.metric}` === key)!

describe('GET /organizations/{name}/usage', () => {
  it('defaults to the current subscription period in one month bucket', async () => {
    const response = await usage('')
    expect(response.status).toBe(200)
    // Created today (the set clock's 2026-03-10): the period runs a month from today.
    const period = { start: '2026-03-10', end: '2026-04-10' }
    expect(response.body).toHaveLength(5)
    for (const s of response.body)
      expect(s.usage).toEqual([
        {
          start_date: `${period.start}T00:00:00Z`,
          end_date: `${period.end}T00:00:00Z`,
          value: s.object_type === 'pipeline_version' && s.metric === 'output_volume' ? 1234 : 0,
        },
      ])
  })

  it('buckets by month anchored at the start date, the last bucket cut at the end date', async () => {
    const response = await usage('?start_date=2020-01-31&end_date=2020-04-15&interval=month')
    expect(response.status).toBe(200)
    const credits = series(response.body, 'deployment_version/credits')
    expect(credits.usage).toEqual([
      { start_date: '2020-01-31T00:00:00Z', end_date: '2020-02-29T00:00:00Z', value: 29 },
      { start_date: '2020-02-29T00:00:00Z', end_date: '2020-03-31T00:00:00Z', value: 31 },
      { start_date: '2020-03-31T00:00:00Z', end_date: '2020-04-15T00:00:00Z', value: 15 },
    ])
  })

  it("gives one bucket from the 12th to the 12th (the contract's example)", async () => {
    const response = await usage('?start_date=2020-11-12&end_date=2020-12-12')
    const input = series(response.body, 'deployment_version/input_volume')
    // 12..30 of November plus 1..11 of December.
    const expected = [...Array(19)].reduce<number>((sum, _, i) => sum + 12 + i, 0) + 66
    expect(input.usage).toEqual([
      { start_date: '2020-11-12T00:00:00Z', end_date: '2020-12-12T00:00:00Z', value: expected },
    ])
  })

  it('buckets by day, zero-filling days without usage', async () => {
    const response = await usage('?start_date=2020-12-30&end_date=2021-01-02&interval=day')
    const credits = series(response.body, 'deployment_version/credits')
    expect(credits.usage.map((b: { value: number }) => b.value)).toEqual([1, 1, 0])
    expect(series(response.body, 'pipeline_version/input_volume').usage).toHaveLength(3)
  })

  it('sums a year of rollups by month', async () => {
    const response = await usage('?start_date=2020-01-01&end_date=2021-01-01')
    const credits = series(response.body, 'deployment_version/credits')
    expect(credits.usage.map((b: { value: number }) => b.value)).toEqual([
      31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
  })

  it.each([
    ['?interval=year', 400, 'interval:'],
    ['?start_date=2020-02-30&end_date=2020-03-01', 400, 'start_date:'],
    ['?start_date=2020-03-01&end_date=2020-02-01', 400, 'end_date: The range must end after it starts'],
    ['?start_date=2020-01-01&end_date=2021-01-02&interval=day', 400, 'at most 366 days'],
    ['?start_date=2010-01-01&end_date=2021-01-02', 400, 'at most 10 years'],
    [
      '?start_date=2020-01-01&start_date=2020-02-01&end_date=2020-03-01',
      400,
      'start_date: must be a date written YYYY-MM-DD, given once.',
    ],
  ])('refuses %s', async (query, status, message) => {
    const response = await usage(query)
    expect(response.status).toBe(status)
    expect(response.body.error).toContain(message)
  })

  it('answers 10 years by month and 366 days by day quickly', async () => {
    const started = performance.now()
    expect((await usage('?start_date=2015-01-01&end_date=2025-01-01')).status).toBe(200)
    expect((await usage('?start_date=2020-01-01&end_date=2021-01-01&interval=day')).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
