import { describe, expect, it } from 'vitest'
import { axisTicks } from './axis'
import { expectedBuckets } from './usage-series'

const starts = (start: string, end: string, interval: 'day' | 'month') =>
  expectedBuckets({ start, end }, interval).map((bucket) => bucket.start)

describe('axisTicks', () => {
  it('spreads the days of a month-long range evenly within the limit', () => {
    const days = starts('2026-11-12', '2026-12-12', 'day')
    expect(axisTicks(days, 'day', 40)).toEqual({ ticks: days, label: 'day' })
    expect(axisTicks(days, 'day', 10).ticks).toEqual(days.filter((_, index) => index % 3 === 0))
    expect(axisTicks(days, 'day', 4).ticks).toEqual(['2026-11-12', '2026-11-20', '2026-11-28', '2026-12-06'])
  })

  it('offers one day a week up to 92 days', () => {
    const { ticks, label } = axisTicks(starts('2026-09-01', '2026-11-30', 'day'), 'day', 20)
    expect(label).toBe('day')
    expect(ticks.slice(0, 3)).toEqual(['2026-09-01', '2026-09-08', '2026-09-15'])
    expect(ticks).toHaveLength(13)
  })

  it('offers the first of each month on a year of days', () => {
    const year = starts('2025-11-28', '2026-11-29', 'day')
    const { ticks, label } = axisTicks(year, 'day', 12)
    expect(label).toBe('month')
    expect(ticks).toHaveLength(12)
    expect(ticks[0]).toBe('2025-12-01')
    expect(axisTicks(year, 'day', 4).ticks).toEqual(['2025-12-01', '2026-03-01', '2026-06-01', '2026-09-01'])
  })

  it('labels month buckets by month only when they start on the 1st', () => {
    expect(axisTicks(starts('2026-01-01', '2026-04-01', 'month'), 'month', 10).label).toBe('month')
    expect(axisTicks(starts('2026-01-15', '2026-04-15', 'month'), 'month', 10).label).toBe('day')
  })
})
