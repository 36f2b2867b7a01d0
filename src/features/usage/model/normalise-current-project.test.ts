import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../domain/dates'
import type { CurrentProjectUsageAnswer } from '../lib/project-credits'
import { sumValues } from '../lib/usage-summary'
import { DAYS, point } from '../lib/test-usage'
import { normaliseCurrentProject } from './normalise-current-project'
import { seriesOfModel } from './usage-model'

const day = (d: number) => DAYS[d]!
const next = (d: number) => addDays(DAYS[d]!, 1)

/**
 * A project of `count` deployment versions (`scorer / v0` the heaviest), three days, and deleted
 * versions that used 0.5 a day; its credits the versions' plus the deleted ones', as the API adds.
 */
function projectAnswer(count: number): CurrentProjectUsageAnswer {
  const versions = Array.from({ length: count }, (_, v) => ({
    deploymentId: `d${v % 2}`,
    deploymentName: 'scorer',
    versionId: `v-${v}`,
    version: `v${v}`,
    usage: DAYS.map((_, d) => point(day(d), next(d), (count - v) * 10 + d + 0.1)),
  }))
  const deletedVersions = DAYS.map((_, d) => point(day(d), next(d), 0.5))
  const project = DAYS.map((_, d) =>
    point(day(d), next(d), sumValues([...versions.map((v) => v.usage[d]!.value), 0.5])),
  )
  return { generation: 'current', project, versions: [...versions].reverse(), deletedVersions }
}

const all = { kind: 'all' } as const

describe('normaliseCurrentProject', () => {
  it('stacks the top versions, the rest as "Other versions", the deleted versions apart', () => {
    const model = normaliseCurrentProject(projectAnswer(8), null, 'day', all)
    expect(model.charts.map((chart) => chart.title)).toEqual(['Credits per deployment version'])
    expect(seriesOfModel(model).map((s) => s.label)).toEqual([
      'scorer / v0',
      'scorer / v1',
      'scorer / v2',
      'scorer / v3',
      'scorer / v4',
      'Other versions (3)',
      'Deleted versions',
    ])
    expect(seriesOfModel(model).at(-1)!.deleted).toBe(true)
    expect(model.charts[0]!.totalLabel).toBe('Credits, all deployment versions')
  })

  it('adds up to the project’s credits, bucket by bucket', () => {
    const answer = projectAnswer(8)
    const model = normaliseCurrentProject(answer, null, 'day', all)
    const perBucket = model.buckets.map((_, index) =>
      sumValues(seriesOfModel(model).map((s) => s.values[index] ?? 0)),
    )
    expect(perBucket).toEqual(answer.project.map((p) => p.value))
    expect(model.breakdown!.wholeTotal).toBe(sumValues(answer.project.map((p) => p.value)))
  })

  it('lists every version as a part, the deleted ones apart, and offers each in the filter', () => {
    const model = normaliseCurrentProject(projectAnswer(8), null, 'day', all)
    const { parts, choices } = model.breakdown!
    expect(parts).toHaveLength(9)
    expect(parts.filter((part) => part.isDeleted).map((part) => part.label)).toEqual(['Deleted versions'])
    expect(choices.map((choice) => choice.value)).toContain('scorer / v7')
    expect(choices.at(-1)).toEqual({ value: 'deleted', label: 'Deleted versions' })
  })

  it('shows one version, or the deleted ones, or says a version is unknown', () => {
    const answer = projectAnswer(8)
    const one = normaliseCurrentProject(answer, null, 'day', { kind: 'project', name: 'scorer / v6' })
    expect(seriesOfModel(one).map((s) => s.values)).toEqual([[20, 21, 22].map((v) => v + 0.1)])
    const deleted = normaliseCurrentProject(answer, null, 'day', { kind: 'deleted' })
    expect(deleted.charts[0]!.totalLabel).toBe('Credits, deleted versions')
    const unknown = normaliseCurrentProject(answer, null, 'day', { kind: 'project', name: 'gone / v1' })
    expect(unknown.charts[0]!.totalLabel).toBe('Credits, an unknown deployment version')
    expect(unknown.breakdown!.unknownChoice).toBe('gone / v1')
  })

  it('draws an empty answer as the zero buckets of the requested range', () => {
    const empty: CurrentProjectUsageAnswer = {
      generation: 'current',
      project: [],
      versions: [],
      deletedVersions: [],
    }
    const model = normaliseCurrentProject(empty, { start: day(0), end: next(2) }, 'day', all)
    expect(model.buckets.map((b) => b.start)).toEqual(DAYS)
    expect(seriesOfModel(model)).toEqual([])
  })
})
