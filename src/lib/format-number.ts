/**
 * Numbers for people, one rule per kind of number, in the reader's locale (as src/lib/format-date.ts
 * writes dates): "53,241.40" in en-US, "53.241,40" in de-DE.
 *
 * - Credits: always two decimals ("53,241.40", "55,025.12"); the exact form keeps every decimal the
 *   API gave, and at least two, so a column of credits lines up.
 * - Bytes: decimal (SI) units, 1 KB = 1000 bytes, as storage and network providers bill them, with
 *   one decimal above bytes ("20.1 GB", "12.1 GB"); whole bytes below 1 KB. The exact form is the
 *   whole number of bytes.
 * - Percentages: Intl's percent style of the locale, one decimal ("17.0%" in en-US, "17,0 %" in
 *   de-DE). Shares have no sign ("33.8%"); changes always have one ("+12.3%", "-50.0%", the
 *   locale's minus); a change that rounds to zero is "no change", never "▲ 0%".
 * - Counts (members, projects, days, rows): whole numbers with the locale's grouping ("10,000",
 *   "10.000"); chart ticks are counts too, shortened by the locale's compact notation with the
 *   same grouping ("3.5K" in en-US; de-DE shortens from a million: "3.500" beside "10.500", never
 *   "3500").
 *
 * Every function takes the locale last, for tests; left out, the runtime's default locale (the
 * browser's language) is used.
 */

// Creating an Intl.NumberFormat costs far more than using one: keep one per locale and style.
const formats = new Map<string, Intl.NumberFormat>()
function formatter(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

const CREDITS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 }
const EXACT_CREDITS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 20 }
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 }
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 }
const SHARE: Intl.NumberFormatOptions = { style: 'percent', ...ONE_DECIMAL }
const WHOLE_SHARE: Intl.NumberFormatOptions = { style: 'percent', ...WHOLE }
const CHANGE: Intl.NumberFormatOptions = { ...SHARE, signDisplay: 'exceptZero' }
// Compact notation groups only from five digits by default ("3500" beside "10.500" in de-DE):
// grouped as counts are.
const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1, useGrouping: true }

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const

/** What the byte units mean, said once on every page that shows volumes. */
export const BYTES_NOTE = 'Volumes in decimal units: 1 KB = 1000 bytes, 1 MB = 1000 KB, 1 GB = 1000 MB.'

/** Credits, two decimals: 1484124 → "1,484,124.00". */
export function formatCredits(credits: number, locale?: string): string {
  return formatter(locale, CREDITS).format(credits)
}

/** Credits as the API gave them, every decimal kept and at least two: 0.125 → "0.125", 3 → "3.00". */
export function formatExactCredits(credits: number, locale?: string): string {
  return formatter(locale, EXACT_CREDITS).format(credits)
}

/** Bytes in decimal units, one decimal above bytes: 1234567 → "1.2 MB"; 999 → "999 bytes". */
export function formatBytes(bytes: number, locale?: string): string {
  return bytesIn(bytes, locale, ONE_DECIMAL)
}

/** An axis tick of bytes: as {@link formatBytes}, without a trailing ".0" ("900 MB", "1.4 GB"). */
export function formatBytesTick(bytes: number, locale?: string): string {
  return bytesIn(bytes, locale, { maximumFractionDigits: 1 })
}

function bytesIn(bytes: number, locale: string | undefined, fraction: Intl.NumberFormatOptions): string {
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${formatter(locale, unit === 0 ? WHOLE : fraction).format(value)} ${BYTE_UNITS[unit]}`
}

/** The whole number of bytes, with the locale's thousands separators: "1,234,567". */
export function formatExactBytes(bytes: number, locale?: string): string {
  return formatter(locale, WHOLE).format(bytes)
}

/** A share of a whole, 0 to 1: 0.17 → "17.0%" (en-US), "17,0 %" (de-DE). */
export function formatShare(fraction: number, locale?: string): string {
  return formatter(locale, SHARE).format(fraction)
}

/** A share of a rule or threshold, whole percents: 0.75 → "75%" (en-US), "75 %" (de-DE). */
export function formatWholeShare(fraction: number, locale?: string): string {
  return formatter(locale, WHOLE_SHARE).format(fraction)
}

/**
 * A relative change, 0.25 being 25% more, in the share's percent style with a sign: "+25.0%",
 * "-50.0%" (en-US), "-50,0 %" (de-DE); "no change" when it rounds to 0.0% (the sign would say more
 * than the number).
 */
export function formatChange(fraction: number, locale?: string): string {
  if (changeDirection(fraction) === 'flat') return 'no change'
  return formatter(locale, CHANGE).format(fraction)
}

/** Whether a change is up, down or none once written by {@link formatChange}: for its arrow. */
export function changeDirection(fraction: number): 'up' | 'down' | 'flat' {
  const rounded = Math.round(fraction * 1000) / 10
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat'
}

/** A count of things: 1234 → "1,234"; with `fractionDigits`, at most that many decimals: 16.5. */
export function formatCount(count: number, locale?: string, fractionDigits = 0): string {
  return formatter(locale, { maximumFractionDigits: fractionDigits }).format(count)
}

/** Short axis ticks: "3.5K", "1.2M" (en-US); "3.500", "1,2 Mio." (de-DE). */
export function formatCompact(value: number, locale?: string): string {
  return formatter(locale, COMPACT).format(value)
}
