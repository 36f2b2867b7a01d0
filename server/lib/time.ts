// Dates and timestamps in the contract's formats, all in UTC.

const MS_PER_DAY = 86_400_000

/** `2020-03-25T15:43:46.101877Z`: the contract's timestamp, with microseconds. */
export function timestamp(date: Date = new Date()): string {
  const iso = date.toISOString() // 2020-03-25T15:43:46.101Z
  // Date has milliseconds only; performance.now() gives the sub-millisecond part of "now".
  const micros = String(Math.floor((performance.now() % 1) * 1000)).padStart(3, '0')
  return `${iso.slice(0, 23)}${micros}Z`
}

/** Today (UTC) as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** Days since 1970-01-01 for a YYYY-MM-DD day. */
export function toEpochDay(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY)
}

export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  return fromEpochDay(toEpochDay(day) + days)
}

/**
 * `day` moved by `months` calendar months, keeping its day of the month, clamped to the month's
 * last day when that day does not exist: Jan 31 + 1 = Feb 28 (29), Jan 31 + 2 = Mar 31. Always
 * count from the original day (not step by step) so the clamp does not stick.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number]
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  const date = new Date(Date.UTC(targetYear, targetMonth, Math.min(dayOfMonth, lastDay)))
  return date.toISOString().slice(0, 10)
}

/** A bucket boundary: `2019-08-01T00:00:00Z`. */
export function dayStart(day: string): string {
  return `${day}T00:00:00Z`
}
