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
