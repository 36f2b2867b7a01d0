import { describe, expect, it } from 'vitest'
import { totalsInterval } from './usage-ranges'
import { comparisonFor, hasWholeDays, previousNameOf } from './comparison'

const now = new Date('2026-11-28T10:30:00Z')

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
