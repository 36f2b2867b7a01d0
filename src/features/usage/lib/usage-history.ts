// The shown range with the history before it that the unusual-day rule and the weekly projection
// read (domain/unusual-days.ts: the same weekday over the four weeks before, or the four months
// before; domain/weekly-projection.ts: the four weeks before today). One request of that history
// beside the shown range's, and one pure join of the two models, so the marks, the "why this day"
// panel and the projection read the same numbers. Pure.
import { addDays, addMonths, type IsoDate } from '../../../../domain/dates'
import {
  REFERENCE_PERIODS,
  unusualBuckets,
  usualValue,
  type UsualValue,
} from '../../../../domain/unusual-days'
import type { DateRange, UsageInterval } from '../../../../domain/usage'
import type { DayValue } from '../../../../domain/weekly-projection'
import type { Bucket } from '../model/buckets'
import type { UsageModel } from '../model/usage-model'
import type { UsageRequest } from '../queries'
import { sumValues } from './usage-summary'

/**
 * The range just before `range` that holds the references of its first buckets: 4 weeks by day
 * (the same weekday 7 to 28 days before), 4 months by month. `end` exclusive, equal to `range.start`.
 */
export function historyRange(range: DateRange, interval: UsageInterval): DateRange {
  const start =
    interval === 'day'
      ? addDays(range.start, -7 * REFERENCE_PERIODS)
      : addMonths(range.start, -REFERENCE_PERIODS)
  return { start, end: range.start }
}

/** The history's request for a shown range, by the same interval. */
export function historyRequest(range: DateRange, interval: UsageInterval): UsageRequest {
  return { ...historyRange(range, interval), interval }
}

/** One series over the history and the shown range: a value per bucket of {@link UsageReference.buckets}. */
export interface ReferenceSeries {
  /** A part's id (a project's), `deleted`, or a chart's metric for its total. */
  id: string
  label: string
  isDeleted: boolean
  values: number[]
}

/**
 * The shown range with its history before it, bucket by bucket: `buckets` are the history's then
 * the shown range's, `offset` the index of the shown range's first bucket.
 */
export interface UsageReference {
  interval: UsageInterval
  buckets: Bucket[]
  offset: number
  /** Each chart's total (every series added, what the chart stacks), by metric. */
  totals: ReadonlyMap<string, number[]>
  /** The level's parts (projects and the deleted ones), when its model has a breakdown. */
  parts: ReferenceSeries[]
}

/** The model's chart totals, bucket by bucket. */
function chartTotals(model: UsageModel): Map<string, number[]> {
  return new Map(
    model.charts.map((chart) => [
      chart.metric,
      model.buckets.map((_, index) => sumValues(chart.series.map((s) => s.values[index] ?? 0))),
    ]),
  )
}

/**
 * The shown model with the history's model before it. History buckets that overlap the shown
 * range, or a history of another interval, are left out; without history, the shown range alone
 * (its first buckets then have too few references to be judged). Parts are joined by id: a part
 * only in one of the two is 0 in the other.
 */
export function usageReference(model: UsageModel, history: UsageModel | undefined): UsageReference {
  const first = model.buckets[0]?.start
  const usable = history && history.interval === model.interval && first !== undefined ? history : undefined
  const before = usable ? usable.buckets.filter((bucket) => bucket.start < first!) : []
  const offset = before.length
  const shownTotals = chartTotals(model)
  const historyTotals = usable ? chartTotals(usable) : new Map<string, number[]>()
  const totals = new Map<string, number[]>()
  for (const [metric, values] of shownTotals) {
    const earlier = historyTotals.get(metric) ?? []
    totals.set(metric, [...before.map((_, index) => earlier[index] ?? 0), ...values])
  }
  const parts: ReferenceSeries[] = (model.breakdown?.parts ?? []).map((part) => {
    const earlier = usable?.breakdown?.parts.find((p) => p.id === part.id)?.values ?? []
    return {
      id: part.id,
      label: part.label,
      isDeleted: part.isDeleted,
      values: [...before.map((_, index) => earlier[index] ?? 0), ...part.values],
    }
  })
  return { interval: model.interval, buckets: [...before, ...model.buckets], offset, totals, parts }
}

/**
 * The start days of the shown buckets that are far from usual (domain/unusual-days.ts) for a
 * chart's total, up to `today`: a bucket still to come holds nothing to judge, and today's (not
 * over) is not judged either, as its usage is still coming in.
 */
export function unusualDays(reference: UsageReference, metric: string, today: IsoDate): Set<IsoDate> {
  const values = reference.totals.get(metric)
  const marked = new Set<IsoDate>()
  if (!values) return marked
  for (const index of unusualBuckets(values, reference.interval)) {
    const bucket = reference.buckets[index]!
    if (index >= reference.offset && bucket.end <= today) marked.add(bucket.start)
  }
  return marked
}

/** A bucket's value against what is usual for it, with the buckets that usual value comes from. */
export interface JudgedBucket {
  bucket: Bucket
  value: number
  /** Null when the bucket has too few references to be judged. */
  usual: UsualValue | null
  /** The reference buckets (the same weekday before, or the months before), nearest first. */
  references: { bucket: Bucket; value: number }[]
}

/** Index of the bucket starting on `day` in the reference, or -1. */
export function referenceIndex(reference: UsageReference, day: IsoDate): number {
  return reference.buckets.findIndex((bucket) => bucket.start === day)
}

/**
 * The bucket starting on `day` among the shown range's (not the history before it), with its index
 * in the reference: the bucket "why this day" can explain; undefined when the range has none.
 */
export function shownBucket(
  reference: UsageReference,
  day: IsoDate,
): { index: number; bucket: Bucket } | undefined {
  const index = referenceIndex(reference, day)
  return index >= reference.offset ? { index, bucket: reference.buckets[index]! } : undefined
}

/** Bucket `index` of `values` (aligned to the reference's buckets) judged against its references. */
export function judgeBucket(
  reference: UsageReference,
  values: readonly number[],
  index: number,
): JudgedBucket {
  const step = reference.interval === 'day' ? 7 : 1
  const references: JudgedBucket['references'] = []
  for (let k = 1; k <= REFERENCE_PERIODS && index - k * step >= 0; k += 1)
    references.push({ bucket: reference.buckets[index - k * step]!, value: values[index - k * step] ?? 0 })
  return {
    bucket: reference.buckets[index]!,
    value: values[index] ?? 0,
    usual: usualValue(values, index, reference.interval),
    references,
  }
}

/** A chart total's days as the weekly projection reads them (day buckets only; else empty). */
export function dayValues(reference: UsageReference, values: readonly number[]): DayValue[] {
  if (reference.interval !== 'day') return []
  return reference.buckets.map((bucket, index) => ({ day: bucket.start, value: values[index] ?? 0 }))
}
