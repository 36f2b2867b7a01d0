import { describe, expect, it } from 'vitest'
import { newId, uuidV7 } from './ids'

// RFC 9562 §5.7: 48-bit big-endian Unix milliseconds, version 7, variant 0b10.
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidV7', () => {
  it('puts the milliseconds first, then version, variant and the random bits', () => {
    const random = Uint8Array.from({ length: 16 }, () => 0xff)
    // RFC 9562 appendix A.6's moment: 2022-02-22T19:22:22Z, 0x017F22E279B0
    expect(uuidV7(Date.parse('2022-02-22T19:22:22Z'), random)).toBe('017f22e2-79b0-7fff-bfff-ffffffffffff')
    expect(uuidV7(0, new Uint8Array(16))).toBe('00000000-0000-7000-8000-000000000000')
  })

  it('makes valid, distinct ids that sort by their moment', () => {
    const ids = Array.from({ length: 1000 }, () => newId())
    for (const id of ids) expect(id).toMatch(UUID_V7)
    expect(new Set(ids).size).toBe(ids.length)
    const earlier = uuidV7(Date.parse('2026-01-01T00:00:00Z'))
    const later = uuidV7(Date.parse('2026-01-01T00:00:00.001Z'))
    expect(earlier < later).toBe(true)
  })

  it('refuses a moment outside 48 bits and too little randomness', () => {
    expect(() => uuidV7(-1)).toThrow(RangeError)
    expect(() => uuidV7(2 ** 48)).toThrow(RangeError)
    expect(() => uuidV7(1.5)).toThrow(RangeError)
    expect(() => uuidV7(0, new Uint8Array(8))).toThrow(RangeError)
  })
})
