import { describe, expect, it } from 'vitest'
import { formatLongSpan, formatSpan } from './dates'

// The runtime's default locale is the reader's: en-US here, as in the browser tests.
describe('formatSpan', () => {
  it('names the first and last included day', () => {
    expect(formatSpan('2026-11-12', '2026-11-13')).toBe('Nov 12, 2026')
    expect(formatSpan('2026-11-12', '2026-12-12')).toBe('Nov 12 – Dec 11, 2026')
    expect(formatSpan('2025-12-12', '2026-01-12')).toBe('Dec 12, 2025 – Jan 11, 2026')
  })
})

describe('formatLongSpan', () => {
  it('writes the first and last included day in full, the month and year once where shared', () => {
    expect(formatLongSpan('2026-11-01', '2026-12-01')).toBe('November 1 – 30, 2026')
    expect(formatLongSpan('2026-11-20', '2026-12-20')).toBe('November 20 – December 19, 2026')
    expect(formatLongSpan('2026-12-20', '2027-01-20')).toBe('December 20, 2026 – January 19, 2027')
    expect(formatLongSpan('2026-11-05', '2026-11-06')).toBe('November 5, 2026')
  })
})
