// The previous range drawn behind the shown one (`compare=previous`): its buckets aligned with the
// shown ones by position (day 1 with day 1, month 1 with month 1), whatever their dates (the
// chart's rows: ./chart-rows.ts), and what the comparison says in words. Pure.
import { daysBetween } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { formatDay, formatSpan } from './dates'
import type { Comparison } from './comparison'
import type { NoPeriod } from './usage-ranges'

/** What the page knows of the previous range while comparing. */
export type Compared<T> =
  /** Not comparing, or the previous range is not known yet. */
  | { kind: 'off' }
  /** Comparing, but there is nothing before the shown range (a first subscription period). */
  | { kind: 'none'; reason: NoPeriod }
  | { kind: 'loading'; range: DateRange }
  | { kind: 'error'; range: DateRange; error: unknown }
  | { kind: 'ready'; range: DateRange; data: T }

/** The previous bucket in the same position as the shown bucket `index`, if the previous range has one. */
export function previousBucket<B>(previous: { buckets: readonly B[] }, index: number): B | undefined {
  return previous.buckets[index]
}

/**
 * Why there is no period to show or to compare with, in a sentence: the subscription started (or
 * the organization was created) after its start, or the subscription's start is not known.
 * `which`: "previous subscription period" (the preset) or "subscription period before this one".
 */
export function noPeriodSentence(reason: NoPeriod, which: string): string {
  switch (reason.reason) {
    case 'subscription':
      return `There is no ${which}: the subscription started on ${formatDay(reason.since)}.`
    case 'organization':
      return `There is no ${which}: the organization was created on ${formatDay(reason.since)}.`
    case 'unknown':
      return `The ${which} cannot be worked out: the API does not give this organization’s subscription start date.`
  }
}

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`

/**
 * What the totals' change is measured against, in a sentence under the totals (the usage page,
 * both generations, and the monthly report). A period or months are named, with their dates, and
 * with their length when it differs from the shown range's (months differ in length); "the same
 * number of days" is said only when it is so. A range still running compares its days so far with
 * the first as many days of the range before, or with all of it when that is shorter.
 */
export function comparisonNote({ current, previous, isPartial, previousName }: Comparison): string {
  const currentDays = daysBetween(current.start, current.end)
  const previousDays = daysBetween(previous.start, previous.end)
  const previousSpan = formatSpan(previous.start, previous.end)
  if (isPartial) {
    const before = previousName ?? 'the range before'
    const soFar = currentDays === 1 ? 'the one whole day' : `the ${currentDays} whole days`
    const part =
      previousDays < currentDays
        ? `all ${days(previousDays)}`
        : previousDays === 1
          ? 'the first day'
          : `the first ${days(previousDays)}`
    return `Changes compare ${soFar} so far (${formatSpan(current.start, current.end)}; today is left out, as it is not over) with ${part} of ${before} (${previousSpan}).`
  }
  if (previousName) {
    const length =
      previousDays === currentDays ? '' : ` (${days(previousDays)}; this range has ${currentDays})`
    return `Changes compare with ${previousName}, ${previousSpan}${length}.`
  }
  return previousDays === currentDays
    ? `Changes compare with ${previousSpan}, the same number of days just before.`
    : `Changes compare with ${previousSpan}, the ${days(previousDays)} just before.`
}
