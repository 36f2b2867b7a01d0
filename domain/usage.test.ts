import { describe, expect, it } from 'vitest'
import { bucketBoundaries, usageRangeProblem } from './usage'

describe('bucketBoundaries', () => {
  it('steps by calendar month from the start day and cuts the last bucket at the end (exclusive)', () => {
    expect(bucketBoundaries({ start: '2021-01-31', end: '2021-04-15' }, 'month')).toEqual([
      '2021-01-31',
      '2021-02-28',
      '2021-03-31',
      '2021-04-15',
    ])
    expect(bucketBoundaries({ start: '2020-11-12', end: '2020-12-12' }, 'month')).toEqual([
      '2020-11-12',
      '2020-12-12',
    ])
    expect(bucketBoundaries({ start: '2021-01-31', end: '2021-05-31' }, 'month')).toEqual([
      '2021-01-31',
      '2021-02-28',
      '2021-03-31',
      '2021-04-30',
      '2021-05-31',
    ])
  })
  it('steps by day, 366 buckets for a leap year', () => {
    expect(bucketBoundaries({ start: '2020-02-27', end: '2020-03-02' }, 'day')).toEqual([
      '2020-02-27',
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
      '2020-03-02',
    ])
    expect(bucketBoundaries({ start: '2024-01-01', end: '2025-01-01' }, 'day')).toHaveLength(367)
  })
})

describe('usageRangeProblem', () => {
  it('accepts the limits themselves', () => {
    expect(usageRangeProblem({ start: '2025-01-01', end: '2026-01-02' }, 'day')).toBeNull() // 366 days
    expect(usageRangeProblem({ start: '2020-01-01', end: '2021-01-01' }, 'day')).toBeNull()
    expect(usageRangeProblem({ start: '2016-01-31', end: '2026-01-31' }, 'month')).toBeNull() // 10 years
    expect(usageRangeProblem({ start: '2020-01-01', end: '2030-01-01' }, 'month')).toBeNull()
  })

  it('refuses what is past the limits, naming the end to fix', () => {
    expect(usageRangeProblem({ start: '2025-01-01', end: '2026-01-03' }, 'day')).toMatchObject({
      field: 'end',
      message: expect.stringContaining('at most 366 days (this range has 367)'),
    })
    expect(usageRangeProblem({ start: '2016-01-31', end: '2026-02-01' }, 'month')).toMatchObject({
      field: 'end',
      message: expect.stringContaining('at most 10 years'),
    })
    expect(usageRangeProblem({ start: '2020-01-01', end: '2030-01-02' }, 'month')?.message).toContain(
      'at most 10 years',
    )
  })

  it('refuses an empty or backwards range and dates that are not real days', () => {
    expect(usageRangeProblem({ start: '2026-02-01', end: '2026-01-01' }, 'day')).toEqual({
      field: 'end',
      message: 'The range must end after it starts.',
    })
    expect(usageRangeProblem({ start: '2026-01-01', end: '2026-01-01' }, 'day')?.field).toBe('end')
    expect(usageRangeProblem({ start: '2026-02-30', end: '2026-03-01' }, 'day')?.field).toBe('start')
    expect(usageRangeProblem({ start: '2026-01-01', end: '' }, 'day')?.field).toBe('end')
  })
})
