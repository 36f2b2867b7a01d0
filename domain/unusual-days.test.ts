import { describe, expect, it } from 'vitest'
import { referencesOf, unusualBuckets, usualValue, usualValues } from './unusual-days'

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

  it('needs three references, and a 10% change on a flat history', () => {
    const flat = Array.from({ length: 35 }, () => 50)
    expect(usualValues(flat, 'day').slice(0, 21)).toEqual(Array(21).fill(null))
    expect(unusualBuckets(flat, 'day')).toEqual([])
    flat[30] = 54
    expect(unusualBuckets(flat, 'day')).toEqual([])
    flat[30] = 56
    expect(unusualBuckets(flat, 'day')).toEqual([30])
  })

  it('compares a month with the previous months', () => {
    const months = [900, 1000, 950, 1020, 980, 2100, 1010]
    expect(unusualBuckets(months, 'month')).toEqual([5])
  })
})
