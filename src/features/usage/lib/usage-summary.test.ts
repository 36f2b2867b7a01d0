import { describe, expect, it } from 'vitest'
import {
  changeAgainst,
  containsNow,
  chartTotal,
  projectToPeriodEnd,
  formatDaysElapsed,
  sumValues,
} from './usage-summary'
import { normalise2022 } from '../model/normalise-2022'

const ts = (day: string) => `${day}T00:00:00Z`

describe('chartTotal', () => {
  it('sums each metric over the range, per object type and together', () => {
    const model = normalise2022(
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
    const totals = model.charts.map((chart) => [
      chart.metric,
      chartTotal(model, chart.metric),
      chart.series.map((series) => [series.label, sumValues(series.values)]),
    ])
    expect(totals).toEqual([
      ['credits', 0, [['Deployment versions', 0]]],
      [
        'input_volume',
        1030,
        [
          ['Deployment versions', 1024],
          ['Pipeline versions', 6],
        ],
      ],
      [
        'output_volume',
        0,
        [
          ['Deployment versions', 0],
          ['Pipeline versions', 0],
        ],
      ],
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

  it('projects each chart’s total, and none outside the period', () => {
    const model = normalise2022(
      [
        {
          object_type: 'deployment_version',
          metric: 'credits',
          usage: [{ start_date: ts('2026-11-01'), end_date: ts('2026-11-02'), value: 300 }],
        },
        {
          object_type: 'pipeline_version',
          metric: 'input_volume',
          usage: [{ start_date: ts('2026-11-01'), end_date: ts('2026-11-02'), value: 90 }],
        },
      ],
      null,
      'day',
    )
    const project = (metric: 'credits' | 'input_volume', now: string) =>
      projectToPeriodEnd(chartTotal(model, metric), period, new Date(now))
    expect(project('credits', '2026-11-29T00:00:00Z')?.projected).toBeCloseTo(1000)
    expect(project('input_volume', '2026-11-29T00:00:00Z')?.projected).toBeCloseTo(300)
    expect(project('credits', '2026-12-20T00:00:00Z')).toBeNull()
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
