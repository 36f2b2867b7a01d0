/**
 * Numbers as people type them, read in the reader's locale: the one parser of every number field
 * (the credit budget, the credit limits, the budget split). It reads what src/lib/format-number.ts
 * writes, so a value shown in a field reads back as itself.
 *
 * The locale's own separators, from Intl: de-DE "60.000" is sixty thousand and "250,5" is 250.5;
 * en-US reads them the other way round; fr-FR groups with a narrow no-break space ("60 000"), and
 * any space (typed, no-break, narrow or thin) is read as a thousands separator in every locale.
 * Thousands separators are optional, but where they are typed they must be where the locale puts
 * them (Intl's grouping, so en-IN's "1,00,000" is read too). Anything else is refused with a
 * sentence that says how to write the number, never guessed: "250.5" in de-DE could be a mistyped
 * 2.505 or an en-US 250,5, so it is neither. Digits are the Latin 0–9; a sign may lead ("-", "−", "+").
 *
 * Why not a library: @internationalized/number's NumberParser removes group separators wherever
 * they stand (de-DE "250.5" becomes 2505), which is the very misreading this module refuses.
 *
 * Every function takes the locale last, for tests; left out, the runtime's default locale (the
 * browser's language) is used, as by the formatters.
 */

/** What a field's text reads as: nothing typed, a number, or a sentence saying what to fix. */
export type NumberReading =
  { status: 'empty' } | { status: 'number'; value: number } | { status: 'problem'; problem: string }

export interface ReadNumberOptions {
  /** At most this many digits after the decimal separator (credits: 2); left out, any. */
  maxFractionDigits?: number
}

interface Separators {
  locale: string
  decimal: string
  /** the locale's thousands separator, spaces written as a plain space */
  group: string
  /** how the locale writes sixty thousand and 250.5, for the sentences */
  examples: [string, string]
  /** Intl's grouping of a whole number: `always` on, the locale's positions */
  grouped: Intl.NumberFormat
}

// Any space a keyboard, a copy from a page or Intl itself may put between digit groups.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g
const APOSTROPHES = /['\u2019]/g
const MINUS = /^[-\u2212]/

const separatorsByLocale = new Map<string, Separators>()
function separatorsOf(locale: string | undefined): Separators {
  const key = locale ?? ''
  let known = separatorsByLocale.get(key)
  if (!known) {
    const format = new Intl.NumberFormat(locale, { useGrouping: 'always' })
    const parts = format.formatToParts(1234567.5)
    const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.'
    const group = normaliseGroup(parts.find((part) => part.type === 'group')?.value ?? ',')
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })
    known = {
      locale: format.resolvedOptions().locale,
      decimal,
      group,
      examples: [plain.format(60000), plain.format(250.5)],
      grouped: new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 0 }),
    }
    separatorsByLocale.set(key, known)
  }
  return known
}

function normaliseGroup(text: string): string {
  return text.replace(SPACES, ' ').replace(APOSTROPHES, "'")
}

const NAMES: Record<string, string> = {
  '.': 'a point',
  ',': 'a comma',
  ' ': 'a space',
  "'": 'an apostrophe',
  '\u066b': 'an Arabic decimal separator',
}
const nameOf = (separator: string) => NAMES[separator] ?? `“${separator}”`
const languageNames = new Intl.DisplayNames('en', { type: 'language' })

/**
 * How numbers are written in `locale`, as one sentence for a field's error:
 * "Numbers are read as in German (Germany): a comma before decimals and a point (or nothing)
 * between thousands, as in 60.000 or 250,5."
 */
export function numberConvention(locale?: string): string {
  const { locale: resolved, decimal, group, examples } = separatorsOf(locale)
  const language = languageNames.of(resolved) ?? resolved
  const groups = group === ' ' ? 'a space' : `${nameOf(group)} or a space`
  return (
    `Numbers are read as in ${language}: ${nameOf(decimal)} before decimals and ${groups} (or nothing) ` +
    `between thousands, as in ${examples[0]} or ${examples[1]}.`
  )
}

const problem = (text: string): NumberReading => ({ status: 'problem', problem: text })

/**
 * Reads `text` as a number in `locale`: `{status: 'number', value}`, `{status: 'empty'}` for
 * blank text, or `{status: 'problem', problem}` with a sentence that names the fault and says how
 * to write the number (see the module's rules). Never throws.
 */
export function readNumber(text: string, options: ReadNumberOptions = {}, locale?: string): NumberReading {
  const separators = separatorsOf(locale)
  const { decimal, group } = separators
  let rest = text.trim()
  if (rest === '') return { status: 'empty' }
  let sign = ''
  if (MINUS.test(rest)) sign = '-'
  if (sign || rest.startsWith('+')) rest = rest.slice(1).trimStart()

  const normalised = normaliseGroup(rest)
  const stray = [...normalised].find(
    (char) => !/\d/.test(char) && char !== decimal && char !== group && char !== ' ',
  )
  if (!/\d/.test(normalised) && normalised.length > 1)
    return problem(`“${text.trim()}” is not a number. ${numberConvention(locale)}`)
  if (stray !== undefined) {
    const known = NAMES[stray]
      ? `${nameOf(stray)} is not a separator here`
      : `“${stray}” is not part of a number`
    return problem(`${capitalise(known)}. ${numberConvention(locale)}`)
  }
  const [whole = '', fraction, ...more] = normalised.split(decimal)
  if (more.length > 0)
    return problem(`Type ${nameOf(decimal)} once, before the decimals. ${numberConvention(locale)}`)
  if (fraction !== undefined && !/^\d+$/.test(fraction)) {
    const why =
      fraction === '' ? `Digits must follow ${nameOf(decimal)}.` : 'Thousands come before the decimals.'
    return problem(`${why} ${numberConvention(locale)}`)
  }
  if (whole === '' && fraction === undefined) return problem(`Type digits. ${numberConvention(locale)}`)

  const digits = whole.replace(/[^\d]/g, '')
  if (digits !== whole && !hasGroupsWhereLocalePutsThem(whole, digits, separators))
    return problem(`The thousands separators are not where they belong. ${numberConvention(locale)}`)

  const { maxFractionDigits } = options
  if (maxFractionDigits !== undefined && fraction !== undefined && fraction.length > maxFractionDigits) {
    const most = maxFractionDigits === 0 ? 'a whole number' : `at most ${decimalsIn(maxFractionDigits)}`
    return problem(`Use ${most}. ${numberConvention(locale)}`)
  }
  const value = Number(`${sign}${digits || '0'}.${fraction ?? '0'}`)
  if (!Number.isFinite(value)) return problem(`That number is too large. ${numberConvention(locale)}`)
  return { status: 'number', value: value === 0 ? 0 : value }
}

/** Whether the separators typed in `whole` (spaces or the locale's) stand where Intl groups `digits`. */
function hasGroupsWhereLocalePutsThem(
  whole: string,
  digits: string,
  { group, grouped }: Separators,
): boolean {
  if (digits === '') return false
  const marks = (text: string) =>
    text.replace(group === ' ' ? / /g : new RegExp(`[ ${escape(group)}]`, 'g'), '|')
  const expected = normaliseGroup(grouped.format(BigInt(digits)))
  return marks(whole) === marks(expected)
}

const escape = (text: string) => text.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const decimalsIn = (count: number) =>
  count === 1 ? 'one decimal' : count === 2 ? 'two decimals' : `${count} decimals`

/**
 * A number as a field shows it for editing, in the reader's locale, every decimal kept:
 * 60000.5 → "60,000.5" (en-US), "60.000,5" (de-DE). {@link readNumber} reads it back as itself.
 */
export function formatNumberForInput(value: number, locale?: string): string {
  return numberForInput(locale).format(value)
}

const inputFormats = new Map<string, Intl.NumberFormat>()
function numberForInput(locale: string | undefined): Intl.NumberFormat {
  const key = locale ?? ''
  let format = inputFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })
    inputFormats.set(key, format)
  }
  return format
}
