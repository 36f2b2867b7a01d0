import { describe, expect, it } from 'vitest'
import { parseUsageAddress, usageAddressSearch } from './usage-address'
import { reportPlan, usagePlan } from './usage-plan'

// The clock is set: noon of 2026-11-28 (UTC), inside the subscription period 11-12 → 12-12.
const now = new Date('2026-11-28T12:00:00Z')
const subscription = { subscriptionStart: '2026-01-12', createdOn: '2026-01-12' }
const view = (search: string) => parseUsageAddress(new URLSearchParams(search)).view

describe('usagePlan', () => {
  it('asks the last 30 days and, when comparing, the 30 days before, by the view’s interval', () => {
    const plan = usagePlan(view('range=30d&compare=previous'), now, subscription)
    expect(plan.shown).toEqual({ start: '2026-10-30', end: '2026-11-29', interval: 'day' })
    expect(plan.beforeRequest).toEqual({ start: '2026-09-30', end: '2026-10-30', interval: 'day' })
    // Still running (today is in it): its whole days so far against as many days of the range before.
    expect(plan.comparison).toMatchObject({
      current: { start: '2026-10-30', end: '2026-11-28' },
      previous: { start: '2026-09-30', end: '2026-10-29' },
      isPartial: true,
    })
    expect(plan.requests).toEqual([
      plan.shown,
      plan.beforeRequest,
      { start: '2026-09-30', end: '2026-10-29', interval: 'day' },
      { start: '2026-10-30', end: '2026-11-28', interval: 'day' },
      // The four weeks before it: the first days' references for the unusual-day rule.
      { start: '2026-10-02', end: '2026-10-30', interval: 'day' },
    ])
    expect(plan.history).toEqual({ start: '2026-10-02', end: '2026-10-30', interval: 'day' })
    expect(plan.daily).toBeNull()
  })

  it('asks no range before when not comparing, yet the totals’ change still has its requests', () => {
    const plan = usagePlan(view('range=custom&start=2026-01-01&end=2026-02-01'), now, subscription)
    expect(plan.beforeRequest).toBeNull()
    expect(plan.comparison).toMatchObject({
      isPartial: false,
      previous: { start: '2025-12-01', end: '2026-01-01' },
    })
    expect(plan.requests).toEqual([
      { start: '2026-01-01', end: '2026-02-01', interval: 'day' },
      { start: '2025-12-01', end: '2026-01-01', interval: 'day' },
      { start: '2025-12-04', end: '2026-01-01', interval: 'day' },
    ])
  })

  it('asks four months of history by month, and the current period by day for the weekly projection', () => {
    const plan = usagePlan(view('interval=month'), now, subscription, {
      start: '2026-11-12',
      end: '2026-12-12',
    })
    expect(plan.history).toEqual({ start: '2026-07-12', end: '2026-11-12', interval: 'month' })
    expect(plan.daily).toEqual({ start: '2026-11-12', end: '2026-12-12', interval: 'day' })
    expect(plan.requests).toEqual(expect.arrayContaining([plan.history, plan.daily]))
  })

  it('leaves the current period’s dates to the API, and plans its comparison once the answer gives them', () => {
    const before = usagePlan(view(''), now, subscription)
    expect(before.shown).toEqual({ interval: 'day' })
    expect(before.comparison).toBeNull()
    const after = usagePlan(view(''), now, subscription, { start: '2026-11-12', end: '2026-12-12' })
    expect(after.comparison).toMatchObject({
      previousName: 'the previous subscription period',
      previous: { start: '2026-10-12', end: '2026-10-28' },
    })
    // The shown range, the comparison's two, and the history before the period.
    expect(after.requests).toHaveLength(4)
    expect(before.history).toBeNull()
  })

  it('asks nothing for dates the API would refuse, or a previous period that does not exist', () => {
    expect(usagePlan(view('range=custom&start=2026-02-01&end=2026-01-01'), now, subscription)).toMatchObject({
      shown: null,
      requests: [],
    })
    const first = usagePlan(view('range=previous-period'), now, {
      subscriptionStart: '2026-11-12',
      createdOn: '2026-11-12',
    })
    expect(first.shown).toBeNull()
    expect(first.noPeriod).toMatchObject({ kind: 'none', reason: 'subscription' })
  })
})

describe('reportPlan', () => {
  it('asks a past month by day, and compares it with the whole month before', () => {
    const plan = reportPlan(
      { kind: 'month', start: '2026-10-01', end: '2026-11-01' },
      { start: '2026-10-01', end: '2026-11-01' },
      now,
    )
    expect(plan.requests).toEqual([
      { start: '2026-10-01', end: '2026-11-01', interval: 'day' },
      { start: '2026-09-01', end: '2026-10-01', interval: 'day' },
    ])
  })
})

describe('the usage page’s address', () => {
  it('holds the view, the table and the series filter, and leaves defaults out', () => {
    const address = parseUsageAddress(
      new URLSearchParams('range=30d&compare=previous&view=table&project=alpha&day=2026-11-03'),
    )
    expect(address).toEqual({
      view: { range: '30d', interval: 'day', compare: true },
      display: 'table',
      series: 'alpha',
      day: '2026-11-03',
    })
    expect(usageAddressSearch(address).toString()).toBe(
      'range=30d&compare=previous&view=table&project=alpha&day=2026-11-03',
    )
    // A day that does not exist is no choice.
    expect(parseUsageAddress(new URLSearchParams('day=2026-02-30')).day).toBeNull()
    expect(usageAddressSearch(parseUsageAddress(new URLSearchParams('view=chart&project='))).toString()).toBe(
      '',
    )
  })
})
