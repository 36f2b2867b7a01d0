// The previous range drawn behind the shown one (`compare=previous`): its buckets aligned with the
// shown ones by position (day 1 with day 1, month 1 with month 1), whatever their dates. Pure: the
// charts and tables only render what these return.
import type { UsageObjectType } from '../../../api/types'
import { daysBetween } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { formatDay, formatSpan } from './dates'
import { totalsInterval, type Comparison, type NoPeriod } from './usage-view'
import type { ApiGeneration, UsageAnswer } from '../../../api/model'
import { toUsageData, type Bucket, type ChartRow, type UsageData } from './usage-series'
import {
  bucketTotals,
  creditsSeries,
  toCreditsData,
  type CreditsChartRow,
  type CreditsData,
  type ProjectFilter,
} from './project-credits'

/** What the page knows of the previous range while comparing. */
export type Compared<T> =
  /** Not comparing, or the previous range is not known yet. */
  | { kind: 'off' }
  /** Comparing, but there is nothing before the shown range (a first subscription period). */
  | { kind: 'none'; reason: NoPeriod }
  | { kind: 'loading'; range: DateRange }
  | { kind: 'error'; range: DateRange; error: unknown }
  | { kind: 'ready'; range: DateRange; data: T }

/**
 * The page's answer for the previous range, shaped for one generation's results (`shape` gives
 * undefined for an answer of the other generation: then, as while loading, nothing is drawn).
 */
export function shapeCompared<A, T>(
  compared: Compared<A>,
  shape: (answer: A, range: DateRange) => T | undefined,
): Compared<T> {
  if (compared.kind !== 'ready') return compared
  const data = shape(compared.data, compared.range)
  return data === undefined ? { kind: 'loading', range: compared.range } : { ...compared, data }
}

/**
 * An answer asked for a comparison's totals (asked by ./usage-view.ts `totalsInterval` of its
 * range), aligned as the generation's data; undefined while it loads, or for an answer of the
 * other generation.
 */
export function shapeTotals(
  answer: UsageAnswer | undefined,
  range: DateRange,
  generation: '2022',
): UsageData | undefined
export function shapeTotals(
  answer: UsageAnswer | undefined,
  range: DateRange,
  generation: 'current',
): CreditsData | undefined
export function shapeTotals(
  answer: UsageAnswer | undefined,
  range: DateRange,
  generation: ApiGeneration,
): UsageData | CreditsData | undefined {
  if (answer?.generation !== generation) return undefined
  const interval = totalsInterval(range)
  return answer.generation === '2022'
    ? toUsageData(answer.series, range, interval)
    : toCreditsData(answer, range, interval)
}

/** The previous bucket in the same position as the shown bucket `index`, if the previous range has one. */
export function previousBucket(previous: { buckets: Bucket[] }, index: number): Bucket | undefined {
  return previous.buckets[index]
}

/** Values of the previous range per series, in the row of the shown bucket in the same position. */
export type ComparedChartRow = ChartRow & {
  previous?: Partial<Record<UsageObjectType, number>> & { start: string; end: string }
}

/**
 * The 2022 chart's rows with the previous range's values of the same metric beside them, by
 * position. A shown bucket with no previous one in its position (the previous range is shorter:
 * 30 days before a 31-day period) gets none; previous buckets beyond the shown ones are left out.
 */
export function withPreviousRows(
  rows: readonly ChartRow[],
  previous: UsageData,
  metric: UsageData['series'][number]['metric'],
): ComparedChartRow[] {
  const series = previous.series.filter((s) => s.metric === metric)
  return rows.map((row, index) => {
    const bucket = previousBucket(previous, index)
    if (!bucket) return row
    const values: NonNullable<ComparedChartRow['previous']> = { start: bucket.start, end: bucket.end }
    for (const s of series) values[s.objectType] = s.values[index] ?? 0
    return { ...row, previous: values }
  })
}

/**
 * The credits chart's rows with the previous range's credits beside them, by position (`prev`, of
 * what the chart shows: the filtered projects' total), and that bucket's days (`prevStart`, `prevEnd`).
 */
export function withPreviousCredits(
  rows: readonly CreditsChartRow[],
  previous: CreditsData,
  filter: ProjectFilter,
): CreditsChartRow[] {
  const totals = bucketTotals(previous, creditsSeries(previous, filter))
  return rows.map((row, index) => {
    const bucket = previousBucket(previous, index)
    return bucket ? { ...row, prev: totals[index] ?? 0, prevStart: bucket.start, prevEnd: bucket.end } : row
  })
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
