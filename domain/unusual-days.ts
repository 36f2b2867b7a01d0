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
 * that median. Both conditions matter. The MAD keeps a series that swings a lot from being marked
 * at every swing. The share is a floor under it: the MAD of four references is often tiny by chance
 * (four near-equal values), and three tiny MADs then mark the everyday noise of a series whose
 * days stray a little from their trend. Ordinary weekday and weekend rhythm, steady growth and
 * such noise stay within the floor; a heavy project that doubles, or one that stops, does not.
 *
 * A bucket with fewer than {@link MIN_REFERENCES} references is not judged: ask for that much
 * history before the range to judge its first buckets. Values are in the series' unit (credits).
 * The rule's one sentence for the dashboard is {@link unusualDayRule}.
 */
import type { UsageInterval } from './usage'

/** How many weeks (day buckets) or months (month buckets) back a bucket is compared with. */
export const REFERENCE_PERIODS = 4
/** How many MADs of its references a bucket must be away from their median. */
export const MAD_THRESHOLD = 3
/** The share of the median a bucket must also be away from it: the floor under the MADs. */
export const MIN_RELATIVE_DEVIATION = 0.3
/** The fewest references a bucket is judged with. */
export const MIN_REFERENCES = 3

/**
 * The rule in words for one interval, to follow "marked when it is" or "far from usual:": "more than
 * 30% and more than 3 median absolute deviations away from the median of the same weekday over the
 * previous 4 weeks" (day), "… of the previous 4 months" (month). The share is written in the
 * locale's percent style ("30 %" in de-DE), as every other percentage on the page; left out, the
 * runtime's default locale.
 */
export function unusualRule(interval: UsageInterval, locale?: string): string {
  const references =
    interval === 'day'
      ? `the same weekday over the previous ${REFERENCE_PERIODS} weeks`
      : `the previous ${REFERENCE_PERIODS} months`
  const share = new Intl.NumberFormat(locale, { style: 'percent' }).format(MIN_RELATIVE_DEVIATION)
  return `more than ${share} and more than ${MAD_THRESHOLD} median absolute deviations away from the median of ${references}`
}

/**
 * One sentence for the dashboard, beside the marks: the rule above with its numbers, both intervals,
 * the share in the locale's percent style (see {@link unusualRule}).
 */
export function unusualDayRule(locale?: string): string {
  return `A bucket is marked when it is ${unusualRule('day', locale)}, or of the previous ${REFERENCE_PERIODS} months for monthly buckets.`
}

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

// Scratch space for the references and their deviations: judging a bucket allocates nothing, so
// marking every bucket of hundreds of series stays within a frame or two.
const scratch = new Float64Array(REFERENCE_PERIODS)
const deviations = new Float64Array(REFERENCE_PERIODS)

/** The median of the first `count` entries of `values`, sorting them in place (insertion sort: at most four). */
function medianOf(values: Float64Array, count: number): number {
  for (let i = 1; i < count; i += 1) {
    const value = values[i]!
    let j = i - 1
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!
      j -= 1
    }
    values[j + 1] = value
  }
  const middle = count >> 1
  return count % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2
}

/** The reference values of bucket `index` (the same weekday or the previous months), as far back as the series goes. */
export function referencesOf(values: ArrayLike<number>, index: number, interval: UsageInterval): number[] {
  const step = referenceStep(interval)
  const references: number[] = []
  for (let k = 1; k <= REFERENCE_PERIODS && index - k * step >= 0; k += 1)
    references.push(values[index - k * step]!)
  return references
}

// The last bucket judged: its usual value and MAD (so that marking allocates no object per bucket).
const judged = { usual: 0, mad: 0 }

/** Judges bucket `index`: false when not judged (too few references) or usual; fills `judged`. */
function judge(values: ArrayLike<number>, index: number, step: number): boolean | null {
  let count = 0
  for (let k = 1; k <= REFERENCE_PERIODS && index - k * step >= 0; k += 1)
    scratch[count++] = values[index - k * step]!
  if (count < MIN_REFERENCES) return null
  const usual = medianOf(scratch, count)
  for (let i = 0; i < count; i += 1) deviations[i] = Math.abs(scratch[i]! - usual)
  const mad = medianOf(deviations, count)
  judged.usual = usual
  judged.mad = mad
  const distance = Math.abs(values[index]! - usual)
  return distance > MAD_THRESHOLD * mad && distance > MIN_RELATIVE_DEVIATION * Math.abs(usual)
}

/**
 * What is usual for bucket `index` of `values` (consecutive buckets of one `interval`), and whether
 * its value is unusual by the rule above; null when it has fewer than {@link MIN_REFERENCES}
 * references.
 */
export function usualValue(
  values: ArrayLike<number>,
  index: number,
  interval: UsageInterval,
): UsualValue | null {
  const isUnusual = judge(values, index, referenceStep(interval))
  if (isUnusual === null) return null
  return { usual: judged.usual, mad: judged.mad, deviation: values[index]! - judged.usual, isUnusual }
}

/** {@link usualValue} for every bucket of `values`, in order (null where not judged). */
export function usualValues(values: ArrayLike<number>, interval: UsageInterval): (UsualValue | null)[] {
  return Array.from({ length: values.length }, (_, index) => usualValue(values, index, interval))
}

/** The indexes of the unusual buckets of `values`, in order. */
export function unusualBuckets(values: ArrayLike<number>, interval: UsageInterval): number[] {
  const step = referenceStep(interval)
  const marked: number[] = []
  for (let index = 0; index < values.length; index += 1) if (judge(values, index, step)) marked.push(index)
  return marked
}
