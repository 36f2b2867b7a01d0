/**
 * UTC calendar days and the API's timestamps, as pure functions on `YYYY-MM-DD` strings.
 *
 * The API thinks in UTC calendar days (shared/API.md, "Timestamps" and "Usage query"), so neither
 * the server nor the dashboard lets a local time zone near a day or a bucket boundary. Every
 * function here takes and returns strings; none reads the clock unless it is given `now`.
 */

/** A UTC calendar day, written YYYY-MM-DD. */
export type IsoDate = string

const MS_PER_DAY = 86_400_000

/** The shape of a date in requests (`YYYY-MM-DD`); {@link isCalendarDate} also checks the day exists. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day written YYYY-MM-DD: `2021-02-28` is one, `2021-02-30` and `2021-2-3` are not. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** {@link isCalendarDate} for values of unknown type (query strings, URL parameters). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isCalendarDate(value)
}

/** Why `value` is not a calendar day, in a sentence; null when it is. */
export function calendarDateProblem(value: string): string | null {
  return isCalendarDate(value) ? null : `Use a real date written YYYY-MM-DD (got ${JSON.stringify(value)}).`
}

/** Midnight UTC at the start of `day`. */
export function toDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** The UTC calendar day of an instant. */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

/** The UTC calendar day that `now` falls in (default: the clock's now). */
export function utcToday(now: Date = new Date()): IsoDate {
  return toIsoDate(now)
}

/** Days since 1970-01-01 for a day (an integer; negative before 1970). */
export function toEpochDay(day: IsoDate): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY)
}

/** The day `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10)
}

/** `day` moved by `days` whole days (negative: earlier). */
export function addDays(day: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(day) + days)
}

/** Whole days from `start` to `end` (negative when end is earlier). */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return toEpochDay(end) - toEpochDay(start)
}

/**
 * `months` calendar months after `anchor` (negative: before), keeping the anchor's day of the month
 * and clamping it to the month's last day when that day does not exist: anchor 2021-01-31 gives
 * +1 → 2021-02-28, +2 → 2021-03-31. This is how the API steps month buckets and subscription
 * periods, so callers always count from the anchor, never from the previous step (the clamp would stick).
 */
export function addMonths(anchor: IsoDate, months: number): IsoDate {
  const [year, month, dayOfMonth] = anchor.split('-').map(Number) as [number, number, number]
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  return toIsoDate(new Date(Date.UTC(targetYear, targetMonth, Math.min(dayOfMonth, lastDay))))
}

/** A bucket boundary as the API writes it: `2019-08-01` → `2019-08-01T00:00:00Z`. */
export function dayStart(day: IsoDate): string {
  return `${day}T00:00:00Z`
}

/** The UTC calendar day of an API timestamp such as `2020-11-20T00:00:00Z` (offsets are honoured). */
export function dayOfTimestamp(timestamp: string): IsoDate {
  // A UTC timestamp (…Z) starts with its UTC day: read it instead of parsing (thousands per answer).
  if (timestamp.endsWith('Z') && timestamp[10] === 'T') return timestamp.slice(0, 10)
  return toIsoDate(new Date(timestamp))
}

/**
 * The contract's timestamp, ISO 8601 UTC with microseconds: `2020-03-25T15:43:46.101877Z`. Date
 * has milliseconds only; `performance.now()` gives the sub-millisecond part of "now".
 */
export function timestamp(date: Date = new Date()): string {
  const iso = date.toISOString() // 2020-03-25T15:43:46.101Z
  const micros = String(Math.floor((performance.now() % 1) * 1000)).padStart(3, '0')
  return `${iso.slice(0, 23)}${micros}Z`
}
