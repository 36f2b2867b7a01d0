import { describe, expect, it } from 'vitest'
import {
  drillSearch,
  parseUsageAddress,
  parseUsageView,
  usageAddressSearch,
  usageViewSearch,
} from './usage-address'
import { askedRequest, comparedRange, usageRequest, requestedRange } from './usage-ranges'

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

describe('the address at the project level', () => {
  it('holds the deployment version filter as `version=`, and leaves the series filter behind when drilling', () => {
    const params = new URLSearchParams(
      'range=30d&compare=previous&view=table&version=scorer+%2F+v4&project=x',
    )
    const address = parseUsageAddress(params, 'project')
    expect(address.series).toBe('scorer / v4')
    expect(usageAddressSearch(address, 'project').toString()).toBe(
      'range=30d&compare=previous&view=table&version=scorer+%2F+v4',
    )
    expect(parseUsageAddress(params).series).toBe('x')
    expect(drillSearch(address)).toBe('range=30d&compare=previous&view=table')
  })
})
