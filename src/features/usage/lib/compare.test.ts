import { describe, expect, it } from 'vitest'
import { comparisonNote, noPeriodSentence } from './compare'

describe('noPeriodSentence', () => {
  it('says why there is no period, with the day', () => {
    expect(
      noPeriodSentence(
        { kind: 'none', reason: 'subscription', since: '2026-11-20' },
        'previous subscription period',
      ),
    ).toBe('There is no previous subscription period: the subscription started on Nov 20, 2026.')
    expect(
      noPeriodSentence(
        { kind: 'none', reason: 'organization', since: '2026-11-20' },
        'previous subscription period',
      ),
    ).toMatch(/organization was created on Nov 20, 2026/)
    expect(noPeriodSentence({ kind: 'none', reason: 'unknown' }, 'previous subscription period')).toMatch(
      /does not give this organization’s subscription start date/,
    )
  })
})

describe('comparisonNote', () => {
  const range = (start: string, end: string) => ({ start, end })

  it('names a previous period with its dates, and its length when it differs', () => {
    // October (31 days) against September (30): not "the same length".
    expect(
      comparisonNote({
        current: range('2026-10-01', '2026-11-01'),
        previous: range('2026-09-01', '2026-10-01'),
        isPartial: false,
        previousName: 'the previous subscription period',
      }),
    ).toBe(
      'Changes compare with the previous subscription period, Sep 1 – 30, 2026 (30 days; this range has 31).',
    )
    expect(
      comparisonNote({
        current: range('2026-11-01', '2026-12-01'),
        previous: range('2026-10-02', '2026-11-01'),
        isPartial: false,
        previousName: 'the month before',
      }),
    ).toBe('Changes compare with the month before, Oct 2 – 31, 2026.')
  })

  it('says "the same number of days" only when it is', () => {
    expect(
      comparisonNote({
        current: range('2026-11-01', '2026-11-08'),
        previous: range('2026-10-25', '2026-11-01'),
        isPartial: false,
        previousName: null,
      }),
    ).toBe('Changes compare with Oct 25 – 31, 2026, the same number of days just before.')
    expect(
      comparisonNote({
        current: range('2026-11-01', '2026-11-08'),
        previous: range('2026-10-26', '2026-11-01'),
        isPartial: false,
        previousName: null,
      }),
    ).toBe('Changes compare with Oct 26 – 31, 2026, the 6 days just before.')
  })

  it('compares the days so far with the first as many days, or all of a shorter period', () => {
    expect(
      comparisonNote({
        current: range('2026-11-12', '2026-11-28'),
        previous: range('2026-10-12', '2026-10-28'),
        isPartial: true,
        previousName: 'the previous subscription period',
      }),
    ).toBe(
      'Changes compare the 16 whole days so far (Nov 12 – 27, 2026; today is left out, as it is not over) with the first 16 days of the previous subscription period (Oct 12 – 27, 2026).',
    )
    expect(
      comparisonNote({
        current: range('2026-03-01', '2026-03-30'),
        previous: range('2026-02-01', '2026-03-01'),
        isPartial: true,
        previousName: 'the previous subscription period',
      }),
    ).toBe(
      'Changes compare the 29 whole days so far (Mar 1 – 29, 2026; today is left out, as it is not over) with all 28 days of the previous subscription period (Feb 1 – 28, 2026).',
    )
  })

  it('says "the one whole day" on a running period\'s second day, not "the 1 day" and "the first 1 day"', () => {
    expect(
      comparisonNote({
        current: range('2026-12-01', '2026-12-02'),
        previous: range('2026-11-01', '2026-11-02'),
        isPartial: true,
        previousName: 'the month before',
      }),
    ).toBe(
      'Changes compare the one whole day so far (Dec 1, 2026; today is left out, as it is not over) with the first day of the month before (Nov 1, 2026).',
    )
  })
})
