import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../domain/dates'
import { USAGE_SERIES } from '../../domain/usage'
import { aggregateProjectUsage, aggregateUsage, parseUsageQuery } from './usage-buckets'

describe('aggregateUsage', () => {
  const range = { start: '2020-01-01', end: '2020-03-01', interval: 'month' as const }

  it('returns all five series with every bucket, zero-filled', () => {
    const result = aggregateUsage([], range)
    expect(result.map((s) => `${s.object_type}/${s.metric}`)).toEqual(
      USAGE_SERIES.map((s) => `${s.object_type}/${s.metric}`),
    )
    for (const series of result)
      expect(series.usage).toEqual([
        { start_date: '2020-01-01T00:00:00Z', end_date: '2020-02-01T00:00:00Z', value: 0 },
        { start_date: '2020-02-01T00:00:00Z', end_date: '2020-03-01T00:00:00Z', value: 0 },
      ])
  })

  it('sums each day into its bucket and ignores days outside the range', () => {
    const rows = [
      { day: '2019-12-31', object_type: 'deployment_version', metric: 'credits', value: 1000 },
      { day: '2020-01-01', object_type: 'deployment_version', metric: 'credits', value: 1.5 },
      { day: '2020-01-31', object_type: 'deployment_version', metric: 'credits', value: 2.25 },
      { day: '2020-02-01', object_type: 'deployment_version', metric: 'credits', value: 10 },
      { day: '2020-02-29', object_type: 'pipeline_version', metric: 'output_volume', value: 7 },
      { day: '2020-03-01', object_type: 'deployment_version', metric: 'credits', value: 1000 },
    ]
    const result = aggregateUsage(rows, range)
    expect(result[0]!.usage.map((b) => b.value)).toEqual([3.75, 10])
    expect(result[4]!.usage.map((b) => b.value)).toEqual([0, 7])
    expect(result[1]!.usage.map((b) => b.value)).toEqual([0, 0])
  })
})

describe('parseUsageQuery', () => {
  const parse = (query: Record<string, unknown>) => parseUsageQuery(query, '2020-11-20', '2020-12-01')

  it('defaults to the current subscription period by month', () => {
    expect(parse({}).range).toEqual({ start: '2020-11-20', end: '2020-12-20', interval: 'month' })
    expect(parse({ interval: 'day' }).range).toEqual({
      start: '2020-11-20',
      end: '2020-12-20',
      interval: 'day',
    })
  })

  it('takes the dates given', () => {
    expect(parse({ start_date: '2020-11-12', end_date: '2020-12-12' }).range).toEqual({
      start: '2020-11-12',
      end: '2020-12-12',
      interval: 'month',
    })
  })

  it.each([
    [{ interval: 'week' }, 'interval: use "day" or "month"'],
    [{ start_date: '2020-13-01', end_date: '2021-01-01' }, 'start_date: Use a real date'],
    [{ start_date: '2020-01-01', end_date: 'tomorrow' }, 'end_date: Use a real date'],
    [{ start_date: '2020-01-01' }, 'end_date: give start_date and end_date together'],
    [{ end_date: '2020-01-01' }, 'start_date: give start_date and end_date together'],
    [{ start_date: '2020-02-01', end_date: '2020-01-01' }, 'end_date: The range must end after it starts'],
    [{ start_date: '2020-01-01', end_date: '2020-01-01' }, 'end_date: The range must end after it starts'],
    [{ start_date: '2020-01-01', end_date: '2021-01-02', interval: 'day' }, 'at most 366 days'],
    [{ start_date: '2020-01-01', end_date: '2030-01-02' }, 'at most 10 years'],
  ])('refuses %j', (query, message) => {
    const { problems } = parse(query)
    expect(problems?.join(' ')).toContain(message)
  })

  it('accepts the limits themselves', () => {
    expect(parse({ start_date: '2020-01-01', end_date: '2021-01-01', interval: 'day' }).range).toBeDefined()
    expect(parse({ start_date: '2020-01-01', end_date: '2030-01-01' }).range).toBeDefined()
  })
})

describe('aggregateProjectUsage', () => {
  const range = { start: '2021-01-01', end: '2021-01-04', interval: 'day' as const }
  const projects = [
    { id: 'b', name: 'beta', deleted: 0 },
    { id: 'a', name: 'alpha', deleted: 0 },
    { id: 'g', name: 'gone', deleted: 1 },
  ]

  it('zero-fills every live project, keeps their order, and puts deleted and unknown projects together', () => {
    const answer = aggregateProjectUsage(
      [
        { day: '2021-01-01', project_id: 'a', value: 1.006 },
        { day: '2021-01-02', project_id: 'g', value: 2 },
        { day: '2021-01-02', project_id: 'x', value: 0.5 },
        // Outside the range: ignored.
        { day: '2021-01-04', project_id: 'a', value: 100 },
      ],
      projects,
      range,
    )
    const values = (points: { value: number }[]) => points.map((point) => point.value)
    expect(answer.interval).toBe('day')
    expect(answer.data_projects.map((p) => [p.project_name, values(p.data)])).toEqual([
      ['beta', [0, 0, 0]],
      ['alpha', [1.01, 0, 0]],
    ])
    expect(values(answer.data_deleted_projects)).toEqual([0, 2.5, 0])
    expect(values(answer.data_organization)).toEqual([1.01, 2.5, 0])
    expect(answer.data_organization[0]).toEqual({
      start_date: '2021-01-01T00:00:00Z',
      end_date: '2021-01-02T00:00:00Z',
      value: 1.01,
    })
  })

  it('answers the organization as the sum of its parts, bucket by bucket, for any rollups', () => {
    const row = fc.record({
      // Days of the range [2021-01-01, 2021-02-10) only: the total below counts every row.
      day: fc.integer({ min: 0, max: 39 }).map((offset) => addDays('2021-01-01', offset)),
      project_id: fc.constantFrom('a', 'b', 'g'),
      value: fc.double({ min: 0, max: 10_000, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.constantFrom('day', 'month'), (rows, interval) => {
        const answer = aggregateProjectUsage(rows, projects, {
          start: '2021-01-01',
          end: '2021-02-10',
          interval,
        })
        answer.data_organization.forEach((point, bucket) => {
          const parts =
            answer.data_projects.reduce((sum, project) => sum + project.data[bucket]!.value, 0) +
            answer.data_deleted_projects[bucket]!.value
          expect(point.value).toBeCloseTo(parts, 6)
        })
        const total = rows.reduce((sum, r) => sum + r.value, 0)
        const answered = answer.data_organization.reduce((sum, point) => sum + point.value, 0)
        // Rounding to cents per project and bucket: at most half a cent each, plus the binary
        // floating-point error of summing up to 200 doubles (relative, not absolute: totals reach 2e6).
        expect(Math.abs(answered - total)).toBeLessThanOrEqual(
          0.005 * 3 * answer.data_organization.length + 1e-9 * Math.max(1, total),
        )
      }),
    )
  })
})
