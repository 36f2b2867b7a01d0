import { describe, expect, it } from 'vitest'
import type { ProjectUsageAnswer } from '../../../api/model'
import { DAYS, EXAMPLE, dailySeries, point } from '../lib/test-usage'
import {
  ORGANIZATION_BY_METRIC,
  ORGANIZATION_BY_PROJECT,
  PROJECT_BY_METRIC,
  PROJECT_BY_VERSION,
  USAGE_LEVELS,
  usageLevel,
} from './levels'
import { seriesOfModel } from './usage-model'

const all = { kind: 'all' } as const
const projectAnswer: ProjectUsageAnswer = {
  generation: 'current',
  project: [point(DAYS[0]!, DAYS[1]!, 7)],
  versions: [
    {
      deploymentId: 'd1',
      deploymentName: 'churn-scorer',
      versionId: 'v-4',
      version: 'v4',
      usage: [point(DAYS[0]!, DAYS[1]!, 5)],
    },
  ],
  deletedVersions: [point(DAYS[0]!, DAYS[1]!, 2)],
}

describe('usage levels', () => {
  it('give each scope and generation one level, the organization’s drilling into the project’s', () => {
    expect(usageLevel('organization', '2022')).toBe(ORGANIZATION_BY_METRIC)
    expect(usageLevel('organization', 'current')).toBe(ORGANIZATION_BY_PROJECT)
    expect(usageLevel('project', '2022')).toBe(PROJECT_BY_METRIC)
    expect(usageLevel('project', 'current')).toBe(PROJECT_BY_VERSION)
    expect(ORGANIZATION_BY_METRIC.drillsInto).toBe(PROJECT_BY_METRIC.id)
    expect(ORGANIZATION_BY_PROJECT.drillsInto).toBe(PROJECT_BY_VERSION.id)
    expect(
      USAGE_LEVELS.filter((level) => level.scope === 'project').map((level) => level.drillsInto),
    ).toEqual([null, null])
    expect(new Set(USAGE_LEVELS.map((level) => level.id)).size).toBe(USAGE_LEVELS.length)
  })

  it('read only their own scope’s and generation’s answer', () => {
    const range = { start: DAYS[0]!, end: DAYS[1]! }
    expect(PROJECT_BY_VERSION.normalise(EXAMPLE, range, 'day', all)).toBeUndefined()
    expect(ORGANIZATION_BY_PROJECT.normalise(projectAnswer, range, 'day', all)).toBeUndefined()
    const model = PROJECT_BY_VERSION.normalise(projectAnswer, range, 'day', all)!
    expect(seriesOfModel(model).map((s) => [s.label, s.values])).toEqual([
      ['churn-scorer / v4', [5]],
      ['Deleted versions', [2]],
    ]) // A series of one part names it (its legend entry can link to it); the deleted ones together do not.
    expect(seriesOfModel(model).map((s) => s.part)).toEqual(['churn-scorer / v4', undefined])
  })

  it('read a 2022 project answer per metric and object type, as the organization’s', () => {
    const answer = { generation: '2022' as const, series: [dailySeries(DAYS[0]!, [1, 2, 3])] }
    const range = { start: DAYS[0]!, end: '2026-11-04' }
    const project = PROJECT_BY_METRIC.normalise(answer, range, 'day', all)!
    expect(project).toEqual(ORGANIZATION_BY_METRIC.normalise(answer, range, 'day', all))
    expect(PROJECT_BY_METRIC.normalise(projectAnswer, range, 'day', all)).toBeUndefined()
    expect(PROJECT_BY_METRIC.description).toBe('What the project consumed, per metric and object type.')
  })

  it('word the project’s parts as deployment versions', () => {
    expect(PROJECT_BY_VERSION.seriesFilter).toEqual({
      label: 'Deployment version',
      allLabel: 'All deployment versions',
      partsHeading: 'Credits per deployment version',
      partLabel: 'Deployment version',
    })
    expect(PROJECT_BY_VERSION.reportSummary.heading).toBe('Per deployment version')
  })
})
