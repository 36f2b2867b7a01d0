// Dates for people: UTC calendar days (domain/dates.ts) written in the one date style of the
// dashboard (src/lib/format-date.ts). The arithmetic lives in domain/, shared with the server; these
// functions only turn the API's exclusive ends into the last day a range includes.
import { addDays, type IsoDate } from '../../../../domain/dates'
import * as dates from '../../../lib/format-date'

/** A UTC day in the reader's locale: "Nov 12, 2026" (en-US), "12.11.2026" (de-DE). */
export function formatDay(day: IsoDate): string {
  return dates.formatDay(day)
}

/** A UTC day without its year, for ticks: "Nov 12". */
export function formatShortDay(day: IsoDate): string {
  return dates.formatShortDay(day)
}

/** "Nov 2026" */
export function formatMonth(day: IsoDate): string {
  return dates.formatMonth(day)
}

/**
 * A bucket or range for people: its first and LAST day, both included (the API's end is the
 * exclusive start of the next day). "Nov 12, 2026" for a single day, "Nov 12 – Dec 11, 2026" otherwise.
 */
export function formatSpan(start: IsoDate, exclusiveEnd: IsoDate): string {
  return dates.formatDayRange(start, addDays(exclusiveEnd, -1))
}

/**
 * A range written out in full for a report's heading, its first and LAST day (the end is
 * exclusive, as in the API): "November 20 – December 19, 2026", "November 5, 2026" for one day.
 */
export function formatLongSpan(start: IsoDate, exclusiveEnd: IsoDate): string {
  return dates.formatLongDayRange(start, addDays(exclusiveEnd, -1))
}
