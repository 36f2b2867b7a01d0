// Dates for people: UTC calendar days (domain/dates.ts) written the way the page shows them.
// The arithmetic lives in domain/, shared with the server.
import { addDays, toDate, type IsoDate } from '../../../../domain/dates'

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** 12 Nov 2026 */
export function formatDay(day: IsoDate): string {
  return dayFormat.format(toDate(day))
}

/** 12 Nov */
export function formatShortDay(day: IsoDate): string {
  return shortDayFormat.format(toDate(day))
}

/** Nov 2026 */
export function formatMonth(day: IsoDate): string {
  return monthFormat.format(toDate(day))
}

/**
 * A bucket or range for people: its first and LAST day, both included (the API's end is the
 * exclusive start of the next day). "12 Nov 2026" for a single day, "12 Nov – 11 Dec 2026" otherwise.
 */
export function formatSpan(start: IsoDate, exclusiveEnd: IsoDate): string {
  const last = addDays(exclusiveEnd, -1)
  if (last <= start) return formatDay(start)
  const sameYear = start.slice(0, 4) === last.slice(0, 4)
  return `${sameYear ? formatShortDay(start) : formatDay(start)} – ${formatDay(last)}`
}

const longDayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const monthNameFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })
const yearOf = (day: IsoDate) => day.slice(0, 4)
const dayOfMonth = (day: IsoDate) => String(Number(day.slice(8, 10)))

/**
 * A range written out in full for a report's heading, its first and LAST day (the end is
 * exclusive, as in the API): "1–30 November 2026", "20 November – 19 December 2026",
 * "20 December 2026 – 19 January 2027", "5 November 2026" for one day.
 */
export function formatLongSpan(start: IsoDate, exclusiveEnd: IsoDate): string {
  const last = addDays(exclusiveEnd, -1)
  if (last <= start) return longDayFormat.format(toDate(start))
  if (yearOf(start) !== yearOf(last))
    return `${longDayFormat.format(toDate(start))} – ${longDayFormat.format(toDate(last))}`
  if (start.slice(5, 7) !== last.slice(5, 7))
    return `${dayOfMonth(start)} ${monthNameFormat.format(toDate(start))} – ${longDayFormat.format(toDate(last))}`
  return `${dayOfMonth(start)}–${longDayFormat.format(toDate(last))}`
}
