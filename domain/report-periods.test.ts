import { describe, expect, it } from 'vitest'
import {
  calendarMonth,
  parseReportPeriod,
  previousSubscriptionPeriods,
  recentCalendarMonths,
  reportPeriodParam,
  subscriptionPeriodFrom,
} from './report-periods'

const TODAY = '2026-11-28'

describe('calendarMonth', () => {
  it('runs from the 1st to the 1st of the next month, across a year end', () => {
    expect(calendarMonth('2026-11')).toEqual({ start: '2026-11-01', end: '2026-12-01' })
    expect(calendarMonth('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01' })
    expect(calendarMonth('2024-02')).toEqual({ start: '2024-02-01', end: '2024-03-01' })
  })

  it('refuses what is not a month', () => {
    expect(calendarMonth('2026-13')).toBeNull()
    expect(calendarMonth('2026-1')).toBeNull()
    expect(calendarMonth('november')).toBeNull()
  })
})

describe('subscriptionPeriodFrom', () => {
  it('counts the end from the subscription start, so a clamped month does not stick', () => {
    expect(subscriptionPeriodFrom('2021-02-28', '2021-01-31')).toEqual({
      start: '2021-02-28',
      end: '2021-03-31',
    })
    expect(subscriptionPeriodFrom('2021-03-31', '2021-01-31')).toEqual({
      start: '2021-03-31',
      end: '2021-04-30',
    })
  })

  it('refuses a day that starts no period of the subscription, or lies before it', () => {
    expect(subscriptionPeriodFrom('2026-10-21', '2026-08-20')).toBeNull()
    expect(subscriptionPeriodFrom('2026-07-20', '2026-08-20')).toBeNull()
    expect(subscriptionPeriodFrom('2026-02-30', '2026-01-30')).toBeNull()
  })

  it('without a known subscription start, is the month from that day', () => {
    expect(subscriptionPeriodFrom('2026-10-20', undefined)).toEqual({
      start: '2026-10-20',
      end: '2026-11-20',
    })
    expect(subscriptionPeriodFrom('2026-10-32', undefined)).toBeNull()
  })
})

describe('parseReportPeriod', () => {
  it('reads no parameter as the current subscription period', () => {
    expect(parseReportPeriod(null, '2026-08-20', TODAY)).toEqual({ kind: 'current' })
    expect(parseReportPeriod('', undefined, TODAY)).toEqual({ kind: 'current' })
  })

  it('reads YYYY-MM as a calendar month and YYYY-MM-DD as a subscription period', () => {
    expect(parseReportPeriod('2026-10', '2026-08-20', TODAY)).toEqual({
      kind: 'month',
      start: '2026-10-01',
      end: '2026-11-01',
    })
    expect(parseReportPeriod('2026-09-20', '2026-08-20', TODAY)).toEqual({
      kind: 'subscription',
      start: '2026-09-20',
      end: '2026-10-20',
    })
  })

  it('refuses periods that start after today, and anything else', () => {
    expect(parseReportPeriod('2026-12', '2026-08-20', TODAY)).toBeNull()
    expect(parseReportPeriod('2026-12-20', '2026-08-20', TODAY)).toBeNull()
    expect(parseReportPeriod('2026-11-21', '2026-08-20', TODAY)).toBeNull()
    expect(parseReportPeriod('last-month', '2026-08-20', TODAY)).toBeNull()
  })

  it('round-trips through reportPeriodParam', () => {
    for (const param of ['2026-10', '2026-09-20', '2026-11-20']) {
      const period = parseReportPeriod(param, '2026-08-20', TODAY)
      expect(period && reportPeriodParam(period)).toBe(param)
    }
    expect(reportPeriodParam({ kind: 'current' })).toBeNull()
  })
})

describe('previousSubscriptionPeriods', () => {
  it('lists the periods before the current one, latest first, back to the subscription start', () => {
    expect(previousSubscriptionPeriods('2026-08-20', TODAY, 12)).toEqual([
      { start: '2026-10-20', end: '2026-11-20' },
      { start: '2026-09-20', end: '2026-10-20' },
      { start: '2026-08-20', end: '2026-09-20' },
    ])
  })

  it('stops at count, and keeps anchored ends in short months', () => {
    expect(previousSubscriptionPeriods('2021-01-31', '2021-04-05', 2)).toEqual([
      { start: '2021-02-28', end: '2021-03-31' },
      { start: '2021-01-31', end: '2021-02-28' },
    ])
  })

  it('has none in the first period, or before the subscription starts', () => {
    expect(previousSubscriptionPeriods('2026-11-20', TODAY, 12)).toEqual([])
    expect(previousSubscriptionPeriods('2026-12-20', TODAY, 12)).toEqual([])
  })
})

describe('recentCalendarMonths', () => {
  it('lists this month and the ones before it, latest first, across a year end', () => {
    expect(recentCalendarMonths('2026-01-15', 3)).toEqual([
      { start: '2026-01-01', end: '2026-02-01' },
      { start: '2025-12-01', end: '2026-01-01' },
      { start: '2025-11-01', end: '2025-12-01' },
    ])
  })

  it('stops at the month of the earliest day', () => {
    expect(recentCalendarMonths(TODAY, 12, '2026-09-20').map((m) => m.start)).toEqual([
      '2026-11-01',
      '2026-10-01',
      '2026-09-01',
    ])
  })
})
