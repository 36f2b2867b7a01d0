// Calendar arithmetic in UTC on `YYYY-MM-DD` strings. The usage API thinks in UTC calendar days,
// so the dashboard never lets the browser's time zone near a bucket boundary.
import { isCalendarDate } from '../../../api/rules'

/** A UTC calendar day, written YYYY-MM-DD. */
export type IsoDate = string

const DAY_MS = 86_400_000

export function toDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00Z`)
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

/** The UTC calendar day that `now` falls in. */
export function utcToday(now: Date): IsoDate {
  return toIsoDate(now)
}

/** The calendar day of an API timestamp such as 2020-11-20T00:00:00Z. */
export function dayOfTimestamp(timestamp: string): IsoDate {
  // A UTC timestamp (…Z) starts with its UTC day: read it instead of parsing (thousands per answer).
  if (timestamp.endsWith('Z') && timestamp[10] === 'T') return timestamp.slice(0, 10)
  return toIsoDate(new Date(timestamp))
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(toDate(day).getTime() + days * DAY_MS))
}

/** Whole days from `start` to `end` (negative when end is earlier). */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return Math.round((toDate(end).getTime() - toDate(start).getTime()) / DAY_MS)
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

/**
 * `months` calendar months after `anchor`, keeping the anchor's day of the month and clamping it
 * to the month's last day (anchor 2021-01-31: +1 → 2021-02-28, +2 → 2021-03-31). This is how the
 * API steps month buckets, so it always counts from the anchor, never from the previous step.
 */
export function addMonthsAnchored(anchor: IsoDate, months: number): IsoDate {
  const date = toDate(anchor)
  const monthIndex = date.getUTCMonth() + months
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12)
  const month = ((monthIndex % 12) + 12) % 12
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month))
  return toIsoDate(new Date(Date.UTC(year, month, day)))
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isCalendarDate(value)
}

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
