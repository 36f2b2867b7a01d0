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
 * The buckets an answer's points name, one per start day, in time order. `pointLists` are the
 * answer's lists of points, read in place rather than copied into one. When the answer holds none
 * and the range is known, the buckets the API would have sent (all zero once aligned), so an empty
 * range still draws as a flat, labelled chart instead of nothing.
 */
export function bucketsOfPoints(
  pointLists: Iterable<readonly UsagePoint[]>,
  requested: DateRange | null,
  interval: UsageInterval,
): Bucket[] {
  const byStart = new Map<IsoDate, Bucket>()
  // The API returns every bucket of the range in each list (shared/API.md, "Usage query"): a list
  // with the same starts as the first one read adds nothing, and comparing is far cheaper than
  // reading the day of each of a large answer's tens of thousands of points.
  let firstRead: readonly UsagePoint[] | null = null
  for (const points of pointLists) {
    if (firstRead && hasSameStarts(points, firstRead)) continue
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
    if (!firstRead && points.length > 0) firstRead = points
  }
  const fromAnswer = [...byStart.values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  )
  return fromAnswer.length > 0 || requested === null ? fromAnswer : expectedBuckets(requested, interval)
}

function hasSameStarts(points: readonly UsagePoint[], other: readonly UsagePoint[]): boolean {
  if (points.length !== other.length) return false
  for (let i = 0; i < points.length; i += 1) if (points[i]!.start_date !== other[i]!.start_date) return false
  return true
}

/** From the first bucket's start to the last bucket's end; `requested` when there are no buckets. */
export function rangeOfBuckets(buckets: readonly Bucket[], requested: DateRange | null): DateRange | null {
  const first = buckets[0]
  const last = buckets[buckets.length - 1]
  return first && last ? { start: first.start, end: last.end } : requested
}

/** Where each bucket is among the buckets: see {@link bucketOfPoint}. */
export interface BucketIndex {
  /** Each bucket's start timestamp as the API sent it, in bucket order. */
  startTimestamps: readonly string[]
  /** By the start day, for a point out of the buckets' order or whose timestamp is written differently. */
  byDay: ReadonlyMap<IsoDate, number>
}

/** Index of each bucket by its start, to align an answer's points to the buckets. */
export function bucketIndex(buckets: readonly Bucket[]): BucketIndex {
  return {
    startTimestamps: buckets.map((bucket) => bucket.startTimestamp),
    byDay: new Map(buckets.map((bucket, index) => [bucket.start, index])),
  }
}

/**
 * The index of the bucket a point belongs to (its start day's), or undefined when none is.
 * `position` is the point's index in its list: the API lists every bucket in time order, so the
 * point at position `i` is nearly always the `i`-th bucket's, which one comparison confirms.
 */
export function bucketOfPoint(index: BucketIndex, point: UsagePoint, position: number): number | undefined {
  return index.startTimestamps[position] === point.start_date
    ? position
    : index.byDay.get(dayOfTimestamp(point.start_date))
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

/** Every list of points of an answer, whichever generation and level (organization or project) sent it; the whole's first. */
function pointListsOf(answer: UsageAnswer | ProjectUsageAnswer): (readonly UsagePoint[])[] {
  if (answer.generation === '2022') return answer.series.map((series) => series.usage)
  return 'versions' in answer
    ? [answer.project, answer.deletedVersions, ...answer.versions.map((v) => v.usage)]
    : [answer.organization, answer.deletedProjects, ...answer.projects.map((p) => p.usage)]
}

/** The range an answer covers (its buckets' first start to last end), as every level's model gives it. */
export function rangeOfAnswer(
  answer: UsageAnswer | ProjectUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
): DateRange | null {
  return rangeOfBuckets(bucketsOfPoints(pointListsOf(answer), requested, interval), requested)
}
