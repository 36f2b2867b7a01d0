import { describe, expect, it } from 'vitest'
import { describeCharacter, emailProblem } from './email'

describe('emailProblem', () => {
  it.each([
    'ann@example.com',
    'a@x.com',
    'first.last+tag@sub.example.co.uk',
    "o'brien@example.ie",
    'user_name-1@ex-ample.com',
  ])('accepts %j', (email) => {
    expect(emailProblem(email)).toBeNull()
  })

  it('asks for an address and keeps it within 254 characters', () => {
    expect(emailProblem('')).toBe('Enter an email address.')
    expect(emailProblem(`${'a'.repeat(250)}@example.com`)).toBe('Use at most 254 characters.')
  })

  it('says plainly when an address is not one', () => {
    expect(emailProblem('not-an-email')).toBe('"not-an-email" is not a valid email address.')
    expect(emailProblem('bob@')).toMatch(/is not a valid email address/)
    expect(emailProblem('a b@example.com')).toBe(
      '"a b@example.com" is not a valid email address: it contains a space at position 2.',
    )
    expect(emailProblem('a@b@example.com')).toMatch(/more than one @/)
    expect(emailProblem('ann@localhost')).toMatch(/has no dot/)
  })

  it('refuses a trailing dot and consecutive dots, where mail systems do', () => {
    expect(emailProblem('user@example.com.')).toBe(
      '"user@example.com." is not a valid email address: it ends with a dot.',
    )
    expect(emailProblem('john..doe@example.com')).toBe(
      '"john..doe@example.com" is not a valid email address: it has two dots in a row at position 5.',
    )
    expect(emailProblem('ann@example..com')).toMatch(/two dots in a row at position 12/)
    expect(emailProblem('.ann@example.com')).toMatch(/cannot start or end with a dot/)
    expect(emailProblem('ann.@example.com')).toMatch(/cannot start or end with a dot/)
  })

  it('names an invisible character and where it is', () => {
    expect(emailProblem('john\u200B@example.com')).toBe(
      '"john\u200B@example.com" is not a valid email address: it contains an invisible character U+200B (zero width space) at position 5.',
    )
    expect(emailProblem('ann@exa\u00ADmple.com')).toContain('U+00AD (soft hyphen) at position 8')
    expect(emailProblem('ann@example.com\u200E')).toContain('U+200E (left-to-right mark) at position 16')
    expect(emailProblem('a\u00A0b@example.com')).toContain('U+00A0 (no-break space) at position 2')
    expect(emailProblem('an\u2063n@example.com')).toContain('U+2063 (invisible separator) at position 3')
  })

  it('names other characters an address cannot hold', () => {
    expect(emailProblem('jos\u00E9@example.com')).toContain('"\u00E9" (U+00E9) at position 4')
    expect(emailProblem('ann@exam_ple.com')).toContain(
      '"_" (U+005F) at position 9, which a domain cannot hold',
    )
  })
})

describe('describeCharacter', () => {
  it('gives the code point and, where known, the name', () => {
    expect(describeCharacter('\u200B')).toBe('U+200B (zero width space)')
    expect(describeCharacter('\u{1F600}')).toBe('U+1F600')
  })
})
