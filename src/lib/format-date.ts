/**
 * Dates for people, written one way everywhere: in the reader's locale, by Intl
 * ("Nov 19, 2026" in en-US, "19.11.2026" in de-DE, "19 Nov 2026" in en-GB).
 *
 * A calendar day (`YYYY-MM-DD`, or a UTC bucket boundary of the API: usage buckets, periods,
 * expiry days) is written as the UTC day it names, in every time zone, so a reader west of
 * Greenwich does not see the day before nor one in Auckland the day after. A moment (an audit
 * event, a sign-up, a token's last use) is written in the reader's own time zone, as a clock on
 * their wall would show it; with its time, the zone is named ("7:43 PM PST"), since it is not the
 * UTC of the days beside it.
 *
 * Every function takes the locale last, for tests and for the rare caller that knows better than
 * the browser; left out, the runtime's default locale (the browser's language) is used.
 */

type Options = Intl.DateTimeFormatOptions

// Creating an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formats = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string | undefined, options: Options): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

const DAY: Options = { dateStyle: 'medium', timeZone: 'UTC' }
const LONG_DAY: Options = { dateStyle: 'long', timeZone: 'UTC' }
const SHORT_DAY: Options = { day: 'numeric', month: 'short', timeZone: 'UTC' }
const MONTH: Options = { month: 'short', year: 'numeric', timeZone: 'UTC' }
const MOMENT_DAY: Options = { dateStyle: 'medium' }
const MOMENT: Options = { dateStyle: 'medium', timeStyle: 'short' }
// Intl does not take a zone name beside dateStyle: it is read from a format of its own.
const ZONE: Options = { timeZoneName: 'short' }

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/

/** A `YYYY-MM-DD` day or an ISO timestamp as a Date; null when it is neither. */
function parse(value: string): Date | null {
  const date = new Date(CALENDAR_DAY.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A UTC calendar day (`2026-11-19`, or the UTC day of a timestamp): "Nov 19, 2026". */
export function formatDay(day: string, locale?: string): string {
  const date = parse(day)
  return date ? formatter(locale, DAY).format(date) : day
}

/** A UTC calendar day without its year, for chart ticks: "Nov 19". */
export function formatShortDay(day: string, locale?: string): string {
  const date = parse(day)
  return date ? formatter(locale, SHORT_DAY).format(date) : day
}

/** The UTC month of a day: "Nov 2026". */
export function formatMonth(day: string, locale?: string): string {
  const date = parse(day)
  return date ? formatter(locale, MONTH).format(date) : day
}

/**
 * Two UTC calendar days, both included, as one range in the reader's locale, what they share
 * written once: "Nov 19 – Dec 18, 2026"; one day when they are the same.
 */
export function formatDayRange(first: string, last: string, locale?: string): string {
  return range(first, last, locale, DAY)
}

/** As formatDayRange, with the months written out, for headings: "November 19 – December 18, 2026". */
export function formatLongDayRange(first: string, last: string, locale?: string): string {
  return range(first, last, locale, LONG_DAY)
}

function range(first: string, last: string, locale: string | undefined, options: Options): string {
  const start = parse(first)
  const end = parse(last)
  if (!start || !end) return `${first} – ${last}`
  const format = formatter(locale, options)
  if (end <= start) return format.format(start)
  // ICU puts thin spaces around the range's dash in some versions and not in others (Node and
  // Chromium differ): one plain space, whichever wrote it, so a range reads and matches the same.
  return format.formatRange(start, end).replace(/\s*\u2009\s*/g, ' ')
}

/**
 * A date for a field that may be empty: "—" for none. A `YYYY-MM-DD` day is written as that UTC
 * day; a timestamp as its day in the reader's time zone.
 */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return '—'
  const date = parse(value)
  if (!date) return value
  return formatter(locale, CALENDAR_DAY.test(value) ? DAY : MOMENT_DAY).format(date)
}

/**
 * A moment with its time, in the reader's time zone, named: "Nov 19, 2026, 7:43 PM PST" (en-US in
 * Los Angeles), "20.11.2026, 16:43 GMT+13" (de-DE in Auckland). `timeZone` for tests (an IANA name).
 */
export function formatDateTime(timestamp: string | Date, locale?: string, timeZone?: string): string {
  const date = typeof timestamp === 'string' ? parse(timestamp) : timestamp
  if (!date) return String(timestamp)
  const inZone = (options: Options) => formatter(locale, timeZone ? { ...options, timeZone } : options)
  const zone = inZone(ZONE)
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value
  const moment = inZone(MOMENT).format(date)
  return zone ? `${moment} ${zone}` : moment
}
