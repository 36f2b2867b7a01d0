import { describe, expect, it } from 'vitest'
import {
  askedRequest,
  comparedRange,
  comparisonFor,
  hasWholeDays,
  usageRequest,
  parseUsageView,
  previousNameOf,
  previousRange,
  requestedRange,
  totalsInterval,
  usageViewSearch,
  wholeMonths,
  type RangePreset,
  type UsageView,
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

  it('catches custom dates the API would refuse as it reads them, saying which date to fix', () => {
    const read = (search: string) => parseUsageView(new URLSearchParams(search))
    expect(read('range=custom')).toMatchObject({
      start: '',
      end: '',
      problem: { field: 'start', message: 'Choose the first day of the range.' },
    })
    expect(read('range=custom&start=2026-01-01').problem).toEqual({
      field: 'end',
      message: 'Choose the last day of the range.',
    })
    expect(read('range=custom&start=2026-02-30&end=2026-03-10')).toMatchObject({
      start: '2026-02-30',
      problem: { field: 'start', message: expect.stringContaining('"2026-02-30"') },
    })
    expect(read('range=custom&start=2026-01-01&end=soon').problem).toMatchObject({
      field: 'end',
      message: expect.stringContaining('"soon"'),
    })
    expect(read('range=custom&start=2026-02-01&end=2026-01-01').problem).toEqual({
      field: 'end',
      message: 'The range must end after it starts.',
    })
    expect(read('range=custom&start=2025-01-01&end=2026-01-03').problem?.message).toMatch(
      /Daily buckets cover at most 366 days \(this range has 367\)/,
    )
    expect(read('range=custom&interval=month&start=2025-01-01&end=2026-01-03').problem).toBeUndefined()
    expect(read('range=custom&interval=month&start=2015-01-01&end=2025-01-02').problem?.message).toMatch(
      /Monthly buckets cover at most 10 years/,
    )
    // Only custom dates are checked: a preset ignores stray dates.
    expect(read('range=30d&start=nonsense')).toEqual({ range: '30d', interval: 'day' })
  })

  it('asks nothing for custom dates the API would refuse', () => {
    const view = parseUsageView(new URLSearchParams('range=custom&start=2026-02-30&end=2026-03-10'))
    expect(usageRequest(view, now)).toEqual({ kind: 'refused', problem: view.problem })
    expect(requestedRange(view, now)).toEqual({ kind: 'refused', problem: view.problem })
    expect(comparedRange({ ...view, compare: true }, now)).toBeNull()
    expect(askedRequest(usageRequest(view, now))).toBeNull()
    expect(askedRequest(usageRequest({ range: 'previous-period', interval: 'day' }, now))).toBeNull()
    const valid = parseUsageView(new URLSearchParams('range=custom&start=2026-02-01&end=2026-03-01'))
    expect(askedRequest(usageRequest(valid, now))).toEqual({
      start: '2026-02-01',
      end: '2026-03-01',
      interval: 'day',
    })
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

describe('comparisonFor', () => {
  it('compares a finished range with the whole previous range', () => {
    expect(comparisonFor({ start: '2026-11-20', end: '2026-11-27' }, now)).toEqual({
      current: { start: '2026-11-20', end: '2026-11-27' },
      previous: { start: '2026-11-13', end: '2026-11-20' },
      isPartial: false,
      previousName: null,
    })
  })

  it('leaves today out of a range that holds it: today is not over', () => {
    // "Last 7 days" on the 28th ends with today: its 6 whole days against the first 6 before.
    expect(comparisonFor({ start: '2026-11-22', end: '2026-11-29' }, now)).toEqual({
      current: { start: '2026-11-22', end: '2026-11-28' },
      previous: { start: '2026-11-15', end: '2026-11-21' },
      isPartial: true,
      previousName: null,
    })
  })

  it('has no whole day to compare on the first day of a running range', () => {
    const first = comparisonFor({ start: '2026-11-28', end: '2026-12-28' }, now)
    expect(first.isPartial).toBe(true)
    expect(hasWholeDays(first)).toBe(false)
    expect(hasWholeDays(comparisonFor({ start: '2026-11-27', end: '2026-12-27' }, now))).toBe(true)
  })

  it('compares the days so far of a running period with as many days of the previous period', () => {
    expect(
      comparisonFor(
        { start: '2026-11-12', end: '2026-12-12' },
        now,
        { start: '2026-10-12', end: '2026-11-12' },
        'the previous subscription period',
      ),
    ).toEqual({
      current: { start: '2026-11-12', end: '2026-11-28' },
      previous: { start: '2026-10-12', end: '2026-10-28' },
      isPartial: true,
      previousName: 'the previous subscription period',
    })
  })

  it('compares the days so far with all of a shorter previous period, never reaching into this one', () => {
    // 29 whole days of March so far against February's 28, not against 1 day into March.
    expect(
      comparisonFor({ start: '2026-03-01', end: '2026-04-01' }, new Date('2026-03-30T12:00:00Z'), {
        start: '2026-02-01',
        end: '2026-03-01',
      }),
    ).toMatchObject({
      current: { start: '2026-03-01', end: '2026-03-30' },
      previous: { start: '2026-02-01', end: '2026-03-01' },
      isPartial: true,
    })
  })

  it('names the range compared with a period or months, and not days just before', () => {
    expect(previousNameOf('period')).toBe('the previous subscription period')
    expect(previousNameOf('previous-period')).toBe('the subscription period before it')
    expect(previousNameOf('12m')).toBe('the 12 months before')
    for (const range of ['7d', '30d', '90d', 'custom'] as const) expect(previousNameOf(range)).toBeNull()
  })

  it('measures against the range it is given, e.g. a previous period of another length', () => {
    expect(
      comparisonFor({ start: '2026-10-31', end: '2026-11-30' }, now, {
        start: '2026-09-30',
        end: '2026-10-31',
      }),
    ).toMatchObject({ previous: { start: '2026-09-30', end: '2026-10-28' }, isPartial: true })
  })

  it('asks for totals by day where the API allows it', () => {
    expect(totalsInterval({ start: '2025-01-01', end: '2026-01-02' })).toBe('day')
    expect(totalsInterval({ start: '2025-01-01', end: '2026-01-03' })).toBe('month')
  })
})

describe('compare=previous in the URL', () => {
  it('round-trips, and is left out when off', () => {
    const view = { range: '30d', interval: 'day', compare: true } as const
    const search = usageViewSearch(view)
    expect(search.toString()).toBe('range=30d&compare=previous')
    expect(parseUsageView(search)).toEqual(view)
    expect(usageViewSearch({ range: '30d', interval: 'day' }).toString()).toBe('range=30d')
    expect(parseUsageView(new URLSearchParams('compare=yes'))).toEqual({ range: 'period', interval: 'day' })
  })

  it('round-trips with custom dates and the previous subscription period', () => {
    const custom = {
      range: 'custom',
      interval: 'day',
      start: '2026-01-01',
      end: '2026-02-01',
      compare: true,
    } as const
    expect(parseUsageView(usageViewSearch(custom))).toEqual(custom)
    const previous = { range: 'previous-period', interval: 'day' } as const
    expect(usageViewSearch(previous).toString()).toBe('range=previous-period')
    expect(parseUsageView(usageViewSearch(previous))).toEqual(previous)
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
