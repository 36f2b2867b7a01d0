/**
 * The unusual-day rule: which buckets of a usage series are far from what is usual for them, so the
 * dashboard can mark them before the admin picks one. Robust statistics (median and median absolute
 * deviation, MAD) rather than mean and standard deviation, so that one earlier spike does not hide
 * the next one, and weekly rhythm is respected by comparing like with like:
 *
 * - **day** buckets: the same weekday over the previous {@link REFERENCE_PERIODS} weeks (the buckets
 *   7, 14, 21 and 28 before it);
 * - **month** buckets: the previous {@link REFERENCE_PERIODS} months (the buckets 1 to 4 before it).
 *
 * A bucket is unusual when its distance from the median of its references is more than
 * {@link MAD_THRESHOLD} MADs of those references, and more than {@link MIN_RELATIVE_DEVIATION} of
 * that median (so that a very regular history, whose MAD is near zero, does not mark every small
 * wobble). A bucket with fewer than {@link MIN_REFERENCES} references is not judged: ask for that
 * much history before the range to judge its first buckets. Values are in the series' unit (credits).
 */
import type { UsageInterval } from './usage'

export const REFERENCE_PERIODS = 4
export const MAD_THRESHOLD = 3
export const MIN_RELATIVE_DEVIATION = 0.1
export const MIN_REFERENCES = 3

/** One sentence for the dashboard, beside the marks. */
export const UNUSUAL_DAY_RULE =
  'A bucket is marked when it is more than 3 median absolute deviations (and more than 10%) away from the median of the same weekday over the previous 4 weeks, or of the previous 4 months for monthly buckets.'

export interface UsualValue {
  /** The median of the references: what is usual for this bucket. */
  usual: number
  /** The median absolute deviation of the references from `usual`. */
  mad: number
  /** value − usual. */
  deviation: number
  isUnusual: boolean
}

/** How many buckets back the k-th reference of a bucket is (k from 1). */
export function referenceStep(interval: UsageInterval): number {
  return interval === 'day' ? 7 : 1
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const ascending = (a: number, b: number) => a - b

/** The reference values of bucket `index` (the same weekday or the previous months), oldest excluded beyond the series' start. */
export function referencesOf(values: ArrayLike<number>, index: number, interval: UsageInterval): number[] {
  const step = referenceStep(interval)
  const references: number[] = []
  for (let k = 1; k <= REFERENCE_PERIODS; k += 1) {
    const at = index - k * step
    if (at < 0) break
    references.push(values[at]!)
  }
  return references
}

/**
 * What is usual for bucket `index` of `values` (consecutive buckets of one `interval`), and whether
 * its value is unusual by the rule above; null when it has fewer than {@link MIN_REFERENCES}
 * references.
 */
export function usualValue(values: ArrayLike<number>, index: number, interval: UsageInterval): UsualValue | null {
  const references = referencesOf(values, index, interval)
  if (references.length < MIN_REFERENCES) return null
  references.sort(ascending)
  const usual = median(references)
  const mad = median(references.map((value) => Math.abs(value - usual)).sort(ascending))
  const deviation = values[index]! - usual
  const distance = Math.abs(deviation)
  const isUnusual = distance > MAD_THRESHOLD * mad && distance > MIN_RELATIVE_DEVIATION * Math.abs(usual)
  return { usual, mad, deviation, isUnusual }
}

/** {@link usualValue} for every bucket of `values`, in order (null where not judged). */
export function usualValues(values: ArrayLike<number>, interval: UsageInterval): (UsualValue | null)[] {
  return Array.from({ length: values.length }, (_, index) => usualValue(values, index, interval))
}

/** The indexes of the unusual buckets of `values`, in order. */
export function unusualBuckets(values: ArrayLike<number>, interval: UsageInterval): number[] {
  const marked: number[] = []
  for (let index = 0; index < values.length; index += 1)
    if (usualValue(values, index, interval)?.isUnusual) marked.push(index)
  return marked
}
