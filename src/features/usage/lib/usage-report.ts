// The monthly report's choice of period (the arithmetic is domain/report-periods.ts) and what it
// asks the API: day buckets of one period, and the period before it to compare with.
import {
  parseReportPeriod,
  previousSubscriptionPeriods,
  recentCalendarMonths,
  reportPeriodParam,
  type ReportPeriod,
} from '../../../../domain/report-periods'
import { addDays, utcToday, type IsoDate } from '../../../../domain/dates'
import { currentPeriod } from '../../../../domain/subscriptions'
import type { DateRange } from '../../../../domain/usage'
import type { UsageRequest } from '../queries'
import { formatDay, formatMonth, formatSpan } from './dates'
import type { Bucket } from './usage-series'
import { containsNow } from './usage-summary'
import { previousNameOf } from './comparison'

/** How many earlier subscription periods and calendar months the report offers. */
export const REPORT_PERIOD_CHOICES = 12

/** The report's period from its `?period=`, or null when that names none (see domain/report-periods). */
export function reportPeriodOf(
  param: string | null,
  subscriptionStart: IsoDate | undefined,
  now: Date,
): ReportPeriod | null {
  return parseReportPeriod(param, subscriptionStart, utcToday(now))
}

/**
 * The request of a report: its period by day (a period is at most 31 days, well within the API's
 * day limit). The current subscription period sends no dates, so the API picks it, as on the usage page.
 */
export function reportRequest(period: ReportPeriod): UsageRequest {
  return period.kind === 'current'
    ? { interval: 'day' }
    : { start: period.start, end: period.end, interval: 'day' }
}

/**
 * What a report's period is compared with, named for the totals' note (`comparisonNote` in
 * ./compare.ts): the subscription period or the calendar month before it (`previousRange` steps a
 * period or a month back by a month).
 */
export function reportPreviousName(period: ReportPeriod): string {
  switch (period.kind) {
    // A subscription period is named as the usage page names it (comparison.ts `previousNameOf`).
    case 'current':
      return previousNameOf('period')!
    case 'subscription':
      return previousNameOf('previous-period')!
    case 'month':
      return 'the month before'
  }
}

export interface ReportPeriodOption {
  /** The `period` parameter; '' for the current subscription period. */
  value: string
  label: string
  group: 'Subscription periods' | 'Calendar months'
}

/**
 * The periods to choose from, latest first: the current subscription period and the ones before it
 * (when the subscription's start is known: the hosted API does not say it), then calendar months
 * from this one back, none before the subscription started. The period on screen is always among
 * them, even when it is older than the choices.
 */
export function reportPeriodOptions(
  subscriptionStart: IsoDate | undefined,
  now: Date,
  selected: ReportPeriod,
): ReportPeriodOption[] {
  const today = utcToday(now)
  const options: ReportPeriodOption[] = [
    { value: '', label: 'Current subscription period', group: 'Subscription periods' },
  ]
  if (subscriptionStart !== undefined)
    for (const period of previousSubscriptionPeriods(subscriptionStart, today, REPORT_PERIOD_CHOICES))
      options.push({
        value: period.start,
        label: formatSpan(period.start, period.end),
        group: 'Subscription periods',
      })
  for (const month of recentCalendarMonths(today, REPORT_PERIOD_CHOICES, subscriptionStart))
    options.push({
      value: month.start.slice(0, 7),
      label: `${formatMonth(month.start)}${month.end > today ? ' (so far)' : ''}`,
      group: 'Calendar months',
    })
  const value = reportPeriodParam(selected) ?? ''
  if (selected.kind !== 'current' && !options.some((option) => option.value === value))
    options.push(
      selected.kind === 'month'
        ? { value, label: formatMonth(selected.start), group: 'Calendar months' }
        : { value, label: formatSpan(selected.start, selected.end), group: 'Subscription periods' },
    )
  return options
}

/**
 * The report's dates when the period is still running on `now` (today, UTC, lies in it), else null.
 * A running period is reported as the usage page reports the current subscription period: its
 * totals are so far, through today, and each gets a projection to the period's end
 * (usage-summary.ts `projectToPeriodEnd`), be it a subscription period or a calendar month.
 */
export function runningRange(range: DateRange | null, now: Date): DateRange | null {
  return range && containsNow(range, now) ? range : null
}

/**
 * The name the report's PDF is offered under (the browser's "Save as PDF" takes the page's title):
 * `usage-report-acme-2026-11-01-to-2026-11-30`, the last day included, as the CSV names its days.
 */
export function reportFileName(organization: string, range: DateRange): string {
  return `usage-report-${organization}-${range.start}-to-${addDays(range.end, -1)}`
}

/**
 * The report's "Period" fact as short sentences (the fact's heading says the days are UTC): its
 * days, what kind of period it is, and whether its totals are whole or so far. "Subscription
 * period" means here what it means on the usage and budget pages: one month of the subscription,
 * counted from the day it started (not the subscription's whole term).
 */
export function periodSentences(period: ReportPeriod, range: DateRange, now: Date): string[] {
  const today = utcToday(now)
  const kind =
    period.kind === 'month'
      ? 'It is a calendar month.'
      : `It is ${period.kind === 'current' ? 'the current' : 'a'} subscription period: one month of the subscription, counted from the day it started.`
  const state = containsNow(range, now)
    ? `It is still running, so the totals are so far, through ${formatDay(today)}.`
    : `It is over: the totals are whole.`
  return [`${formatSpan(range.start, range.end)}, both days included.`, kind, state]
}

/**
 * The data with only the buckets that have begun by `today` (the rest of a running period has no
 * usage yet): the report's per-day table lists the days so far, not zeros to come. The series'
 * values are left whole, so their totals (the future's are 0) stay the period's.
 */
export function bucketsSoFar<T extends { buckets: Bucket[] }>(data: T, today: IsoDate): T {
  const shown = data.buckets.filter((bucket) => bucket.start <= today)
  return shown.length === data.buckets.length ? data : { ...data, buckets: shown }
}

/**
 * The dates a report's period asks for: its own, or for the current subscription period those of
 * the subscription when its start is known (else null: the API picks the period, and its answer's
 * buckets say which).
 */
export function reportRange(
  period: ReportPeriod,
  subscriptionStart: IsoDate | undefined,
  now: Date,
): DateRange | null {
  if (period.kind !== 'current') return { start: period.start, end: period.end }
  return subscriptionStart ? currentPeriod(subscriptionStart, utcToday(now)) : null
}
