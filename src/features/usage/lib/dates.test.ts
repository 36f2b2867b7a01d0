import { describe, expect, it } from 'vitest'
import { formatLongSpan, formatSpan } from './dates'

describe('formatSpan', () => {
  it('names the first and last included day', () => {
    expect(formatSpan('2026-11-12', '2026-11-13')).toBe('12 Nov 2026')
    expect(formatSpan('2026-11-12', '2026-12-12')).toBe('12 Nov – 11 Dec 2026')
    expect(formatSpan('2025-12-12', '2026-01-12')).toBe('12 Dec 2025 – 11 Jan 2026')
  })
})

describe('formatLongSpan', () => {
  it('writes the first and last included day in full, the month and year once where shared', () => {
    expect(formatLongSpan('2026-11-01', '2026-12-01')).toBe('1–30 November 2026')
    expect(formatLongSpan('2026-11-20', '2026-12-20')).toBe('20 November – 19 December 2026')
    expect(formatLongSpan('2026-12-20', '2027-01-20')).toBe('20 December 2026 – 19 January 2027')
    expect(formatLongSpan('2026-11-05', '2026-11-06')).toBe('5 November 2026')
  })
})
