import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../domain/dates'
import { EXAMPLE, eightProjects, point } from './test-usage'
import { modelOfCreditsData } from '../model/normalise-current'
import { usageChartRows } from './chart-rows'
import { partRows } from './part-rows'
import { toCreditsData, type CreditsData, type ProjectFilter } from './project-credits'

const modelOf = (data: CreditsData, filter: ProjectFilter = { kind: 'all' }) =>
  modelOfCreditsData(data, filter, 'month')

describe('usageChartRows of the credits per project', () => {
  it('gives a value per series key, marks today’s bucket as not over, and gives none after today', () => {
    const model = modelOfCreditsData(
      toCreditsData(eightProjects(), null, 'day'),
      { kind: 'project', name: 'project-0' },
      'day',
    )
    expect(usageChartRows(model.buckets, model.charts[0]!.series, '2026-11-02')).toEqual([
      { start: '2026-11-01', end: '2026-11-02', values: { s0: 80.1 } },
      { start: '2026-11-02', end: '2026-11-03', values: { s0: 81.1 }, isPartial: true },
      { start: '2026-11-03', end: '2026-11-04', values: {}, isFuture: true },
    ])
  })
})

describe('partRows (credits per project)', () => {
  it('gives each project its credits, share, change and projection, most credits first', () => {
    const data = toCreditsData(EXAMPLE, null, 'month')
    const previous = toCreditsData(
      {
        ...EXAMPLE,
        projects: [{ id: 'p2', name: 'project-2', usage: [point('2019-07-01', '2019-08-01', 150)] }],
        deletedProjects: [point('2019-07-01', '2019-08-01', 100)],
      },
      null,
      'month',
    )
    // The period by day: project-2 used 20 credits every day so far, and 10 in the first half of the 16th.
    const days = Array.from({ length: 16 }, (_, index) => addDays('2019-08-01', index))
    const usage = days.map((day, index) => point(day, addDays(day, 1), index === 15 ? 10 : 20))
    const daily = toCreditsData(
      {
        generation: 'current',
        organization: usage,
        projects: [{ id: 'p2', name: 'project-2', usage }],
        deletedProjects: [],
      },
      null,
      'day',
    )
    const rows = partRows(modelOf(data), {
      previous: modelOf(previous),
      period: { start: '2019-08-01', end: '2019-09-01' },
      daily: modelOfCreditsData(daily, { kind: 'all' }, 'day'),
      // Noon of 2019-08-16: 15.5 of 31 days have passed.
      now: new Date('2019-08-16T12:00:00Z'),
    })
    expect(rows.map((r) => [r.label, r.total, r.share])).toEqual([
      ['project-2', 300, 0.5],
      ['project-1', 200, 200 / 600],
      ['Deleted projects', 100, 100 / 600],
    ])
    expect(rows.map((r) => r.change)).toEqual([
      { kind: 'relative', fraction: 1, previous: 150 },
      { kind: 'new', previous: 0 },
      { kind: 'relative', fraction: 0, previous: 100 },
    ])
    // A flat 20 a day, weekdays and weekends alike: the weekly projection is the flat pace, 20 × 31.
    expect(rows[0]!.projected).toBeCloseTo(620)
    // A project with no days in the daily model projects nothing more.
    expect(rows[1]!.projected).toBe(0)
  })

  it('has no change before the previous range is in, and no projection outside the current period', () => {
    const rows = partRows(modelOf(toCreditsData(EXAMPLE, null, 'month')))
    expect(rows.every((r) => r.change === undefined && r.projected === null)).toBe(true)
  })

  it('holds only what the filter shows', () => {
    const data = toCreditsData(EXAMPLE, null, 'month')
    expect(partRows(modelOf(data, { kind: 'project', name: 'project-1' })).map((r) => r.label)).toEqual([
      'project-1',
    ])
    expect(partRows(modelOf(data, { kind: 'deleted' })).map((r) => r.label)).toEqual(['Deleted projects'])
  })

  it('has no share when the organization used nothing', () => {
    const zero = toCreditsData(
      {
        generation: 'current',
        organization: [point('2019-08-01', '2019-09-01', 0)],
        projects: [{ id: 'a', name: 'a', usage: [] }],
        deletedProjects: [],
      },
      null,
      'month',
    )
    expect(partRows(modelOf(zero))).toMatchObject([{ label: 'a', total: 0, share: null }])
  })
})
