import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../domain/dates'
import { normalise2022 } from '../model/normalise-2022'
import { normaliseCurrent } from '../model/normalise-current'
import { dailySeries, point } from './test-usage'
import {
  dayValues,
  historyRange,
  judgeBucket,
  referenceIndex,
  shownBucket,
  unusualDays,
  usageReference,
} from './usage-history'

/** A 2022 model of day buckets from `start`, one credits value a day. */
const daily = (start: string, values: number[]) => normalise2022([dailySeries(start, values)], null, 'day')

describe('historyRange', () => {
  it('is the four weeks before a range by day, and the four months before by month', () => {
    expect(historyRange({ start: '2026-11-07', end: '2026-12-07' }, 'day')).toEqual({
      start: '2026-10-10',
      end: '2026-11-07',
    })
    expect(historyRange({ start: '2026-03-31', end: '2026-06-30' }, 'month')).toEqual({
      start: '2025-11-30',
      end: '2026-03-31',
    })
  })
})

describe('usageReference and the marks', () => {
  // 28 days of history at 100 a day, then a range of 14 days whose 3rd day is 250.
  const history = daily('2026-10-01', Array(28).fill(100))
  const shown = daily(
    '2026-10-29',
    Array.from({ length: 14 }, (_, index) => (index === 2 ? 250 : 100 + (index % 3))),
  )

  it('puts the history before the range, bucket by bucket, and marks the day far from usual', () => {
    const reference = usageReference(shown, history)
    expect(reference.offset).toBe(28)
    expect(reference.buckets).toHaveLength(42)
    expect(reference.totals.get('credits')!.slice(27, 31)).toEqual([100, 100, 101, 250])
    expect([...unusualDays(reference, 'credits', '2026-12-01')]).toEqual(['2026-10-31'])
  })

  it('cannot judge the first days without the history', () => {
    const alone = usageReference(shown, undefined)
    expect(alone.offset).toBe(0)
    expect(unusualDays(alone, 'credits', '2026-12-01').size).toBe(0)
  })

  it('judges no bucket that is not over: today and the days to come are not marked', () => {
    const reference = usageReference(shown, history)
    expect(unusualDays(reference, 'credits', '2026-10-31').size).toBe(0)
    expect(unusualDays(reference, 'credits', '2026-11-01').has('2026-10-31')).toBe(true)
  })

  it('finds a chosen day among the shown range’s buckets only, not the history’s', () => {
    const reference = usageReference(shown, history)
    expect(shownBucket(reference, '2026-10-31')).toMatchObject({
      index: 30,
      bucket: { start: '2026-10-31', end: '2026-11-01' },
    })
    expect(shownBucket(reference, '2026-10-29')?.index).toBe(reference.offset)
    expect(shownBucket(reference, '2026-10-28')).toBeUndefined()
    expect(shownBucket(reference, '2026-12-31')).toBeUndefined()
  })

  it('judges a bucket against its references, nearest first, and gives a by-day model its days', () => {
    const reference = usageReference(shown, history)
    const index = referenceIndex(reference, '2026-10-31')
    const judged = judgeBucket(reference, reference.totals.get('credits')!, index)
    expect(judged.value).toBe(250)
    expect(judged.usual).toMatchObject({ usual: 100, isUnusual: true })
    expect(judged.references.map((ref) => ref.bucket.start)).toEqual([
      '2026-10-24',
      '2026-10-17',
      '2026-10-10',
      '2026-10-03',
    ])
    expect(dayValues(reference, reference.totals.get('credits')!)[index]).toEqual({
      day: '2026-10-31',
      value: 250,
    })
  })

  it('joins the parts of a level with parts by id, 0 where a part is only on one side', () => {
    const answer = (start: string, days: number, withNew: boolean) => ({
      generation: 'current' as const,
      organization: [],
      deletedProjects: [],
      projects: [
        {
          id: 'p1',
          name: 'alpha',
          usage: Array.from({ length: days }, (_, i) => point(addDays(start, i), addDays(start, i + 1), 10)),
        },
        ...(withNew ? [{ id: 'p2', name: 'beta', usage: [point(start, addDays(start, 1), 5)] }] : []),
      ],
    })
    const shownModel = normaliseCurrent(answer('2026-10-29', 3, true), null, 'day', { kind: 'all' })
    const historyModel = normaliseCurrent(answer('2026-10-01', 28, false), null, 'day', { kind: 'all' })
    const reference = usageReference(shownModel, historyModel)
    const beta = reference.parts.find((part) => part.id === 'p2')!
    expect(beta.values.slice(26)).toEqual([0, 0, 5, 0, 0])
    expect(reference.parts.find((part) => part.id === 'p1')!.values.slice(26)).toEqual([10, 10, 10, 10, 10])
  })
})
