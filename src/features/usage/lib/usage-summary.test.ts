import { describe, expect, it } from 'vitest'
import {
  changeAgainst,
  containsNow,
  metricProjections,
  metricTotals,
  projectToPeriodEnd,
  formatDaysElapsed,
  sumValues,
} from './usage-summary'
import { toUsageData } from './usage-series'

const ts = (day: string) => `${day}T00:00:00Z`

describe('metricTotals', () => {
  it('sums each metric over the range, per object type and together', () => {
    const data = toUsageData(
      [
        {
          object_type: 'deployment_version',
          metric: 'input_volume',
          usage: [
            { start_date: ts('2026-01-01'), end_date: ts('2026-01-02'), value: 1000 },
            { start_date: ts('2026-01-02'), end_date: ts('2026-01-03'), value: 24 },
          ],
        },
        {
          object_type: 'pipeline_version',
          metric: 'input_volume',
          usage: [{ start_date: ts('2026-01-01'), end_date: ts('2026-01-02'), value: 6 }],
        },
      ],
      null,
      'day',
    )
    expect(metricTotals(data)).toEqual([
      { metric: 'credits', total: 0, byObjectType: { deployment_version: 0 } },
      {
        metric: 'input_volume',
        total: 1030,
        byObjectType: { deployment_version: 1024, pipeline_version: 6 },
      },
      { metric: 'output_volume', total: 0, byObjectType: { deployment_version: 0, pipeline_version: 0 } },
    ])
  })
})

describe('changeAgainst the previous range', () => {
  it('is relative to the previous total', () => {
    expect(changeAgainst(150, 100)).toEqual({ kind: 'relative', fraction: 0.5, previous: 100 })
    expect(changeAgainst(0, 80)).toEqual({ kind: 'relative', fraction: -1, previous: 80 })
  })

  it('does not divide by zero', () => {
    expect(changeAgainst(5, 0)).toEqual({ kind: 'new', previous: 0 })
    expect(changeAgainst(0, 0)).toEqual({ kind: 'none', previous: 0 })
  })
})

describe('projectToPeriodEnd', () => {
  const period = { start: '2026-11-20', end: '2026-12-20' } // 30 days

  it('extends the pace so far to the whole period, counting only the elapsed part of today', () => {
    // Noon of the 28th: 8 whole days (20th..27th) and half of today, not 9 whole days.
    const projection = projectToPeriodEnd(255, period, new Date('2026-11-28T12:00:00Z'))
    expect(projection).toMatchObject({ elapsedDays: 8.5, periodDays: 30 })
    expect(projection?.projected).toBeCloseTo(900)
    expect(formatDaysElapsed(projection!)).toBe('8.5 of 30 days')
  })

  it('projects from the first hour of the period and on its last day, and nothing at its very start', () => {
    expect(projectToPeriodEnd(10, period, new Date('2026-11-20T06:00:00Z'))?.projected).toBeCloseTo(1200)
    expect(projectToPeriodEnd(600, period, new Date('2026-12-20T00:00:00Z'))).toBeNull()
    expect(projectToPeriodEnd(600, period, new Date('2026-12-19T12:00:00Z'))?.projected).toBeCloseTo(
      600 / (29.5 / 30),
    )
    expect(projectToPeriodEnd(10, period, new Date('2026-11-20T00:00:00Z'))).toBeNull()
  })

  it('projects nothing before the period or after it', () => {
    expect(projectToPeriodEnd(1, period, new Date('2026-11-19T23:59:59Z'))).toBeNull()
    expect(projectToPeriodEnd(1, period, new Date('2026-12-20T00:00:00Z'))).toBeNull()
  })

  it('projects each metric of the totals, and none outside the period', () => {
    const totals = [
      { metric: 'credits' as const, total: 300, byObjectType: {} },
      { metric: 'input_volume' as const, total: 90, byObjectType: {} },
    ]
    const projections = metricProjections(totals, period, new Date('2026-11-29T00:00:00Z'))
    expect(projections.credits?.projected).toBeCloseTo(1000)
    expect(projections.input_volume?.projected).toBeCloseTo(300)
    expect(metricProjections(totals, period, new Date('2026-12-20T00:00:00Z'))).toEqual({})
  })

  it('knows whether today is in the range', () => {
    expect(containsNow(period, new Date('2026-12-19T23:59:59Z'))).toBe(true)
    expect(containsNow(period, new Date('2026-12-20T00:00:00Z'))).toBe(false)
  })
})

describe('sumValues', () => {
  it('adds without floating-point dust', () => {
    expect(sumValues([0.1, 0.2])).toBe(0.3)
    expect(sumValues([1248.98, 446.91, 406.25])).toBe(2102.14)
    expect(sumValues([123456789012, 1])).toBe(123456789013)
    expect(sumValues([])).toBe(0)
  })
})
