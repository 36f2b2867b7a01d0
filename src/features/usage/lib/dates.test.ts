import { describe, expect, it } from 'vitest'
import { formatSpan } from './dates'

describe('formatSpan', () => {
  it('names the first and last included day', () => {
    expect(formatSpan('2026-11-12', '2026-11-13')).toBe('12 Nov 2026')
    expect(formatSpan('2026-11-12', '2026-12-12')).toBe('12 Nov – 11 Dec 2026')
    expect(formatSpan('2025-12-12', '2026-01-12')).toBe('12 Dec 2025 – 11 Jan 2026')
  })
})
