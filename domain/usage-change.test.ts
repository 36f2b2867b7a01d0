import { describe, expect, it } from 'vitest'
import { decomposeChange } from './usage-change'

describe('decomposeChange', () => {
  it('names the series that made the difference, largest first, with their share', () => {
    const usual = new Map([
      ['churn-acme', 100],
      ['vision-acme', 80],
      ['ocr-acme', 10],
    ])
    const day = new Map([
      ['churn-acme', 200],
      ['vision-acme', 70],
      ['ocr-acme', 10],
      ['new-acme', 30],
    ])
    const result = decomposeChange(usual, day)
    expect(result).toMatchObject({ before: 190, after: 310, change: 120 })
    expect(result.series.map((s) => [s.key, s.change, s.share])).toEqual([
      ['churn-acme', 100, 100 / 120],
      ['new-acme', 30, 30 / 120],
      ['vision-acme', -10, -10 / 120],
    ])
    // Shares add up to the whole change.
    expect(result.series.reduce((sum, s) => sum + s.share!, 0)).toBeCloseTo(1)
  })

  it('gives no share when the total did not change, and nothing when no series did', () => {
    const swapped = decomposeChange(
      new Map([
        ['a', 5],
        ['b', 0],
      ]),
      new Map([
        ['a', 0],
        ['b', 5],
      ]),
    )
    expect(swapped.change).toBe(0)
    expect(swapped.series.map((s) => [s.key, s.share])).toEqual([
      ['a', null],
      ['b', null],
    ])
    expect(decomposeChange(new Map([['a', 1]]), new Map([['a', 1]])).series).toEqual([])
  })
})
