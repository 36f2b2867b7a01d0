import { describe, expect, it } from 'vitest'
import { USAGE_SERIES } from '../../domain/usage'
import { aggregateUsage, parseUsageQuery } from './usage-buckets'

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
