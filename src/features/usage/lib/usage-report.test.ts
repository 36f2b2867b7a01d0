import { describe, expect, it } from 'vitest'
import {
  bucketsSoFar,
  reportPeriodOf,
  reportPeriodOptions,
  reportRequest,
  periodSentences,
  reportFileName,
  runningRange,
} from './usage-report'

const NOW = new Date('2026-11-28T10:00:00Z')

describe('reportPeriodOf and reportRequest', () => {
  it('asks for the current subscription period without dates, so the API picks it', () => {
    const period = reportPeriodOf(null, '2026-08-20', NOW)
    expect(period).toEqual({ kind: 'current' })
    expect(reportRequest(period!)).toEqual({ interval: 'day' })
  })

  it('asks for an earlier period or a month by day, end exclusive', () => {
    const month = reportPeriodOf('2026-10', '2026-08-20', NOW)
    expect(reportRequest(month!)).toEqual({ start: '2026-10-01', end: '2026-11-01', interval: 'day' })
    const period = reportPeriodOf('2026-09-20', '2026-08-20', NOW)
    expect(reportRequest(period!)).toEqual({ start: '2026-09-20', end: '2026-10-20', interval: 'day' })
    expect(reportPeriodOf('2026-09-21', '2026-08-20', NOW)).toBeNull()
  })
})

describe('reportPeriodOptions', () => {
  it('offers the current and earlier subscription periods, then months back to the subscription start', () => {
    const options = reportPeriodOptions('2026-08-20', NOW, { kind: 'current' })
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['', 'Current subscription period'],
      ['2026-10-20', 'Oct 20 – Nov 19, 2026'],
      ['2026-09-20', 'Sep 20 – Oct 19, 2026'],
      ['2026-08-20', 'Aug 20 – Sep 19, 2026'],
      ['2026-11', 'Nov 2026 (so far)'],
      ['2026-10', 'Oct 2026'],
      ['2026-09', 'Sep 2026'],
      ['2026-08', 'Aug 2026'],
    ])
  })

  it('without a known subscription start, offers the current period and the last twelve months', () => {
    const options = reportPeriodOptions(undefined, NOW, { kind: 'current' })
    expect(options).toHaveLength(13)
    expect(options[1]).toEqual({ value: '2026-11', label: 'Nov 2026 (so far)', group: 'Calendar months' })
  })

  it('keeps the period on screen among the choices when it is older than them', () => {
    const options = reportPeriodOptions(undefined, NOW, {
      kind: 'month',
      start: '2024-01-01',
      end: '2024-02-01',
    })
    expect(options.at(-1)).toEqual({ value: '2024-01', label: 'Jan 2024', group: 'Calendar months' })
  })
})

describe('reportFileName', () => {
  it('names the PDF by organization and days, the last day included', () => {
    expect(reportFileName('acme', { start: '2026-11-01', end: '2026-12-01' })).toBe(
      'usage-report-acme-2026-11-01-to-2026-11-30',
    )
  })
})

describe('runningRange and periodSentences', () => {
  it('treats the calendar month still running as the current subscription period: so far, projected', () => {
    const month = reportPeriodOf('2026-11', '2026-08-20', NOW)!
    expect(month.kind).toBe('month')
    const november = { start: '2026-11-01', end: '2026-12-01' }
    expect(runningRange(november, NOW)).toEqual(november)
    expect(periodSentences(month, november, NOW)).toEqual([
      'Nov 1 – 30, 2026, both days included.',
      'It is a calendar month.',
      'It is still running, so the totals are so far, through Nov 28, 2026.',
    ])
    // Short sentences, no parentheses; "subscription period" is the month, as on the usage page.
    const period = { start: '2026-11-20', end: '2026-12-20' }
    expect(periodSentences({ kind: 'current' }, period, NOW)).toEqual([
      'Nov 20 – Dec 19, 2026, both days included.',
      'It is the current subscription period: one month of the subscription, counted from the day it started.',
      'It is still running, so the totals are so far, through Nov 28, 2026.',
    ])
    const october = { kind: 'subscription', start: '2026-10-20', end: '2026-11-20' } as const
    expect(periodSentences(october, october, NOW).join(' ')).not.toMatch(/[()]/)
    expect(periodSentences(october, october, NOW)[2]).toBe('It is over: the totals are whole.')
  })

  it('runs until the last day of the period (UTC), not on the day it ends before', () => {
    const november = { start: '2026-11-01', end: '2026-12-01' }
    expect(runningRange(november, new Date('2026-11-30T23:59:59Z'))).toEqual(november)
    expect(runningRange(november, new Date('2026-12-01T00:00:00Z'))).toBeNull()
    expect(runningRange({ start: '2026-10-01', end: '2026-11-01' }, NOW)).toBeNull()
    expect(runningRange(null, NOW)).toBeNull()
  })
})

describe('bucketsSoFar', () => {
  const bucket = (start: string, end: string) => ({
    start,
    end,
    startTimestamp: `${start}T00:00:00Z`,
    endTimestamp: `${end}T00:00:00Z`,
  })
  const data = {
    buckets: [
      bucket('2026-11-27', '2026-11-28'),
      bucket('2026-11-28', '2026-11-29'),
      bucket('2026-11-29', '2026-11-30'),
    ],
    values: [1, 2, 0],
  }

  it('keeps the buckets begun by today (today included), and the values whole', () => {
    expect(bucketsSoFar(data, '2026-11-28')).toEqual({ buckets: data.buckets.slice(0, 2), values: [1, 2, 0] })
  })

  it('gives a finished period back as it is', () => {
    expect(bucketsSoFar(data, '2026-12-01')).toBe(data)
  })
})
