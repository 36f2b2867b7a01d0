// The dates of a usage view (./usage-address.ts), resolved against a `now` passed in, in UTC: the
// range it shows, the range before it, and the request each makes. Pure.
import {
  addDays,
  addMonths,
  dayOfTimestamp,
  daysBetween,
  utcToday,
  type IsoDate,
} from '../../../../domain/dates'
import { previousPeriod, type PreviousPeriod } from '../../../../domain/subscriptions'
import { MAX_DAY_INTERVAL_DAYS, type DateRange, type RangeProblem } from '../../../../domain/usage'
import type { UsageInterval } from '../../../api/types'
import type { UsageRequest } from '../queries'
import type { UsageView } from './usage-address'

/** Custom dates the API would refuse: not asked; {@link UsageView.problem} says what to fix. */
export interface RefusedRange {
  kind: 'refused'
  problem: RangeProblem
}

export function isRefusedRange<T extends object>(range: T | RefusedRange | null): range is RefusedRange {
  return range !== null && 'kind' in range && range.kind === 'refused'
}

/** What the subscription periods are worked out from: the organization's detail. */
export interface SubscriptionDays {
  /** null where the API does not give it (it is an addition of this API; see shared/API.md). */
  subscriptionStart: IsoDate | null
  /** The UTC day the organization was created. */
  createdOn: IsoDate
}

export function subscriptionDaysOf(organization: {
  subscription_start_date?: string
  creation_date: string
}): SubscriptionDays {
  return {
    subscriptionStart: organization.subscription_start_date ?? null,
    createdOn: dayOfTimestamp(organization.creation_date),
  }
}

/**
 * Why a previous period cannot be shown: none yet (domain/subscriptions.ts `previousPeriod`), or
 * `unknown` when the organization's subscription start is not known (not given by the API, or its
 * detail not loaded yet).
 */
export type NoPeriod = Extract<PreviousPeriod, { kind: 'none' }> | { kind: 'none'; reason: 'unknown' }

function periodBefore(day: IsoDate, subscription: SubscriptionDays | undefined): DateRange | NoPeriod {
  if (!subscription?.subscriptionStart) return { kind: 'none', reason: 'unknown' }
  const found = previousPeriod(subscription.subscriptionStart, day, subscription.createdOn)
  return found.kind === 'none' ? found : { start: found.start, end: found.end }
}

export function isNoPeriod<T extends object>(range: T | NoPeriod | null): range is NoPeriod {
  return range !== null && 'kind' in range && range.kind === 'none'
}

/**
 * The dates a view asks the API for, or null for the subscription period (the API knows it; the
 * page reads it back from the answer's first and last bucket). Relative ranges end with today
 * (today included, so the latest usage shows): "last 7 days" on 2026-11-28 is 11-22 up to 11-29.
 * "Last 12 months" is 12 calendar months, this one included, so month buckets start on the 1st.
 * The previous subscription period comes from the organization's subscription start, or says why
 * there is none. Custom dates with a {@link UsageView.problem} are refused, not asked.
 */
export function requestedRange(
  view: UsageView,
  now: Date,
  subscription?: SubscriptionDays,
): DateRange | NoPeriod | RefusedRange | null {
  const tomorrow = addDays(utcToday(now), 1)
  switch (view.range) {
    case 'period':
      return null
    case 'previous-period':
      return periodBefore(utcToday(now), subscription)
    case '7d':
      return { start: addDays(tomorrow, -7), end: tomorrow }
    case '30d':
      return { start: addDays(tomorrow, -30), end: tomorrow }
    case '90d':
      return { start: addDays(tomorrow, -90), end: tomorrow }
    case '12m': {
      const firstOfMonth = `${utcToday(now).slice(0, 8)}01`
      return { start: addMonths(firstOfMonth, -11), end: addMonths(firstOfMonth, 1) }
    }
    case 'custom':
      return view.problem
        ? { kind: 'refused', problem: view.problem }
        : { start: view.start ?? '', end: view.end ?? '' }
  }
}

/**
 * The range drawn behind the shown one when comparing: the same length immediately before it.
 * The current subscription period: the previous period; the previous period: the one before;
 * the last 12 months: the 12 months before; the last 7, 30 or 90 days and custom ranges: as many
 * days before. Known from the view alone (so it is asked beside the shown range), except for the
 * current period of an organization whose subscription start the API does not give: then the
 * period on screen (`shown`, the API's answer) steps back a month, and it is null until that is in.
 * Null also for custom dates the API would refuse.
 */
export function comparedRange(
  view: UsageView,
  now: Date,
  subscription?: SubscriptionDays,
  shown?: DateRange | null,
): DateRange | NoPeriod | null {
  if (view.range === 'period' || view.range === 'previous-period') {
    const current = view.range === 'period' ? null : periodBefore(utcToday(now), subscription)
    if (isNoPeriod(current)) return current
    const before = periodBefore(current ? current.start : utcToday(now), subscription)
    if (isNoPeriod(before) && before.reason === 'unknown') return shown ? previousRange(shown) : null
    return before
  }
  const range = requestedRange(view, now)
  if (!range || isNoPeriod(range) || isRefusedRange(range)) return null
  if (view.range === '12m') return previousRange(range)
  return { start: addDays(range.start, -daysBetween(range.start, range.end)), end: range.start }
}

/**
 * The range just before `range`, of the same length, to compare totals with. A range of whole
 * anchored months (a subscription period, the last 12 months) steps back by the same number of
 * months, so that a period is compared with the previous period; any other range by its days.
 */
export function previousRange(range: DateRange): DateRange {
  const months = wholeMonths(range)
  if (months !== null) return { start: addMonths(range.start, -months), end: range.start }
  return { start: addDays(range.start, -daysBetween(range.start, range.end)), end: range.start }
}

/** How many anchored months make up the range exactly, or null when it is not whole months. */
export function wholeMonths(range: DateRange): number | null {
  const estimate = Math.round(daysBetween(range.start, range.end) / 30.44)
  for (const months of [estimate - 1, estimate, estimate + 1]) {
    if (months > 0 && addMonths(range.start, months) === range.end) return months
  }
  return null
}

/** The interval to ask totals of a range with: any fits, so the finest the API allows for its length. */
export function totalsInterval(range: DateRange): UsageInterval {
  return daysBetween(range.start, range.end) <= MAX_DAY_INTERVAL_DAYS ? 'day' : 'month'
}

/**
 * What the API is asked for a view: the period sends no dates, so the API picks it. A previous
 * period that does not exist (or cannot be known), or custom dates the API would refuse, are not
 * asked: the reason is returned instead.
 */
export function usageRequest(
  view: UsageView,
  now: Date,
  subscription?: SubscriptionDays,
): UsageRequest | NoPeriod | RefusedRange {
  const range = requestedRange(view, now, subscription)
  if (isNoPeriod(range) || isRefusedRange(range)) return range
  return range ? { ...range, interval: view.interval } : { interval: view.interval }
}

/** The request to send for {@link usageRequest}'s answer, or null when nothing is asked (no period, refused dates). */
export function askedRequest(request: UsageRequest | NoPeriod | RefusedRange): UsageRequest | null {
  return isNoPeriod(request) || isRefusedRange(request) ? null : request
}
