/**
 * The periods a monthly usage report covers: subscription periods and calendar months, as UTC
 * day ranges `[start, end)` (end exclusive, as in the API's usage query, shared/API.md "Usage
 * query"), and how a period is written in an address.
 *
 * - A subscription period runs from the subscription start's day of the month to the same day a
 *   month later, counted from the start itself so that a clamped short month does not stick
 *   (domain/subscriptions.ts `currentPeriod`, domain/dates.ts `addMonths`): started 2021-01-31,
 *   the periods are 01-31, 02-28, 03-31…
 * - A calendar month runs from its 1st to the 1st of the next month.
 *
 * In an address (`?period=`): absent, the current subscription period (the API picks it when a
 * usage request names no dates); `YYYY-MM`, that calendar month; `YYYY-MM-DD`, the subscription
 * period that starts on that day. Periods that start after today have no usage and are refused.
 */
import { addMonths, isCalendarDate, type IsoDate } from './dates'
import { currentPeriod, periodIndex } from './subscriptions'

export type ReportPeriod =
  /** The current subscription period: its dates come from the API's answer (the API knows them). */
  | { kind: 'current' }
  | { kind: 'subscription'; start: IsoDate; end: IsoDate }
  | { kind: 'month'; start: IsoDate; end: IsoDate }

const MONTH_PATTERN = /^\d{4}-\d{2}$/

/** The calendar month `YYYY-MM` as `[1st, 1st of the next month)`; null when it is not a month. */
export function calendarMonth(month: string): { start: IsoDate; end: IsoDate } | null {
  const start = `${month}-01`
  if (!MONTH_PATTERN.test(month) || !isCalendarDate(start)) return null
  return { start, end: addMonths(start, 1) }
}

/**
 * The subscription period that starts on `day`. With the subscription's start known, `day` must be
 * one of its period starts, on or after the subscription start (null otherwise), and the end is
 * counted from the subscription start (so 2021-02-28 of a subscription started 2021-01-31 ends
 * 2021-03-31). Without it (the hosted API does not give it), the period is a month from `day`.
 */
export function subscriptionPeriodFrom(
  day: IsoDate,
  subscriptionStart: IsoDate | undefined,
): { start: IsoDate; end: IsoDate } | null {
  if (!isCalendarDate(day)) return null
  if (subscriptionStart === undefined) return { start: day, end: addMonths(day, 1) }
  if (day < subscriptionStart) return null
  const period = currentPeriod(subscriptionStart, day)
  return period.start === day ? period : null
}

/**
 * The period of an address's `period` parameter (see the module's comment), or null when it names
 * none: not a month or day, not a period start of this subscription, or starting after `today`.
 */
export function parseReportPeriod(
  param: string | null,
  subscriptionStart: IsoDate | undefined,
  today: IsoDate,
): ReportPeriod | null {
  if (param === null || param === '') return { kind: 'current' }
  const month = MONTH_PATTERN.test(param) ? calendarMonth(param) : null
  if (month) return month.start <= today ? { kind: 'month', ...month } : null
  const period = subscriptionPeriodFrom(param, subscriptionStart)
  return period && period.start <= today ? { kind: 'subscription', ...period } : null
}

/** The `period` parameter of a period; null for the current subscription period (the default). */
export function reportPeriodParam(period: ReportPeriod): string | null {
  if (period.kind === 'current') return null
  return period.kind === 'month' ? period.start.slice(0, 7) : period.start
}

/**
 * Up to `count` subscription periods before the current one, latest first, none starting before
 * the subscription did. Started 2026-08-20, on 2026-11-28: 2026-10-20 to 11-20, 09-20 to 10-20,
 * 08-20 to 09-20.
 */
export function previousSubscriptionPeriods(
  subscriptionStart: IsoDate,
  today: IsoDate,
  count: number,
): { start: IsoDate; end: IsoDate }[] {
  const periods: { start: IsoDate; end: IsoDate }[] = []
  // Each earlier period counts from the subscription start, so a clamped short month does not stick.
  const index = periodIndex(subscriptionStart, today)
  for (let back = index - 1; back >= 0 && periods.length < count; back -= 1)
    periods.push({ start: addMonths(subscriptionStart, back), end: addMonths(subscriptionStart, back + 1) })
  return periods
}

/**
 * Up to `count` calendar months, latest first: this month (so far) and those before it, none
 * before the month of `earliest` when given. On 2026-11-28 with 3: November, October, September 2026.
 */
export function recentCalendarMonths(
  today: IsoDate,
  count: number,
  earliest?: IsoDate,
): { start: IsoDate; end: IsoDate }[] {
  const thisMonth = `${today.slice(0, 7)}-01`
  const first = earliest === undefined ? null : `${earliest.slice(0, 7)}-01`
  const months: { start: IsoDate; end: IsoDate }[] = []
  for (let back = 0; months.length < count; back += 1) {
    const start = addMonths(thisMonth, -back)
    if (first !== null && start < first) break
    months.push({ start, end: addMonths(start, 1) })
  }
  return months
}
