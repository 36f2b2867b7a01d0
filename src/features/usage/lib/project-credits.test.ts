import { describe, expect, it } from 'vitest'
import { DAYS, EXAMPLE, eightProjects, point } from './test-usage'
import {
  creditsSeries,
  parseProjectFilter,
  projectFilterParam,
  projectNameForId,
  toCreditsData,
  type CurrentUsageAnswer,
} from './project-credits'
import { sumValues } from './usage-summary'

describe('toCreditsData', () => {
  it('aligns projects to the buckets and sorts them by credits', () => {
    const data = toCreditsData(EXAMPLE, null, 'month')
    expect(data.buckets).toEqual([
      {
        start: '2019-08-01',
        end: '2019-09-01',
        startTimestamp: '2019-08-01T00:00:00Z',
        endTimestamp: '2019-09-01T00:00:00Z',
      },
    ])
    expect(data.parts.map((p) => [p.name, p.total])).toEqual([
      ['project-2', 300],
      ['project-1', 200],
    ])
    expect(data.deleted).toEqual([100])
    expect(data.whole).toEqual([600])
    expect(data.range).toEqual({ start: '2019-08-01', end: '2019-09-01' })
  })

  it('aligns points listed out of order, or in buckets the whole lacks, by their day', () => {
    const answer: CurrentUsageAnswer = {
      ...EXAMPLE,
      organization: [point('2019-08-01', '2019-08-02', 5), point('2019-08-02', '2019-08-03', 7)],
      projects: [
        {
          id: 'p',
          name: 'p',
          usage: [
            point('2019-08-02', '2019-08-03', 7),
            point('2019-08-01', '2019-08-02', 5),
            point('2019-08-03', '2019-08-04', 1),
          ],
        },
      ],
      deletedProjects: [],
    }
    const data = toCreditsData(answer, null, 'day')
    expect(data.buckets.map((b) => b.start)).toEqual(['2019-08-01', '2019-08-02', '2019-08-03'])
    expect(data.parts[0]!.values).toEqual([5, 7, 1])
    expect(data.whole).toEqual([5, 7, 0])
  })

  it('fills a project missing from a bucket with 0', () => {
    const answer: CurrentUsageAnswer = {
      ...EXAMPLE,
      organization: [point('2019-08-01', '2019-08-02', 5), point('2019-08-02', '2019-08-03', 0)],
      projects: [{ id: 'p', name: 'p', usage: [point('2019-08-01', '2019-08-02', 5)] }],
      deletedProjects: [],
    }
    const data = toCreditsData(answer, null, 'day')
    expect(data.parts[0]!.values).toEqual([5, 0])
    expect(data.deleted).toEqual([0, 0])
  })

  it('draws an empty answer as the zero buckets of the requested range', () => {
    const empty: CurrentUsageAnswer = {
      generation: 'current',
      organization: [],
      projects: [],
      deletedProjects: [],
    }
    const data = toCreditsData(empty, { start: '2026-11-01', end: '2026-11-04' }, 'day')
    expect(data.buckets.map((b) => b.start)).toEqual(DAYS)
    expect(data.whole).toEqual([0, 0, 0])
  })
})

describe('creditsSeries', () => {
  it('stacks every project as itself when there are few, and the deleted projects apart', () => {
    const data = toCreditsData(EXAMPLE, null, 'month')
    expect(creditsSeries(data, { kind: 'all' }).map((s) => [s.key, s.kind, s.label, s.total])).toEqual([
      ['s0', 'project', 'project-2', 300],
      ['s1', 'project', 'project-1', 200],
      ['s2', 'deleted', 'Deleted projects', 100],
    ])
  })

  it('keeps the top five projects and adds up the rest as "Other projects"', () => {
    const data = toCreditsData(eightProjects(), null, 'day')
    const series = creditsSeries(data, { kind: 'all' })
    expect(series.map((s) => s.label)).toEqual([
      'project-0',
      'project-1',
      'project-2',
      'project-3',
      'project-4',
      'Other projects (3)',
      'Deleted projects',
    ])
    expect(series[5]!.projectIds).toEqual(['p5', 'p6', 'p7'])
    // 30.1 + 20.1 + 10.1 on the first day, without floating-point dust.
    expect(series[5]!.values[0]).toBe(60.3)
  })

  it('adds up to the organization’s credits, bucket by bucket', () => {
    const data = toCreditsData(eightProjects(), null, 'day')
    const series = creditsSeries(data, { kind: 'all' })
    const perBucket = data.buckets.map((_, index) => sumValues(series.map((s) => s.values[index] ?? 0)))
    expect(perBucket).toEqual(data.whole)
    expect(sumValues(series.map((s) => s.total))).toBe(sumValues(data.whole))
  })

  it('shows one series for a project or for the deleted projects, and none for an unknown project', () => {
    const data = toCreditsData(eightProjects(), null, 'day')
    expect(creditsSeries(data, { kind: 'project', name: 'project-6' }).map((s) => s.label)).toEqual([
      'project-6',
    ])
    expect(creditsSeries(data, { kind: 'deleted' }).map((s) => s.values)).toEqual([[0.1, 0.1, 0.1]])
    expect(creditsSeries(data, { kind: 'project', name: 'gone' })).toEqual([])
  })

  it('leaves the deleted projects out of the stack when they used nothing', () => {
    const data = toCreditsData({ ...EXAMPLE, deletedProjects: [] }, null, 'month')
    expect(creditsSeries(data, { kind: 'all' }).map((s) => s.kind)).toEqual(['project', 'project'])
  })
})

describe('the project filter in the URL', () => {
  it('holds a project by its name, and finds the name for an old link that holds its id', () => {
    const projects = [
      { id: '311c6a0e-0b7e-4d7a-9a55-2c4f1a1e2b3c', name: 'my-project' },
      { id: 'p2', name: 'other' },
    ]
    expect(projectFilterParam({ kind: 'project', name: 'my-project' })).toBe('my-project')
    expect(projectNameForId(projects, '311c6a0e-0b7e-4d7a-9a55-2c4f1a1e2b3c')).toBe('my-project')
    expect(projectNameForId(projects, 'my-project')).toBeNull()
    expect(projectNameForId(projects, 'gone')).toBeNull()
    expect(projectNameForId(projects, null)).toBeNull()
  })

  it('round-trips', () => {
    for (const filter of [{ kind: 'all' }, { kind: 'deleted' }, { kind: 'project', name: 'p1' }] as const)
      expect(parseProjectFilter(projectFilterParam(filter))).toEqual(filter)
  })
})
