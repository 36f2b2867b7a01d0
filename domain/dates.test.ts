import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayOfTimestamp, daysBetween, isCalendarDate, timestamp } from './dates'

describe('addMonths', () => {
  it('keeps the day of the month and clamps it in short months, without the clamp sticking', () => {
    expect([1, 2, 3, 4].map((n) => addMonths('2021-01-31', n))).toEqual([
      '2021-02-28',
      '2021-03-31',
      '2021-04-30',
      '2021-05-31',
    ])
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2020-11-20', 1)).toBe('2020-12-20')
    expect(addMonths('2020-12-15', 1)).toBe('2021-01-15')
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28')
  })

  it('crosses years both ways', () => {
    expect(addMonths('2020-11-12', 2)).toBe('2021-01-12')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-01', -11)).toBe('2025-02-01')
  })
})

describe('day arithmetic', () => {
  it('counts UTC days across a daylight-saving change and leap days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })
})

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2021-02-29')).toBe(false)
    expect(isCalendarDate('2021-2-28')).toBe(false)
    expect(isCalendarDate('25-03-2030')).toBe(false)
  })
})

describe('dayOfTimestamp', () => {
  it('reads the UTC day of a timestamp, with or without an offset', () => {
    expect(dayOfTimestamp('2026-11-12T00:00:00Z')).toBe('2026-11-12')
    expect(dayOfTimestamp('2026-11-12T00:00:00.000000Z')).toBe('2026-11-12')
    expect(dayOfTimestamp('2026-11-12T01:00:00+02:00')).toBe('2026-11-11')
  })
})

describe('timestamp', () => {
  it("writes the contract's format, with microseconds", () => {
    expect(timestamp(new Date('2020-03-25T15:43:46.101Z'))).toMatch(/^2020-03-25T15:43:46\.101\d{3}Z$/)
  })
})
