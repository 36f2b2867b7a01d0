import { describe, expect, it } from 'vitest'
import { normalise2022 } from '../model/normalise-2022'
import { normaliseCurrent } from '../model/normalise-current'
import type { UsageModel } from '../model/usage-model'
import { PREVIOUS_TOTAL_KEY, usageChartRows, withPreviousRows } from './chart-rows'
import type { CurrentUsageAnswer } from './project-credits'
import { dailySeries, point } from './test-usage'

const chartOf = (model: UsageModel, metric: string) => model.charts.find((c) => c.metric === metric)!
const rowsOf = (model: UsageModel, metric: string, today?: string) =>
  usageChartRows(model.buckets, chartOf(model, metric).series, today)

describe('usageChartRows (2022: a chart per metric, a series per object type)', () => {
  const answer = [
    dailySeries('2026-11-01', [10, 20.5, 30]),
    dailySeries('2026-11-01', [0, 50, 0], { object_type: 'pipeline_version', metric: 'input_volume' }),
  ]
  const model = normalise2022(answer, null, 'day')

  it('gives recharts one row per bucket with a value per series key', () => {
    expect(rowsOf(model, 'input_volume')[1]).toEqual({
      start: '2026-11-02',
      end: '2026-11-03',
      values: { 'input_volume.deployment_version': 0, 'input_volume.pipeline_version': 50 },
    })
    expect(rowsOf(model, 'credits')[0]).toEqual({
      start: '2026-11-01',
      end: '2026-11-02',
      values: { 'credits.deployment_version': 10 },
    })
  })

  it('leaves buckets after today without values, so a running period is not drawn as a drop to zero', () => {
    const rows = rowsOf(model, 'credits', '2026-11-02')
    expect(rows.map((row) => row.values['credits.deployment_version'])).toEqual([10, 20.5, undefined])
    expect(rows[2]).toEqual({ start: '2026-11-03', end: '2026-11-04', values: {}, isFuture: true })
  })

  it('marks the bucket holding today as not over, and only that one', () => {
    expect(rowsOf(model, 'credits', '2026-11-02').map((row) => row.isPartial ?? false)).toEqual([
      false,
      true,
      false,
    ])
  })
})

describe('withPreviousRows', () => {
  const shown = normalise2022([dailySeries('2026-11-01', [5, 6, 7])], null, 'day')
  const previous = normalise2022([dailySeries('2026-10-29', [1, 2])], null, 'day')

  it('puts the previous range beside the shown one by position, with its own days, per series', () => {
    const rows = withPreviousRows(rowsOf(shown, 'credits'), previous, 'credits', 'per-series')
    expect(rows[0]).toMatchObject({
      start: '2026-11-01',
      values: { 'credits.deployment_version': 5 },
      previous: { start: '2026-10-29', end: '2026-10-30', values: { 'credits.deployment_version': 1 } },
    })
    expect(rows[1]?.previous).toMatchObject({
      start: '2026-10-30',
      values: { 'credits.deployment_version': 2 },
    })
  })

  it('leaves a shown bucket without a previous one in its position alone', () => {
    expect(
      withPreviousRows(rowsOf(shown, 'credits'), previous, 'credits', 'per-series')[2],
    ).not.toHaveProperty('previous')
  })

  it('adds the previous range’s credits of what is shown, by position, as one total', () => {
    const answer = (days: [string, string, number][]): CurrentUsageAnswer => ({
      generation: 'current',
      organization: days.map(([d, n, v]) => point(d, n, v)),
      projects: [
        { id: 'p1', name: 'one', usage: days.map(([d, n, v]) => point(d, n, v)) },
        { id: 'p2', name: 'two', usage: days.map(([d, n]) => point(d, n, 1)) },
      ],
      deletedProjects: [],
    })
    const all = { kind: 'all' } as const
    const shownCredits = normaliseCurrent(answer([['2026-11-01', '2026-11-02', 3]]), null, 'day', all)
    const previousCredits = normaliseCurrent(answer([['2026-10-31', '2026-11-01', 2.5]]), null, 'day', all)
    const rows = withPreviousRows(rowsOf(shownCredits, 'credits'), previousCredits, 'credits', 'total')
    expect(rows[0]?.previous).toEqual({
      start: '2026-10-31',
      end: '2026-11-01',
      values: { [PREVIOUS_TOTAL_KEY]: 3.5 },
    })
  })
})
