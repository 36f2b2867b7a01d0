import { describe, expect, it } from 'vitest'
import { changeAgainst, containsNow, chartTotal, projectToPeriodEnd, sumValues } from './usage-summary'
import { addDays } from '../../../../domain/dates'
import { WEEKLY_PROJECTION_METHOD } from '../../../../domain/weekly-projection'
import { normalise2022 } from '../model/normalise-2022'
import { normaliseCurrent } from '../model/normalise-current'
import { dailySeries, eightProjects } from './test-usage'

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

describe('projectToPeriodEnd (the weekly projection of a daily model)', () => {
  // 2026-11-20 is a Friday; 30 days.
  const period = { start: '2026-11-20', end: '2026-12-20' }
  const isWeekendDay = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())
  /** A daily model of the period's first `days` days: weekdays `weekday` credits, weekends `weekend`. */
  const daily = (days: number, weekday: number, weekend: number) =>
    normalise2022(
      [
        dailySeries(
          period.start,
          Array.from({ length: days }, (_, index) =>
            isWeekendDay(addDays(period.start, index)) ? weekend : weekday,
          ),
        ),
      ],
      null,
      'day',
    )

  it('on a flat series is the flat pace: the total so far over the elapsed share of the period', () => {
    // Noon of the 28th: 8 whole days at 15 and half of today (7.5 so far) → 127.5 credits over 8.5 days.
    const model = daily(9, 15, 15)
    model.charts[0]!.series[0]!.values[8] = 7.5
    const projection = projectToPeriodEnd(
      model,
      { metric: 'credits' },
      period,
      new Date('2026-11-28T12:00:00Z'),
    )
    expect(projection).toMatchObject({ elapsedDays: 8.5, periodDays: 30 })
    expect(projection?.projected).toBeCloseTo(127.5 / (8.5 / 30))
    expect(projection?.method).toBe(WEEKLY_PROJECTION_METHOD)
  })

  it('follows the week: the weekdays and weekend days left at their own pace, not the flat one', () => {
    // Nine whole days (Fri 20th to Sat 28th: 6 weekdays, 3 weekend days) at 100 and 10; midnight of the 29th (a Sunday).
    const model = daily(9, 100, 10)
    const projection = projectToPeriodEnd(
      model,
      { metric: 'credits' },
      period,
      new Date('2026-11-29T00:00:00Z'),
    )
    const used = 6 * 100 + 3 * 10
    // Left: the 29th to the 19th of December, 21 days: 15 weekdays and 6 weekend days.
    expect(projection?.projected).toBeCloseTo(used + 15 * 100 + 6 * 10)
    // The flat pace would have said 30 × 70 = 2,100, too little for a period with more weekdays left.
    expect(projection!.projected).not.toBeCloseTo((used / 9) * 30)
  })

  it('projects nothing before the period, after it, at its very start, or from a model by month', () => {
    const model = daily(9, 10, 10)
    const at = (now: string) => projectToPeriodEnd(model, { metric: 'credits' }, period, new Date(now))
    expect(at('2026-11-19T23:59:59Z')).toBeNull()
    expect(at('2026-12-20T00:00:00Z')).toBeNull()
    expect(at('2026-11-20T00:00:00Z')).toBeNull()
    const monthly = normalise2022([dailySeries(period.start, [10])], null, 'month')
    expect(
      projectToPeriodEnd(monthly, { metric: 'credits' }, period, new Date('2026-11-28T12:00:00Z')),
    ).toBeNull()
  })

  it('projects one part of a level with parts by its id', () => {
    const model = normaliseCurrent(eightProjects(), null, 'day', { kind: 'all' })
    const projection = projectToPeriodEnd(
      model,
      { partId: 'p0' },
      { start: '2026-11-01', end: '2026-11-11' },
      new Date('2026-11-04T00:00:00Z'),
    )
    // p0 used 80.1, 81.1 and 82.1 on three weekdays (Sun 1st is a weekend day: 80.1 there).
    expect(projection?.projected).toBeGreaterThan(80.1 + 81.1 + 82.1)
    expect(
      projectToPeriodEnd(model, { partId: 'nope' }, period, new Date('2026-11-28T12:00:00Z'))?.projected,
    ).toBe(0)
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
