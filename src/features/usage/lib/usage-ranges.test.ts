import { describe, expect, it } from 'vitest'
import { parseUsageView, type RangePreset, type UsageView } from './usage-address'
import { comparedRange, usageRequest, previousRange, requestedRange, wholeMonths } from './usage-ranges'

const now = new Date('2026-11-28T10:30:00Z')

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
    expect(requestedRange({ range: '7d', interval: 'day' }, new Date('2026-11-28T23:59:59Z'))).toMatchObject({
      end: '2026-11-29',
    })
    expect(requestedRange({ range: '7d', interval: 'day' }, new Date('2026-11-29T00:00:00Z'))).toMatchObject({
      end: '2026-11-30',
    })
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

describe('the previous subscription period', () => {
  // Started on the 31st: the current period (of 2026-11-28) is 10-31 → 11-30, the previous 09-30 → 10-31.
  const subscription = { subscriptionStart: '2025-01-31', createdOn: '2025-01-31' }

  it('is asked with its own dates, derived from the subscription start', () => {
    expect(usageRequest({ range: 'previous-period', interval: 'day' }, now, subscription)).toEqual({
      start: '2026-09-30',
      end: '2026-10-31',
      interval: 'day',
    })
  })

  it('is not asked when there is none, and says why', () => {
    expect(
      usageRequest({ range: 'previous-period', interval: 'day' }, now, {
        subscriptionStart: '2026-11-10',
        createdOn: '2026-11-10',
      }),
    ).toEqual({ kind: 'none', reason: 'subscription', since: '2026-11-10' })
    expect(usageRequest({ range: 'previous-period', interval: 'day' }, now)).toEqual({
      kind: 'none',
      reason: 'unknown',
    })
  })
})

describe('comparedRange', () => {
  const subscription = { subscriptionStart: '2025-01-31', createdOn: '2025-01-31' }
  const view = (range: RangePreset, extra = {}): UsageView => ({
    range,
    interval: 'day',
    compare: true,
    ...extra,
  })

  it('is the previous period for the current one, and the one before for the previous one', () => {
    expect(comparedRange({ range: 'period', interval: 'day' }, now, subscription)).toEqual({
      start: '2026-09-30',
      end: '2026-10-31',
    })
    expect(comparedRange({ range: 'previous-period', interval: 'day' }, now, subscription)).toEqual({
      start: '2026-08-31',
      end: '2026-09-30',
    })
  })

  it('steps the period on screen back a month when the subscription start is not known', () => {
    expect(comparedRange({ range: 'period', interval: 'day' }, now, undefined, null)).toBeNull()
    expect(
      comparedRange({ range: 'period', interval: 'day' }, now, undefined, {
        start: '2026-11-12',
        end: '2026-12-12',
      }),
    ).toEqual({ start: '2026-10-12', end: '2026-11-12' })
  })

  it('says there is nothing before a first period', () => {
    expect(
      comparedRange({ range: 'period', interval: 'day' }, now, {
        subscriptionStart: '2026-11-20',
        createdOn: '2026-11-20',
      }),
    ).toEqual({ kind: 'none', reason: 'subscription', since: '2026-11-20' })
    expect(
      comparedRange({ range: 'period', interval: 'day' }, now, {
        subscriptionStart: '2020-01-05',
        createdOn: '2026-11-20',
      }),
    ).toEqual({ kind: 'none', reason: 'organization', since: '2026-11-20' })
  })

  it('takes as many days before for day ranges and custom dates, 12 months before for the last 12 months', () => {
    expect(comparedRange(view('30d'), now)).toEqual({ start: '2026-09-30', end: '2026-10-30' })
    expect(comparedRange(view('custom', { start: '2026-02-01', end: '2026-03-01' }), now)).toEqual({
      start: '2026-01-04',
      end: '2026-02-01',
    })
    expect(comparedRange({ range: '12m', interval: 'month', compare: true }, now)).toEqual({
      start: '2024-12-01',
      end: '2025-12-01',
    })
  })

  it('is null for custom dates the API would refuse', () => {
    const refused = parseUsageView(new URLSearchParams('range=custom&start=2026-03-01&end=2026-02-01'))
    expect(comparedRange({ ...refused, compare: true }, now)).toBeNull()
  })
})
