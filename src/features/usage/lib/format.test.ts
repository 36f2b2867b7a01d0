import { describe, expect, it } from 'vitest'
import {
  changeDirection,
  formatBytes,
  formatChange,
  formatCredits,
  formatExactValue,
  formatShare,
} from './format'

describe('format', () => {
  it('writes bytes in decimal units', () => {
    expect(formatBytes(999, 'en-US')).toBe('999 bytes')
    expect(formatBytes(1000, 'en-US')).toBe('1.0 KB')
    // One decimal for every unit above bytes: never "20.1 GB" beside "12.08 GB".
    expect(formatBytes(20_100_000_000, 'en-US')).toBe('20.1 GB')
    expect(formatBytes(12_080_000_000, 'en-US')).toBe('12.1 GB')
    expect(formatBytes(1_234_567, 'de-DE')).toBe('1,2 MB')
  })

  it('writes credits with two decimals, never "53,241.4" beside "55,025.12"', () => {
    expect(formatCredits(53241.4, 'en-US')).toBe('53,241.40')
    expect(formatCredits(55025.12, 'en-US')).toBe('55,025.12')
    expect(formatCredits(1484124, 'de-DE')).toBe('1.484.124,00')
    expect(formatExactValue('credits', 0.125)).toMatch(/^0.125$/)
  })

  it('writes shares with one decimal, never "17%" beside "33.8%"', () => {
    expect(formatShare(0.17, 'en-US')).toBe('17.0%')
    expect(formatShare(0.338, 'en-US')).toBe('33.8%')
  })

  it('signs changes, and says "no change" for one that rounds to nothing', () => {
    expect(formatChange(0.1234, 'en-US')).toBe('+12.3%')
    expect(formatChange(0.05, 'en-US')).toBe('+5.0%')
    expect(formatChange(-0.5, 'en-US')).toBe('-50.0%')
    expect(formatChange(0.0001, 'en-US')).toBe('no change')
    expect(changeDirection(0.0001)).toBe('flat')
  })
})
