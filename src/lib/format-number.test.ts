import { describe, expect, it } from 'vitest'
import { formatChange, formatCompact, formatCount, formatShare, formatWholeShare } from './format-number'

describe('format-number in the reader’s locale', () => {
  it('writes counts with the locale’s grouping, never "10,000" in de-DE', () => {
    expect(formatCount(10000, 'en-US')).toBe('10,000')
    expect(formatCount(10000, 'de-DE')).toBe('10.000')
    expect(formatCount(10000, 'fr-FR')).toBe('10\u202f000')
    expect(formatCount(16.5, 'de-DE', 1)).toBe('16,5')
  })

  it('writes shares and changes in one percent style, Intl’s for the locale', () => {
    // The de-DE trial saw "34,2 %" beside "−11,0%": one style, the locale's spacing and minus.
    expect(formatShare(0.342, 'de-DE')).toBe('34,2\u00a0%')
    expect(formatChange(-0.11, 'de-DE')).toBe('-11,0\u00a0%')
    expect(formatChange(0.123, 'de-DE')).toBe('+12,3\u00a0%')
    expect(formatShare(0.342, 'en-US')).toBe('34.2%')
    expect(formatWholeShare(0.75, 'de-DE')).toBe('75\u00a0%')
    expect(formatWholeShare(0.75, 'en-US')).toBe('75%')
    expect(formatChange(-0.11, 'en-US')).toBe('-11.0%')
    expect(formatChange(0.11, 'fr-FR')).toBe(`+${formatShare(0.11, 'fr-FR')}`)
    expect(formatChange(-0.11, 'sv-SE')).toBe('\u221211,0\u00a0%')
    // Shares never carry a sign; a change always does, and one that rounds away is said.
    expect(formatShare(0, 'en-US')).toBe('0.0%')
    expect(formatChange(0.0004, 'de-DE')).toBe('no change')
    expect(formatChange(-0.0004, 'de-DE')).toBe('no change')
  })

  it('writes axis ticks through the same grouping as counts', () => {
    // The trial's axis read "3500" beside "10.500".
    expect([3500, 10500].map((tick) => formatCompact(tick, 'de-DE'))).toEqual(['3.500', '10.500'])
    expect(formatCompact(3500, 'de-DE')).toBe(formatCount(3500, 'de-DE'))
    expect(formatCompact(1_234_567, 'de-DE')).toBe('1,2\u00a0Mio.')
    expect([3500, 10500, 1_234_567].map((tick) => formatCompact(tick, 'en-US'))).toEqual([
      '3.5K',
      '10.5K',
      '1.2M',
    ])
  })
})
