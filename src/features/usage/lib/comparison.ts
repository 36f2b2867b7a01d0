// What a change against the range before means: which days of the shown range are compared with
// which days of the range before, and how the range before is named. Pure.
import { addDays, daysBetween, utcToday } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import type { RangePreset } from './usage-address'
import { previousRange } from './usage-ranges'

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
