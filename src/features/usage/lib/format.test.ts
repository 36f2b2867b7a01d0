import { describe, expect, it } from 'vitest'
import { formatBytes, formatChange, formatCredits } from './format'

describe('format', () => {
  it('writes bytes in decimal units', () => {
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(1000)).toBe('1 KB')
    expect(formatBytes(1_234_567)).toBe('1.23 MB')
    expect(formatBytes(5_000_000_000)).toBe('5 GB')
  })

  it('writes credits as a plain number', () => {
    expect(formatCredits(1484124)).toBe('1,484,124')
  })

  it('signs changes', () => {
    expect(formatChange(0.1234)).toBe('+12%')
    expect(formatChange(0.05)).toBe('+5%')
    expect(formatChange(-0.5)).toBe('−50%')
    expect(formatChange(0.0001)).toBe('0%')
  })
})
