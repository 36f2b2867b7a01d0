import { describe, expect, it } from 'vitest'
import { parseExpiry, serviceUserFlags, serviceUserNameProblem, timestampAt } from './service-users'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const DAY = 86_400_000
const at = (days: number) => timestampAt(NOW + days * DAY)

describe('parseExpiry', () => {
  it('reads a day as the start of that UTC day, and a time without a zone as UTC', () => {
    expect(parseExpiry('2026-04-01', NOW)).toEqual({
      ms: Date.parse('2026-04-01T00:00:00Z'),
      timestamp: '2026-04-01T00:00:00.000000Z',
    })
    expect(parseExpiry('2026-04-01T10:30:00', NOW)).toMatchObject({
      timestamp: '2026-04-01T10:30:00.000000Z',
    })
    expect(parseExpiry('2026-04-01T10:30:00+02:00', NOW)).toMatchObject({
      timestamp: '2026-04-01T08:30:00.000000Z',
    })
    expect(parseExpiry('2026-04-01T10:30:00.123456Z', NOW)).toMatchObject({
      timestamp: '2026-04-01T10:30:00.123000Z',
    })
  })

  it('says what to fix: an unreadable value, a day that does not exist, a moment not in the future', () => {
    expect(parseExpiry('next week', NOW)).toEqual({
      problem: expect.stringMatching(/^Write the expiry as a date/),
    })
    expect(parseExpiry('2026-02-30', NOW)).toEqual({
      problem: expect.stringMatching(/not a date that exists/),
    })
    expect(parseExpiry('2026-03-10T12:00:00Z', NOW)).toEqual({ problem: 'Choose an expiry in the future.' })
  })
})

describe('serviceUserFlags', () => {
  it('flags expired, expiring within 14 days, never used and unused for 90 days, each on its own', () => {
    expect(serviceUserFlags(at(-1), at(-2), NOW)).toEqual({
      isExpired: true,
      isExpiringSoon: false,
      isNeverUsed: false,
      isUnused: false,
    })
    expect(serviceUserFlags(at(0), null, NOW)).toMatchObject({ isExpired: true, isNeverUsed: true })
    expect(serviceUserFlags(at(13.99), at(-89.99), NOW)).toEqual({
      isExpired: false,
      isExpiringSoon: true,
      isNeverUsed: false,
      isUnused: false,
    })
    expect(serviceUserFlags(at(14), at(-90), NOW)).toEqual({
      isExpired: false,
      isExpiringSoon: false,
      isNeverUsed: false,
      isUnused: true,
    })
    expect(serviceUserFlags(null, null, NOW)).toEqual({
      isExpired: false,
      isExpiringSoon: false,
      isNeverUsed: true,
      isUnused: false,
    })
  })

  it('raises no flag for what the generation does not give', () => {
    expect(serviceUserFlags(undefined, undefined, NOW)).toEqual({
      isExpired: false,
      isExpiringSoon: false,
      isNeverUsed: false,
      isUnused: false,
    })
  })
})

describe('serviceUserNameProblem', () => {
  it('wants a name of 1 to 256 characters', () => {
    expect(serviceUserNameProblem('nightly-export')).toBeNull()
    expect(serviceUserNameProblem('  ')).toMatch(/Give the service user a name/)
    expect(serviceUserNameProblem('x'.repeat(257))).toMatch(/at most 256 characters/)
  })
})
