import { describe, expect, it } from 'vitest'
import { formatNumberForInput, numberConvention, readNumber, type NumberReading } from './parse-number'

const value = (text: string, locale: string, maxFractionDigits?: number) =>
  readNumber(text, { maxFractionDigits }, locale)
const number = (reading: NumberReading) => (reading.status === 'number' ? reading.value : reading.status)
const problemOf = (reading: NumberReading) => (reading.status === 'problem' ? reading.problem : null)

describe('readNumber', () => {
  it('reads en-US: a point before decimals, commas between thousands', () => {
    expect(number(value('60,000', 'en-US'))).toBe(60000)
    expect(number(value('250.5', 'en-US'))).toBe(250.5)
    expect(number(value('1,234,567.25', 'en-US'))).toBe(1234567.25)
    expect(number(value('60000', 'en-US'))).toBe(60000)
    // A point is the decimal separator in en-US: "60.000" is sixty.
    expect(number(value('60.000', 'en-US'))).toBe(60)
    expect(number(value('.5', 'en-US'))).toBe(0.5)
  })

  it('reads de-DE the other way round: "60.000" is sixty thousand, "250,5" is 250.5', () => {
    expect(number(value('60.000', 'de-DE'))).toBe(60000)
    expect(number(value('250,5', 'de-DE'))).toBe(250.5)
    expect(number(value('1.234.567,25', 'de-DE'))).toBe(1234567.25)
    expect(number(value('2505', 'de-DE'))).toBe(2505)
  })

  it('reads fr-FR, whose thousands are grouped with a narrow no-break space, and any space', () => {
    expect(number(value('60\u202f000', 'fr-FR'))).toBe(60000)
    expect(number(value('60 000,5', 'fr-FR'))).toBe(60000.5)
    expect(number(value('60\u00a0000', 'fr-FR'))).toBe(60000)
    expect(number(value('1 234 567', 'fr-FR'))).toBe(1234567)
    // Spaces group thousands in every locale.
    expect(number(value('60 000.5', 'en-US'))).toBe(60000.5)
    expect(number(value('60 000,5', 'de-DE'))).toBe(60000.5)
  })

  it('reads the locale’s own grouping: en-IN groups by two above the thousands', () => {
    expect(number(value('1,00,000', 'en-IN'))).toBe(100000)
    expect(problemOf(value('100,000', 'en-IN'))).toMatch(/thousands separators are not where they belong/)
  })

  it('refuses a separator that is misplaced or foreign to the locale, saying how to write the number', () => {
    // The trial's two faults: never 2.505,00, never refused.
    expect(problemOf(value('250.5', 'de-DE'))).toBe(
      'The thousands separators are not where they belong. Numbers are read as in German (Germany): ' +
        'a comma before decimals and a point or a space (or nothing) between thousands, as in 60.000 or 250,5.',
    )
    expect(problemOf(value('250,5', 'en-US'))).toBe(
      'The thousands separators are not where they belong. Numbers are read as in American English: ' +
        'a point before decimals and a comma or a space (or nothing) between thousands, as in 60,000 or 250.5.',
    )
    expect(problemOf(value('250.5', 'fr-FR'))).toMatch(
      /^A point is not a separator here\. .*a comma before decimals and a space/,
    )
    // en-US's way in de-DE: thousands after the decimals.
    expect(problemOf(value('1,234.5', 'de-DE'))).toMatch(/^Thousands come before the decimals\./)
    expect(problemOf(value('1,2,3', 'de-DE'))).toMatch(/^Type a comma once, before the decimals\./)
    expect(problemOf(value('0.500', 'de-DE'))).toMatch(/not where they belong/)
    expect(problemOf(value('12,34', 'en-US'))).toMatch(/not where they belong/)
  })

  it('refuses what is not a number at all', () => {
    expect(problemOf(value('lots', 'en-US'))).toBe(
      '“lots” is not a number. Numbers are read as in American English: a point before decimals and a comma or a space (or nothing) between thousands, as in 60,000 or 250.5.',
    )
    expect(problemOf(value('1e5', 'en-US'))).toMatch(/^“e” is not part of a number\./)
    expect(problemOf(value('12 €', 'de-DE'))).toMatch(/^“€” is not part of a number\./)
    expect(problemOf(value('-', 'en-US'))).toMatch(/^Type digits\./)
    expect(problemOf(value('5.', 'en-US'))).toMatch(/^Digits must follow a point\./)
    expect(problemOf(value('9'.repeat(400), 'en-US'))).toMatch(/^That number is too large\./)
  })

  it('reads a sign, and leaves its range to the caller', () => {
    expect(number(value('-250,5', 'de-DE'))).toBe(-250.5)
    expect(number(value('\u2212250.5', 'en-US'))).toBe(-250.5)
    expect(number(value('+3', 'en-US'))).toBe(3)
    expect(number(value('-0', 'en-US'))).toBe(0)
    expect(Object.is(number(value('-0', 'en-US')), -0)).toBe(false)
  })

  it('says blank text is empty, spaces around the number aside', () => {
    expect(value('', 'en-US')).toEqual({ status: 'empty' })
    expect(value('   ', 'de-DE')).toEqual({ status: 'empty' })
    expect(number(value('  42  ', 'de-DE'))).toBe(42)
  })

  it('holds a field to its number of decimals', () => {
    expect(number(value('250,55', 'de-DE', 2))).toBe(250.55)
    expect(problemOf(value('250,555', 'de-DE', 2))).toMatch(/^Use at most two decimals\./)
    expect(problemOf(value('250.5', 'en-US', 0))).toMatch(/^Use a whole number\./)
    expect(problemOf(value('1.5', 'en-US', 1))).toBeNull()
  })

  it('reads back what a field shows, in every locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'es-ES', 'sv-SE'])
      for (const shown of [0, 0.5, 250.5, 1234.25, 60000, 1484124.125, -42.5]) {
        const text = formatNumberForInput(shown, locale)
        expect({ locale, text, read: number(readNumber(text, {}, locale)) }).toEqual({
          locale,
          text,
          read: shown,
        })
      }
    expect(formatNumberForInput(60000.5, 'de-DE')).toBe('60.000,5')
  })

  it('names the convention with the locale’s own examples', () => {
    expect(numberConvention('fr-FR')).toBe(
      'Numbers are read as in French (France): a comma before decimals and a space (or nothing) between thousands, as in 60\u202f000 or 250,5.',
    )
  })
})
