// What the usage page shows, as it lives in the URL:
//   ?range=period|previous-period|7d|30d|90d|12m|custom&interval=day|month&start=YYYY-MM-DD&end=YYYY-MM-DD
//    &compare=previous
// `start`/`end` only for custom ranges; `end` is exclusive, as in the API, so a link reads like
// the request it makes. Relative ranges are resolved against a `now` passed in, in UTC. Custom
// dates the API would refuse (a hand-made or edited address) are caught as the address is read:
// such a view asks nothing, and carries what to fix.
import {
  addDays,
  addMonths,
  dayOfTimestamp,
  daysBetween,
  utcToday,
  type IsoDate,
} from '../../../../domain/dates'
import { previousPeriod, type PreviousPeriod } from '../../../../domain/subscriptions'
import {
  isUsageInterval,
  MAX_DAY_INTERVAL_DAYS,
  usageRangeProblem,
  type DateRange,
  type RangeProblem,
} from '../../../../domain/usage'
import type { UsageInterval } from '../../../api/types'
import type { UsageRequest } from '../queries'

export const RANGE_PRESETS = ['period', 'previous-period', '7d', '30d', '90d', '12m', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export const RANGE_LABELS: Record<RangePreset, string> = {
  period: 'Current subscription period',
  'previous-period': 'Previous subscription period',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  custom: 'Custom dates',
}

export interface UsageView {
  range: RangePreset
  interval: UsageInterval
  /** Only for custom ranges; kept as typed (possibly invalid) so the page can say what is wrong. */
  start?: string
  end?: string
  /** `compare=previous`: the previous range drawn faintly behind this one. */
  compare?: true
  /**
   * Set by {@link parseUsageView} on custom dates the API would refuse ({@link customRangeProblem}):
   * what is wrong and which date to fix. Nothing is asked for such a view.
   */
  problem?: RangeProblem
}

/** Day buckets read best up to a year; longer views default to months. */
export function defaultInterval(range: RangePreset): UsageInterval {
  return range === '12m' ? 'month' : 'day'
}

const isRangePreset = (value: string | null): value is RangePreset =>
  value !== null && (RANGE_PRESETS as readonly string[]).includes(value)

export function parseUsageView(params: URLSearchParams): UsageView {
  const rangeParam = params.get('range')
  const range = isRangePreset(rangeParam) ? rangeParam : 'period'
  const intervalParam = params.get('interval')
  const interval = isUsageInterval(intervalParam) ? intervalParam : defaultInterval(range)
  const compare = params.get('compare') === COMPARE_PREVIOUS ? { compare: true as const } : {}
  if (range !== 'custom') return { range, interval, ...compare }
  const dates = { start: params.get('start') ?? '', end: params.get('end') ?? '' }
  const problem = customRangeProblem(dates, interval)
  return { range, interval, ...dates, ...compare, ...(problem ? { problem } : {}) }
}

/**
 * What is wrong with custom dates (`end` exclusive) for `interval`, or null when the API takes
 * them: a date left out (of the address, or a field left empty), then the API's own rules
 * (domain/usage.ts `usageRangeProblem`: real days, end after start, at most 366 days by day and
 * 10 years by month; shared/API.md "Usage query"). The one check of both the address and the
 * range picker, so the page never sends a range the API would refuse.
 */
export function customRangeProblem(range: DateRange, interval: UsageInterval): RangeProblem | null {
  if (range.start === '') return { field: 'start', message: 'Choose the first day of the range.' }
  if (range.end === '') return { field: 'end', message: 'Choose the last day of the range.' }
  return usageRangeProblem(range, interval)
}

/** Custom dates the API would refuse: not asked; {@link UsageView.problem} says what to fix. */
export interface RefusedRange {
  kind: 'refused'
  problem: RangeProblem
}

export function isRefusedRange<T extends object>(range: T | RefusedRange | null): range is RefusedRange {
  return range !== null && 'kind' in range && range.kind === 'refused'
}

const COMPARE_PREVIOUS = 'previous'

/** The search params of a view; defaults are left out so that links stay short. */
export function usageViewSearch(view: UsageView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.range !== 'period') params.set('range', view.range)
  if (view.interval !== defaultInterval(view.range)) params.set('interval', view.interval)
  if (view.range === 'custom') {
    params.set('start', view.start ?? '')
    params.set('end', view.end ?? '')
  }
  if (view.compare) params.set('compare', COMPARE_PREVIOUS)
  return params
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

export interface Comparison {
  /** The part of the shown range compared: all of it, or its whole days so far (up to today, excluded). */
  current: DateRange
  /**
   * The range before, whole; or, when `isPartial`, as many days from its start as `current` has
   * (all of it when it is shorter: it never reaches into the shown range).
   */
  previous: DateRange
  /** True when the shown range goes past today and only its days so far are compared. */
  isPartial: boolean
  /**
   * The range before in words, when it is a subscription period or calendar months ("the previous
   * subscription period"): months differ in length, so it may be shorter or longer than the shown
   * one. Null for days just before (see {@link previousNameOf}).
   */
  previousName: string | null
}

/**
 * How the range compared with a view's ({@link comparedRange}) is named: the period or months it
 * is, or null when it is as many days just before (the last 7, 30 or 90 days, custom dates).
 */
export function previousNameOf(range: RangePreset): string | null {
  switch (range) {
    case 'period':
      return 'the previous subscription period'
    case 'previous-period':
      return 'the subscription period before it'
    case '12m':
      return 'the 12 months before'
    default:
      return null
  }
}

/**
 * What the change is measured against. A range that is over compares with the whole range before
 * (a period with the previous period, whatever their lengths). A range still running (the current
 * subscription period) compares its whole days so far, today left out (today is not over: its
 * usage is still coming in), with as many days from the start of the range before: the 16 whole
 * days of this period before today against the first 16 of the last one, not against all 30 of
 * them; 30 days of March against all 28 of February. On a running range's first day there is no
 * whole day yet: `current` is empty ({@link hasWholeDays} is false) and nothing is compared.
 * `previous`: the range before (see {@link comparedRange}), by default {@link previousRange} of
 * the shown one; `previousName`: its name ({@link Comparison.previousName}).
 */
export function comparisonFor(
  shown: DateRange,
  now: Date,
  previous: DateRange = previousRange(shown),
  previousName: string | null = null,
): Comparison {
  const today = utcToday(now)
  if (today >= shown.end || today < shown.start)
    return { current: shown, previous, isPartial: false, previousName }
  const sameDays = addDays(previous.start, daysBetween(shown.start, today))
  return {
    current: { start: shown.start, end: today },
    previous: { start: previous.start, end: sameDays < previous.end ? sameDays : previous.end },
    isPartial: true,
    previousName,
  }
}

/** Whether a comparison has any day to compare (a running range's first day has none yet). */
export function hasWholeDays(comparison: Comparison): boolean {
  return (
    comparison.current.end > comparison.current.start && comparison.previous.end > comparison.previous.start
  )
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
