// Every request the usage page and the monthly report make, as one pure function of the address
// and today: the route loaders prefetch exactly these, and the pages ask for exactly these, so
// what a loader warms is what the page reads.
import type { DateRange } from '../../../../domain/usage'
import type { UsageRequest } from '../queries'
import { comparisonFor, hasWholeDays, previousNameOf, type Comparison } from './comparison'
import type { UsageView } from './usage-address'
import type { ReportPeriod } from '../../../../domain/report-periods'
import { reportPreviousName, reportRequest } from './usage-report'
import { historyRequest } from './usage-history'
import {
  askedRequest,
  comparedRange,
  isNoPeriod,
  totalsInterval,
  usageRequest,
  type NoPeriod,
  type SubscriptionDays,
} from './usage-ranges'

/** The requests of a comparison's totals: the range before over the compared days, and the shown range's days so far while it runs. */
export interface ComparisonRequests {
  /** The range before, over `comparison.previous`. */
  totalsBefore: UsageRequest
  /** The shown range's whole days so far (`comparison.current`), only while it runs. */
  shownSoFar: UsageRequest | null
}

/** Totals can be asked by any interval: the finest the API allows for the range's length. */
const totalsRequest = (range: DateRange): UsageRequest => ({ ...range, interval: totalsInterval(range) })

export function comparisonRequests(comparison: Comparison): ComparisonRequests {
  return {
    totalsBefore: totalsRequest(comparison.previous),
    shownSoFar: comparison.isPartial ? totalsRequest(comparison.current) : null,
  }
}

/** A comparison when it has whole days to compare (a running range's first day has none). */
function withWholeDays(comparison: Comparison): Comparison | null {
  return hasWholeDays(comparison) ? comparison : null
}

export interface UsagePlan {
  /** The shown range's request; null when nothing is asked (no such period, dates the API would refuse). */
  shown: UsageRequest | null
  /** Why the shown range (the previous subscription period) does not exist, or null. */
  noPeriod: NoPeriod | null
  /**
   * The range before, whole (`compare=previous` draws it behind the charts, by the view's
   * interval); why there is none; or null while it is not known yet (see `comparedRange`).
   */
  before: DateRange | NoPeriod | null
  /** Its request when comparing, else null. */
  beforeRequest: UsageRequest | null
  /** What the totals' change compares; null until the shown range is known, or with no whole day. */
  comparison: Comparison | null
  /**
   * The history just before the shown range, by the view's interval (./usage-history.ts: the
   * unusual-day marks' references and the weekly projection's weeks); null until the range is known.
   */
  history: UsageRequest | null
  /**
   * The current subscription period by day, when the view is by month: the weekly projection reads
   * days. Null otherwise (a view by day is its own daily data).
   */
  daily: UsageRequest | null
  /** Every request above, shown range first: what the loader prefetches. */
  requests: UsageRequest[]
}

/**
 * The usage page's requests for a view (../lib/usage-address.ts) on `now`. `subscription`: the
 * organization's subscription days (for the previous periods); `shownRange`: the shown range as
 * its answer gives it (the current period's dates are the API's), or left out before it is in,
 * when the requested dates stand for it.
 */
export function usagePlan(
  view: UsageView,
  now: Date,
  subscription: SubscriptionDays | undefined,
  shownRange?: DateRange | null,
): UsagePlan {
  const request = usageRequest(view, now, subscription)
  const shown = askedRequest(request)
  const range = shownRange ?? (shown?.start && shown.end ? { start: shown.start, end: shown.end } : null)
  const before = comparedRange(view, now, subscription, range)
  const beforeRange = before && !isNoPeriod(before) ? before : null
  const beforeRequest = view.compare && beforeRange ? { ...beforeRange, interval: view.interval } : null
  const comparison =
    range && beforeRange
      ? withWholeDays(comparisonFor(range, now, beforeRange, previousNameOf(view.range)))
      : null
  const history = range ? historyRequest(range, view.interval) : null
  const daily =
    range && view.range === 'period' && view.interval === 'month'
      ? { ...range, interval: 'day' as const }
      : null
  return {
    shown,
    noPeriod: isNoPeriod(request) ? request : null,
    before,
    beforeRequest,
    comparison,
    history,
    daily,
    requests: planned(shown, beforeRequest, comparison, [history, daily]),
  }
}

function planned(
  shown: UsageRequest | null,
  before: UsageRequest | null,
  comparison: Comparison | null,
  more: readonly (UsageRequest | null)[] = [],
): UsageRequest[] {
  const totals = comparison && comparisonRequests(comparison)
  return [shown, before, totals?.totalsBefore ?? null, totals?.shownSoFar ?? null, ...more].filter(
    (request): request is UsageRequest => request !== null,
  )
}

export interface ReportPlan {
  shown: UsageRequest
  comparison: Comparison | null
  requests: UsageRequest[]
}

/**
 * The monthly report's requests for its period (../lib/usage-report.ts): the period by day, and
 * once its dates are known (`range`, from the subscription or the answer), its comparison's totals
 * with the period or month before.
 */
export function reportPlan(period: ReportPeriod, range: DateRange | null, now: Date): ReportPlan {
  const shown = reportRequest(period)
  const comparison = range
    ? withWholeDays(comparisonFor(range, now, undefined, reportPreviousName(period)))
    : null
  return { shown, comparison, requests: planned(shown, null, comparison) }
}

/** The dates a request names, or null for the API's own period. */
export const requestedDates = ({ start, end }: UsageRequest): DateRange | null =>
  start && end ? { start, end } : null
