import { describe, expect, it } from 'vitest'
import { addDays, addMonthsAnchored, dayOfTimestamp, daysBetween, formatSpan } from './dates'

describe('addMonthsAnchored', () => {
  it('keeps the anchor day and clamps it to the month’s last day', () => {
    expect(addMonthsAnchored('2021-01-31', 1)).toBe('2021-02-28')
    expect(addMonthsAnchored('2021-01-31', 2)).toBe('2021-03-31')
    expect(addMonthsAnchored('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonthsAnchored('2020-11-20', 1)).toBe('2020-12-20')
  })

  it('crosses years both ways', () => {
    expect(addMonthsAnchored('2020-11-12', 2)).toBe('2021-01-12')
    expect(addMonthsAnchored('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonthsAnchored('2026-01-01', -11)).toBe('2025-02-01')
  })
})

describe('day arithmetic', () => {
  it('counts UTC days across a daylight-saving change and leap days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })
})

describe('formatSpan', () => {
  it('names the first and last included day', () => {
    expect(formatSpan('2026-11-12', '2026-11-13')).toBe('12 Nov 2026')
    expect(formatSpan('2026-11-12', '2026-12-12')).toBe('12 Nov – 11 Dec 2026')
    expect(formatSpan('2025-12-12', '2026-01-12')).toBe('12 Dec 2025 – 11 Jan 2026')
  })
})

describe('dayOfTimestamp', () => {
  it('reads the UTC day of a timestamp, with or without an offset', () => {
    expect(dayOfTimestamp('2026-11-12T00:00:00Z')).toBe('2026-11-12')
    expect(dayOfTimestamp('2026-11-12T00:00:00.000000Z')).toBe('2026-11-12')
    expect(dayOfTimestamp('2026-11-12T01:00:00+02:00')).toBe('2026-11-11')
  })
})
