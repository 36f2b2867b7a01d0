import { describe, expect, it } from 'vitest'
import { noPeriodSentence, withPreviousCredits, withPreviousRows } from './compare'
import { toCreditsData } from './project-credits'
import { chartRows, toUsageData } from './usage-series'

const point = (day: string, next: string, value: number) => ({
  start_date: `${day}T00:00:00Z`,
  end_date: `${next}T00:00:00Z`,
  value,
})

describe('withPreviousRows', () => {
  const shown = toUsageData(
    [
      {
        object_type: 'deployment_version',
        metric: 'credits',
        usage: [
          point('2026-11-01', '2026-11-02', 5),
          point('2026-11-02', '2026-11-03', 6),
          point('2026-11-03', '2026-11-04', 7),
        ],
      },
    ],
    null,
    'day',
  )
  const previous = toUsageData(
    [
      {
        object_type: 'deployment_version',
        metric: 'credits',
        usage: [point('2026-10-29', '2026-10-30', 1), point('2026-10-30', '2026-10-31', 2)],
      },
    ],
    null,
    'day',
  )

  it('puts the previous range beside the shown one by position, with its own days', () => {
    const rows = withPreviousRows(chartRows(shown, 'credits'), previous, 'credits')
    expect(rows[0]).toMatchObject({
      start: '2026-11-01',
      deployment_version: 5,
      previous: { start: '2026-10-29', end: '2026-10-30', deployment_version: 1 },
    })
    expect(rows[1]?.previous).toMatchObject({ start: '2026-10-30', deployment_version: 2 })
  })

  it('leaves a shown bucket without a previous one in its position alone', () => {
    expect(withPreviousRows(chartRows(shown, 'credits'), previous, 'credits')[2]).not.toHaveProperty(
      'previous',
    )
  })
})

describe('withPreviousCredits', () => {
  it('adds the previous range’s credits of what is shown, by position', () => {
    const answer = (days: [string, string, number][]) => ({
      generation: 'current' as const,
      organization: days.map(([d, n, v]) => point(d, n, v)),
      projects: [{ id: 'p1', name: 'one', usage: days.map(([d, n, v]) => point(d, n, v)) }],
      deletedProjects: [],
    })
    const shown = toCreditsData(answer([['2026-11-01', '2026-11-02', 3]]), null, 'day')
    const previous = toCreditsData(answer([['2026-10-31', '2026-11-01', 2.5]]), null, 'day')
    const rows = withPreviousCredits([{ start: '2026-11-01', end: '2026-11-02', s0: 3 }], previous, {
      kind: 'all',
    })
    expect(shown.buckets).toHaveLength(1)
    expect(rows[0]).toMatchObject({ prev: 2.5, prevStart: '2026-10-31', prevEnd: '2026-11-01' })
  })
})

describe('noPeriodSentence', () => {
  it('says why there is no period, with the day', () => {
    expect(
      noPeriodSentence(
        { kind: 'none', reason: 'subscription', since: '2026-11-20' },
        'previous subscription period',
      ),
    ).toBe('There is no previous subscription period: the subscription started on 20 Nov 2026.')
    expect(
      noPeriodSentence(
        { kind: 'none', reason: 'organization', since: '2026-11-20' },
        'previous subscription period',
      ),
    ).toMatch(/organization was created on 20 Nov 2026/)
    expect(noPeriodSentence({ kind: 'none', reason: 'unknown' }, 'previous subscription period')).toMatch(
      /does not give this organization’s subscription start date/,
    )
  })
})
