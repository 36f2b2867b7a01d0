import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatLongDayRange,
  formatMonth,
  formatShortDay,
} from './format-date'

describe('format-date', () => {
  it('writes a day in the reader’s locale', () => {
    expect(formatDay('2026-11-19', 'en-US')).toBe('Nov 19, 2026')
    expect(formatDay('2026-11-19', 'de-DE')).toBe('19.11.2026')
    expect(formatDay('2026-11-19', 'en-GB')).toBe('19 Nov 2026')
  })

  it('writes a UTC day as that day, whatever the reader’s time zone', () => {
    // 23:30 UTC is already the next day east of Greenwich and still this day west of it.
    expect(formatDay('2026-11-19T23:30:00.000000Z', 'en-US')).toBe('Nov 19, 2026')
    expect(formatDate('2026-11-19', 'de-DE')).toBe('19.11.2026')
  })

  it('writes a range with what its ends share once, in the reader’s locale', () => {
    expect(formatDayRange('2026-11-19', '2026-12-18', 'en-US')).toBe('Nov 19 – Dec 18, 2026')
    expect(formatDayRange('2026-11-19', '2026-12-18', 'de-DE')).toBe('19.11. – 18.12.2026')
    expect(formatDayRange('2025-12-12', '2026-01-11', 'en-US')).toBe('Dec 12, 2025 – Jan 11, 2026')
    expect(formatDayRange('2026-11-19', '2026-11-19', 'en-US')).toBe('Nov 19, 2026')
    expect(formatLongDayRange('2026-11-01', '2026-11-30', 'en-US')).toBe('November 1 – 30, 2026')
    expect(formatLongDayRange('2026-11-01', '2026-11-30', 'de-DE')).toBe('1.–30. November 2026')
  })

  it('writes ticks and months short', () => {
    expect(formatShortDay('2026-11-19', 'en-US')).toBe('Nov 19')
    expect(formatMonth('2026-11-01', 'de-DE')).toBe('Nov. 2026')
  })

  it('writes an empty field as a dash and leaves what it cannot read as it is', () => {
    expect(formatDate(null)).toBe('—')
    expect(formatDate('soon')).toBe('soon')
    expect(formatDateTime('2026-11-19T10:00:00Z', 'de-DE', 'UTC')).toBe('19.11.2026, 10:00 UTC')
  })

  it('writes a moment in the reader’s time zone and names the zone', () => {
    // 23:30 UTC on the 19th: the 19th's afternoon in Los Angeles, the 20th's noon in Auckland.
    const moment = '2026-11-19T23:30:00.123456Z'
    expect(formatDateTime(moment, 'en-US', 'America/Los_Angeles')).toBe('Nov 19, 2026, 3:30 PM PST')
    expect(formatDateTime(moment, 'de-DE', 'Pacific/Auckland')).toBe('20.11.2026, 12:30 GMT+13')
    expect(formatDateTime(new Date(moment), 'en-GB', 'UTC')).toBe('19 Nov 2026, 23:30 UTC')
  })
})
