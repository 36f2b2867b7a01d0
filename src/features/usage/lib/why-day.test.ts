import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../domain/dates'
import type { ProjectUsageAnswer } from '../../../api/model'
import { point } from './test-usage'
import {
  alignPoints,
  creditsOf2022,
  metricChanges,
  partChanges,
  usualOf,
  versionParts,
  windowBuckets,
  windowOf,
} from './why-day'

/** Day points from `start`, one value a day. */
const days = (start: string, values: number[]) =>
  values.map((value, index) => point(addDays(start, index), addDays(start, index + 1), value))

describe('the window of a chosen bucket', () => {
  it('is the bucket and the four weeks (months) before it', () => {
    expect(windowOf({ start: '2026-11-24', end: '2026-11-25' }, 'day')).toEqual({
      start: '2026-10-27',
      end: '2026-11-25',
    })
    expect(windowBuckets({ start: '2026-11-24', end: '2026-11-25' }, 'day')).toHaveLength(29)
    expect(windowBuckets({ start: '2026-11-12', end: '2026-12-12' }, 'month').map((b) => b.start)).toEqual([
      '2026-07-12',
      '2026-08-12',
      '2026-09-12',
      '2026-10-12',
      '2026-11-12',
    ])
  })
})

describe('usualOf', () => {
  it('is the median of the same weekday before, as many as there are, and 0 with none', () => {
    const values = Array.from({ length: 29 }, (_, index) =>
      index % 7 === 0 ? [90, 100, 110, 300, 500][index / 7]! : 1,
    )
    expect(usualOf(values, 28, 'day')).toBe(105)
    expect(usualOf(values, 14, 'day')).toBe(95)
    expect(usualOf(values, 3, 'day')).toBe(0)
  })
})

describe('partChanges', () => {
  it('splits the change over the parts against what is usual for each, largest first, with shares', () => {
    const steady = { id: 'a', label: 'alpha', isDeleted: false, values: [10, 10, 10, 10, 10] }
    const jumping = { id: 'b', label: 'beta', isDeleted: false, values: [20, 20, 20, 20, 50] }
    const falling = { id: 'c', label: 'gamma', isDeleted: false, values: [5, 5, 5, 5, 0] }
    const { change, parts } = partChanges([steady, jumping, falling], 4, 'month')
    expect(change).toBe(25)
    expect(parts.map((part) => [part.label, part.usual, part.value, part.change, part.share])).toEqual([
      ['beta', 20, 50, 30, 1.2],
      ['gamma', 5, 0, -5, -0.2],
    ])
  })
})

describe('a project’s answer around the chosen bucket', () => {
  const buckets = windowBuckets({ start: '2026-11-29', end: '2026-11-30' }, 'day')
  const flat = (value: number) => Array(28).fill(value)

  it('gives its deployment versions (current), the deleted ones together, and finds the one that jumped', () => {
    const answer: ProjectUsageAnswer = {
      generation: 'current',
      project: [],
      versions: [
        {
          deploymentId: 'd1',
          deploymentName: 'scorer',
          versionId: 'v4',
          version: 'v4',
          usage: days('2026-11-01', [...flat(100), 220]),
        },
        {
          deploymentId: 'd1',
          deploymentName: 'scorer',
          versionId: 'v3',
          version: 'v3',
          usage: days('2026-11-01', [...flat(50), 50]),
        },
      ],
      deletedVersions: days('2026-11-01', [...flat(0), 3]),
    }
    const parts = versionParts(answer, buckets)
    expect(parts.map((part) => part.label)).toEqual(['scorer v4', 'scorer v3', 'Deleted versions'])
    const { parts: changes } = partChanges(parts, buckets.length - 1, 'day')
    expect(changes.map((change) => [change.label, change.change])).toEqual([
      ['scorer v4', 120],
      ['Deleted versions', 3],
    ])
    expect(changes[0]!.share).toBeCloseTo(120 / 123)
  })

  it('gives a 2022 project its credits and its series per object type and metric against what is usual', () => {
    const answer: ProjectUsageAnswer = {
      generation: '2022',
      series: [
        {
          object_type: 'deployment_version',
          metric: 'credits',
          usage: days('2026-11-01', [...flat(10), 25]),
        },
        {
          object_type: 'deployment_version',
          metric: 'input_volume',
          usage: days('2026-11-01', [...flat(1000), 1000]),
        },
        {
          object_type: 'pipeline_version',
          metric: 'output_volume',
          usage: days('2026-11-01', [...flat(0), 0]),
        },
      ],
    }
    expect(creditsOf2022(answer.series, buckets).at(-1)).toBe(25)
    expect(metricChanges(answer, buckets, 'day')).toEqual([
      {
        metric: 'credits',
        label: 'Deployment versions · Credits',
        usual: 10,
        value: 25,
        change: 15,
        relative: 1.5,
      },
      {
        metric: 'input_volume',
        label: 'Deployment versions · Input volume',
        usual: 1000,
        value: 1000,
        change: 0,
        relative: 0,
      },
    ])
    expect(alignPoints([], buckets).every((value) => value === 0)).toBe(true)
  })
})
