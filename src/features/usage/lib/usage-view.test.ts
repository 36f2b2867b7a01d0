import { describe, expect, it } from 'vitest'
import {
  comparisonFor,
  parseUsageView,
  previousRange,
  requestedRange,
  totalsInterval,
  usageViewSearch,
  wholeMonths,
} from './usage-view'

const now = new Date('2026-11-28T10:30:00Z')

describe('the view in the URL', () => {
  it('defaults to the subscription period by day', () => {
    expect(parseUsageView(new URLSearchParams())).toEqual({ range: 'period', interval: 'day' })
    expect(usageViewSearch({ range: 'period', interval: 'day' }).toString()).toBe('')
  })

  it('round-trips a custom range and leaves default intervals out', () => {
    const view = { range: 'custom', interval: 'month', start: '2025-01-01', end: '2026-01-01' } as const
    const search = usageViewSearch(view)
    expect(search.toString()).toBe('range=custom&interval=month&start=2025-01-01&end=2026-01-01')
    expect(parseUsageView(search)).toEqual(view)
    expect(usageViewSearch({ range: '12m', interval: 'month' }).toString()).toBe('range=12m')
  })

  it('falls back on unknown values instead of failing', () => {
    expect(parseUsageView(new URLSearchParams('range=yesterday&interval=hour'))).toEqual({
      range: 'period',
      interval: 'day',
    })
  })
})

describe('requestedRange', () => {
  it('leaves the subscription period to the API', () => {
    expect(requestedRange({ range: 'period', interval: 'day' }, now)).toBeNull()
  })

  it('ends relative day ranges with today, included', () => {
    expect(requestedRange({ range: '7d', interval: 'day' }, now)).toEqual({
      start: '2026-11-22',
      end: '2026-11-29',
    })
    expect(requestedRange({ range: '90d', interval: 'day' }, now)).toEqual({
      start: '2026-08-31',
      end: '2026-11-29',
    })
  })

  it('uses the UTC day, not the local one', () => {
    expect(requestedRange({ range: '7d', interval: 'day' }, new Date('2026-11-28T23:59:59Z'))?.end).toBe(
      '2026-11-29',
    )
    expect(requestedRange({ range: '7d', interval: 'day' }, new Date('2026-11-29T00:00:00Z'))?.end).toBe(
      '2026-11-30',
    )
  })

  it('makes the last 12 months whole calendar months, this one included', () => {
    expect(requestedRange({ range: '12m', interval: 'month' }, now)).toEqual({
      start: '2025-12-01',
      end: '2026-12-01',
    })
  })
})

describe('previousRange', () => {
  it('steps back by days for day ranges', () => {
    expect(previousRange({ start: '2026-11-22', end: '2026-11-29' })).toEqual({
      start: '2026-11-15',
      end: '2026-11-22',
    })
  })

  it('steps back by whole months for month ranges, so a period compares with the previous period', () => {
    expect(previousRange({ start: '2026-11-20', end: '2026-12-20' })).toEqual({
      start: '2026-10-20',
      end: '2026-11-20',
    })
    expect(previousRange({ start: '2025-12-01', end: '2026-12-01' })).toEqual({
      start: '2024-12-01',
      end: '2025-12-01',
    })
    expect(previousRange({ start: '2026-03-31', end: '2026-04-30' })).toEqual({
      start: '2026-02-28',
      end: '2026-03-31',
    })
  })

  it('recognises whole months', () => {
    expect(wholeMonths({ start: '2026-01-31', end: '2026-02-28' })).toBe(1)
    expect(wholeMonths({ start: '2026-01-01', end: '2026-01-31' })).toBeNull()
  })
})

describe('comparisonFor', () => {
  it('compares a finished range with the whole previous range', () => {
    expect(comparisonFor({ start: '2026-11-22', end: '2026-11-29' }, now)).toEqual({
      current: { start: '2026-11-22', end: '2026-11-29' },
      previous: { start: '2026-11-15', end: '2026-11-22' },
      isPartial: false,
    })
  })

  it('compares the days so far of a running period with as many days of the previous period', () => {
    expect(comparisonFor({ start: '2026-11-12', end: '2026-12-12' }, now)).toEqual({
      current: { start: '2026-11-12', end: '2026-11-29' },
      previous: { start: '2026-10-12', end: '2026-10-29' },
      isPartial: true,
    })
  })

  it('asks for totals by day where the API allows it', () => {
    expect(totalsInterval({ start: '2025-01-01', end: '2026-01-02' })).toBe('day')
    expect(totalsInterval({ start: '2025-01-01', end: '2026-01-03' })).toBe('month')
  })
})
