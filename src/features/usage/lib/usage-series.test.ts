import { describe, expect, it } from 'vitest'
import type { UsageSeries as Usage } from '../../../api/model'
import { isAllZero } from '../model/usage-model'
import { modelOfUsageData } from '../model/normalise-2022'
import { expectedBuckets, toUsageData } from './usage-series'

const ts = (day: string) => `${day}T00:00:00Z`
const points = (days: [string, string, number][]) =>
  days.map(([start, end, value]) => ({ start_date: ts(start), end_date: ts(end), value }))

describe('expectedBuckets (the API’s bucket boundaries)', () => {
  it('gives one month bucket from the 12th to the 12th', () => {
    expect(expectedBuckets({ start: '2020-11-12', end: '2020-12-12' }, 'month')).toEqual([
      {
        start: '2020-11-12',
        end: '2020-12-12',
        startTimestamp: ts('2020-11-12'),
        endTimestamp: ts('2020-12-12'),
      },
    ])
  })

  it('anchors month buckets at the start day, clamped to short months', () => {
    const buckets = expectedBuckets({ start: '2021-01-31', end: '2021-05-31' }, 'month')
    expect(buckets.map((b) => [b.start, b.end])).toEqual([
      ['2021-01-31', '2021-02-28'],
      ['2021-02-28', '2021-03-31'],
      ['2021-03-31', '2021-04-30'],
      ['2021-04-30', '2021-05-31'],
    ])
  })

  it('cuts the last bucket at the end date', () => {
    const buckets = expectedBuckets({ start: '2026-01-15', end: '2026-03-01' }, 'month')
    expect(buckets.map((b) => [b.start, b.end])).toEqual([
      ['2026-01-15', '2026-02-15'],
      ['2026-02-15', '2026-03-01'],
    ])
  })

  it('gives one bucket per day, 366 for a leap year', () => {
    const buckets = expectedBuckets({ start: '2024-01-01', end: '2025-01-01' }, 'day')
    expect(buckets).toHaveLength(366)
    expect(buckets.at(-1)).toMatchObject({ start: '2024-12-31', end: '2025-01-01' })
  })
})

describe('toUsageData', () => {
  const answer: Usage[] = [
    // Series in any order, and one with a hole: alignment is by bucket start, not by position.
    {
      object_type: 'pipeline_version',
      metric: 'input_volume',
      usage: points([['2026-11-02', '2026-11-03', 50]]),
    },
    {
      object_type: 'deployment_version',
      metric: 'credits',
      usage: points([
        ['2026-11-01', '2026-11-02', 10],
        ['2026-11-02', '2026-11-03', 20.5],
        ['2026-11-03', '2026-11-04', 0],
      ]),
    },
  ]

  it('aligns every series to the API’s buckets and zero-fills holes and missing series', () => {
    const data = toUsageData(answer, null, 'day')
    expect(data.buckets.map((b) => b.start)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03'])
    expect(data.range).toEqual({ start: '2026-11-01', end: '2026-11-04' })
    const byKey = Object.fromEntries(data.series.map((s) => [s.key, s.values]))
    expect(byKey).toEqual({
      'credits.deployment_version': [10, 20.5, 0],
      'input_volume.deployment_version': [0, 0, 0],
      'input_volume.pipeline_version': [0, 50, 0],
      'output_volume.deployment_version': [0, 0, 0],
      'output_volume.pipeline_version': [0, 0, 0],
    })
  })

  it('keeps the API’s timestamps exactly', () => {
    const data = toUsageData(
      [
        {
          object_type: 'deployment_version',
          metric: 'credits',
          usage: [
            { start_date: '2026-11-01T00:00:00.000000Z', end_date: '2026-12-01T00:00:00.000000Z', value: 1 },
          ],
        },
      ],
      null,
      'month',
    )
    expect(data.buckets[0]).toMatchObject({
      start: '2026-11-01',
      end: '2026-12-01',
      startTimestamp: '2026-11-01T00:00:00.000000Z',
    })
  })

  it('draws an empty answer for a known range as zero buckets rather than nothing', () => {
    const data = toUsageData([], { start: '2026-11-01', end: '2026-11-08' }, 'day')
    expect(data.buckets).toHaveLength(7)
    expect(data.series).toHaveLength(5)
    expect(isAllZero(modelOfUsageData(data, 'day'))).toBe(true)
  })

  it('has no buckets when neither the API nor the request gives a range', () => {
    const data = toUsageData([], null, 'day')
    expect(data.buckets).toEqual([])
    expect(data.range).toBeNull()
    expect(isAllZero(modelOfUsageData(data, 'day'))).toBe(true)
  })
})
