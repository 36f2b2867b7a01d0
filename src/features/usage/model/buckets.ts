// The time axis of every usage answer, whichever generation sent it: the API's own buckets.
import type { ProjectUsageAnswer, UsageAnswer, UsagePoint } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { dayOfTimestamp, dayStart, type IsoDate } from '../../../../domain/dates'
import { bucketBoundaries, type DateRange } from '../../../../domain/usage'

export interface Bucket {
  /** The API's timestamps, exactly as it sent them. */
  startTimestamp: string
  endTimestamp: string
  /** The same boundaries as UTC calendar days; `end` is exclusive. */
  start: IsoDate
  end: IsoDate
}

/** The buckets the API returns for a range (domain/usage.ts `bucketBoundaries`), with its timestamps. */
export function expectedBuckets(range: DateRange, interval: UsageInterval): Bucket[] {
  if (range.end <= range.start) return []
  const boundaries = bucketBoundaries(range, interval)
  return boundaries.slice(0, -1).map((start, index) => {
    const end = boundaries[index + 1]!
    return { start, end, startTimestamp: dayStart(start), endTimestamp: dayStart(end) }
  })
}

/**
 * The buckets an answer's points name, one per start day, in time order. When the answer holds
 * none and the range is known, the buckets the API would have sent (all zero once aligned), so an
 * empty range still draws as a flat, labelled chart instead of nothing.
 */
export function bucketsOfPoints(
  points: Iterable<UsagePoint>,
  requested: DateRange | null,
  interval: UsageInterval,
): Bucket[] {
  const byStart = new Map<IsoDate, Bucket>()
  for (const point of points) {
    const start = dayOfTimestamp(point.start_date)
    if (!byStart.has(start))
      byStart.set(start, {
        start,
        end: dayOfTimestamp(point.end_date),
        startTimestamp: point.start_date,
        endTimestamp: point.end_date,
      })
  }
  const fromAnswer = [...byStart.values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  )
  return fromAnswer.length > 0 || requested === null ? fromAnswer : expectedBuckets(requested, interval)
}

/** From the first bucket's start to the last bucket's end; `requested` when there are no buckets. */
export function rangeOfBuckets(buckets: readonly Bucket[], requested: DateRange | null): DateRange | null {
  const first = buckets[0]
  const last = buckets[buckets.length - 1]
  return first && last ? { start: first.start, end: last.end } : requested
}

/** Index of each bucket by its start day, to align an answer's points to the buckets. */
export function bucketIndex(buckets: readonly Bucket[]): ReadonlyMap<IsoDate, number> {
  return new Map(buckets.map((bucket, index) => [bucket.start, index]))
}

/**
 * The buckets that have begun by `today` (UTC): a running range's buckets still to come hold no
 * usage yet, so the tables and the CSV leave them out rather than list them as zeros.
 */
export function bucketsBegunBy<T extends Pick<Bucket, 'start'>>(buckets: readonly T[], today: IsoDate): T[] {
  return buckets.filter((bucket) => bucket.start <= today)
}

/**
 * Whether the bucket holds `today` (UTC), which is not over: its usage is so far, still coming in.
 * The charts draw it apart and the tables mark it.
 */
export function isPartialBucket(bucket: Pick<Bucket, 'start' | 'end'>, today: IsoDate): boolean {
  return bucket.start <= today && today < bucket.end
}

/** Whether a whole range lies after `today` (UTC): it has not started, so nothing can be shown of it. */
export function hasNotStarted(range: { start: IsoDate }, today: IsoDate): boolean {
  return range.start > today
}

/** Every point of an answer, whichever generation and level (organization or project) sent it. */
function pointsOf(answer: UsageAnswer | ProjectUsageAnswer): UsagePoint[] {
  if (answer.generation === '2022') return answer.series.flatMap((series) => series.usage)
  return 'versions' in answer
    ? [...answer.project, ...answer.deletedVersions, ...answer.versions.flatMap((v) => v.usage)]
    : [...answer.organization, ...answer.deletedProjects, ...answer.projects.flatMap((p) => p.usage)]
}

/** The range an answer covers (its buckets' first start to last end), as every level's model gives it. */
export function rangeOfAnswer(
  answer: UsageAnswer | ProjectUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
): DateRange | null {
  return rangeOfBuckets(bucketsOfPoints(pointsOf(answer), requested, interval), requested)
}
