import { describe, expect, it } from 'vitest'
import {
  referencesOf,
  unusualBuckets,
  usualValue,
  usualValues,
  unusualRule,
  unusualDayRule,
} from './unusual-days'

/** Eight weeks of days from a Monday: weekdays 100, weekends 35, a small wobble. */
const weekly = () =>
  Array.from({ length: 56 }, (_, index) => (index % 7 >= 5 ? 35 : 100) * (1 + 0.03 * Math.sin(index * 1.7)))

describe('the unusual-day rule', () => {
  it('compares a day with the same weekday of the previous four weeks', () => {
    const values = weekly()
    expect(referencesOf(values, 40, 'day')).toEqual([values[33], values[26], values[19], values[12]])
    expect(referencesOf(values, 15, 'day')).toEqual([values[8], values[1]])
    expect(referencesOf(values, 5, 'month')).toEqual([values[4], values[3], values[2], values[1]])
  })

  it('marks nothing in a regular weekly rhythm: weekends are usual for weekends', () => {
    expect(unusualBuckets(weekly(), 'day')).toEqual([])
  })

  it('marks a day that doubles, and one that halves, and nothing else', () => {
    const values = weekly()
    values[45] = values[45]! * 2
    values[50] = values[50]! / 2
    expect(unusualBuckets(values, 'day')).toEqual([45, 50])
    const judged = usualValue(values, 45, 'day')!
    expect(judged.isUnusual).toBe(true)
    expect(judged.deviation).toBeGreaterThan(80)
    expect(judged.usual).toBeCloseTo(100, -1)
  })

  it('keeps marking after a jump until the new level is the usual one (four weeks on)', () => {
    const values = weekly().map((value, index) => (index >= 21 ? value * 2 : value))
    const marked = unusualBuckets(values, 'day')
    expect(marked[0]).toBe(21)
    // Three of four references are doubled from day 35 on: the median has moved.
    expect(marked.every((index) => index < 35)).toBe(true)
  })

  it('needs three references, and a 30% change on a flat history', () => {
    const flat = Array.from({ length: 35 }, () => 50)
    expect(usualValues(flat, 'day').slice(0, 21)).toEqual(Array(21).fill(null))
    expect(unusualBuckets(flat, 'day')).toEqual([])
    flat[30] = 64
    expect(unusualBuckets(flat, 'day')).toEqual([])
    flat[30] = 66
    expect(unusualBuckets(flat, 'day')).toEqual([30])
    flat[30] = 34
    expect(unusualBuckets(flat, 'day')).toEqual([30])
  })

  it('does not take four near-equal references for a narrow usual: their tiny MAD is floored', () => {
    // The same weekday four weeks running at 100 or 101: a MAD of 0.5, three of which is 1.5.
    const values = Array.from({ length: 35 }, (_, index) => 100 + (Math.floor(index / 7) % 2))
    values[28] = 115
    expect(usualValue(values, 28, 'day')).toMatchObject({ usual: 100.5, mad: 0.5, isUnusual: false })
    values[28] = 140
    expect(unusualBuckets(values, 'day')).toEqual([28])
  })

  it('says its numbers in its sentences for the dashboard', () => {
    expect(unusualRule('day', 'en-US')).toBe(
      'more than 30% and more than 3 median absolute deviations away from the median of the same weekday over the previous 4 weeks',
    )
    expect(unusualRule('month', 'en-US')).toMatch(/30%.* of the previous 4 months$/)
    expect(unusualDayRule('en-US')).toContain(unusualRule('day', 'en-US'))
    expect(unusualDayRule('en-US')).toContain('previous 4 months for monthly buckets')
  })

  it('writes its share in the reader’s percent style', () => {
    expect(unusualRule('day', 'de-DE')).toMatch(/^more than 30\u00a0% and/)
    expect(unusualDayRule('de-DE')).not.toMatch(/\d%/)
  })

  it('compares a month with the previous months', () => {
    const months = [900, 1000, 950, 1020, 980, 2100, 1010]
    expect(unusualBuckets(months, 'month')).toEqual([5])
  })
})

/**
 * A pseudo-random number in [0, 1) for `index` (the sine hash): the same on every run, so a test
 * on noisy series never depends on luck or on the day it runs.
 */
function hashNoise(index: number, salt: number): number {
  const x = Math.sin(index * 12.9898 + salt * 78.233) * 43758.5453
  return x - Math.floor(x)
}

/**
 * The demo seed's shape (server/db/seed.ts), `days` long from a Monday: weekdays busy and weekends at
 * 0.35 of them, growth to 2.4 times the first day, each day ±15% at random. `salt` picks the noise.
 */
function demoLike(days: number, salt: number): number[] {
  return Array.from({ length: days }, (_, index) => {
    const rhythm = index % 7 >= 5 ? 0.35 : 1
    const trend = 1 + (1.4 * index) / (days - 1)
    return 5200 * rhythm * trend * (0.85 + 0.3 * hashNoise(index, salt))
  })
}

/** The most marks in any `window` consecutive buckets. */
function mostMarksIn(marked: number[], window: number): number {
  return Math.max(0, ...marked.map((first) => marked.filter((i) => i >= first && i < first + window).length))
}

describe('the unusual-day rule on demo-like usage', () => {
  // Judged: the days from the fourth week on.
  const judgedDays = 460 - 21

  it('marks few days of ordinary weekly rhythm, growth and noise: at most one a month', () => {
    for (const salt of [1, 2, 3, 4, 5]) {
      const marked = unusualBuckets(demoLike(460, salt), 'day')
      expect(marked.length / judgedDays, `draw ${salt}`).toBeLessThan(0.01)
      expect(mostMarksIn(marked, 30), `draw ${salt}`).toBeLessThanOrEqual(1)
    }
  })

  it('marks fewer days of a noisier project (its share of the credits also moves ±20% a day)', () => {
    for (const salt of [1, 2, 3]) {
      const organization = demoLike(460, salt)
      const project = organization.map(
        (value, index) => value * 0.1 * (0.8 + 0.4 * hashNoise(index, salt + 10)),
      )
      const marked = unusualBuckets(project, 'day')
      // Its noise alone strays beyond 30% now and then: a tenth of its days at most (a third before the floor).
      expect(marked.length / judgedDays, `draw ${salt}`).toBeLessThan(0.1)
    }
  })

  it('marks a project that doubles from its first day, and the organization within that week', () => {
    const jumpDay = 447
    for (const salt of [1, 2, 3, 4, 5]) {
      // A third of the organization's credits, as the demo's churn-acme, doubles from jumpDay on.
      const project = demoLike(460, salt + 20).map((value, index) => (value / 3) * (index >= jumpDay ? 2 : 1))
      const organization = demoLike(460, salt).map((value, index) => (value * 2) / 3 + project[index]!)
      expect(unusualBuckets(project, 'day'), `draw ${salt}`).toContain(jumpDay)
      const marked = unusualBuckets(organization, 'day')
      expect(
        marked.filter((index) => index < jumpDay),
        `draw ${salt}`,
      ).toEqual([])
      expect(marked.filter((index) => index < jumpDay + 7).length, `draw ${salt}`).toBeGreaterThan(0)
    }
  })

  it('marks the day an organization’s credits grow by two thirds, whatever its noise', () => {
    for (const salt of [1, 2, 3, 4, 5]) {
      const values = demoLike(460, salt)
      values[440] = (values[440]! * 5) / 3
      expect(unusualBuckets(values, 'day'), `draw ${salt}`).toContain(440)
    }
  })

  it('marks nothing on a flat series, or one that wobbles a little', () => {
    expect(unusualBuckets(Array(120).fill(300), 'day')).toEqual([])
    const wobbly = Array.from({ length: 120 }, (_, index) => 300 * (1 + 0.02 * Math.sin(index)))
    expect(unusualBuckets(wobbly, 'day')).toEqual([])
    expect(unusualBuckets(Array(24).fill(9000), 'month')).toEqual([])
  })
})
