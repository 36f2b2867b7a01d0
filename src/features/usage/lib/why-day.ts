// "Why this day": a chosen bucket against what is usual for it (domain/unusual-days.ts), and which
// parts made the difference, largest first with their share of the change (domain/usage-change.ts):
// the organization's projects, then a project's deployment versions (current generation) or its
// series per object type and metric (2022). Values are credits (volumes in bytes for 2022's
// metrics). Pure: the panel renders what these return.
import { addDays, addMonths, dayOfTimestamp, type IsoDate } from '../../../../domain/dates'
import { REFERENCE_PERIODS, referencesOf } from '../../../../domain/unusual-days'
import { decomposeChange } from '../../../../domain/usage-change'
import type { DateRange, UsageInterval } from '../../../../domain/usage'
import type { ProjectUsageAnswer, UsageMetric, UsagePoint, UsageSeries } from '../../../api/model'
import { expectedBuckets, type Bucket } from '../model/buckets'
import { METRIC_LABELS, METRICS, OBJECT_TYPE_LABELS, OBJECT_TYPES } from './usage-series'
import type { ReferenceSeries } from './usage-history'
import { sumValues } from './usage-summary'

/** The label of the deleted versions of a project, together, as the project's usage gives them. */
export const DELETED_VERSIONS_LABEL = 'Deleted versions'

/**
 * The buckets a chosen bucket is judged with: its references before it (4 weeks by day, 4 months by
 * month) and itself last. `end` exclusive.
 */
export function windowOf(bucket: Pick<Bucket, 'start' | 'end'>, interval: UsageInterval): DateRange {
  const start =
    interval === 'day'
      ? addDays(bucket.start, -7 * REFERENCE_PERIODS)
      : addMonths(bucket.start, -REFERENCE_PERIODS)
  return { start, end: bucket.end }
}

/** The window's buckets as the API gives them for that range and interval. */
export function windowBuckets(bucket: Pick<Bucket, 'start' | 'end'>, interval: UsageInterval): Bucket[] {
  return expectedBuckets(windowOf(bucket, interval), interval)
}

/** An answer's points on `buckets` by their start day (0 where the answer has none). */
export function alignPoints(points: readonly UsagePoint[], buckets: readonly Bucket[]): number[] {
  const byStart = new Map<IsoDate, number>()
  for (const point of points) {
    const day = dayOfTimestamp(point.start_date)
    byStart.set(day, (byStart.get(day) ?? 0) + point.value)
  }
  return buckets.map((bucket) => byStart.get(bucket.start) ?? 0)
}

/**
 * What is usual for bucket `index` of `values`: the median of its references (domain/unusual-days.ts),
 * as many as there are; 0 with none (a part that did not exist before uses nothing usually).
 */
export function usualOf(values: readonly number[], index: number, interval: UsageInterval): number {
  const references = referencesOf(values, index, interval).sort((a, b) => a - b)
  if (references.length === 0) return 0
  const middle = references.length >> 1
  return references.length % 2 === 1
    ? references[middle]!
    : (references[middle - 1]! + references[middle]!) / 2
}

/** One part's change on the chosen bucket against what is usual for it. */
export interface PartChange {
  id: string
  label: string
  isDeleted: boolean
  /** What is usual for it (credits). */
  usual: number
  /** Its value on the chosen bucket. */
  value: number
  change: number
  /** Of the parts' whole change, signed; null when the whole did not change. */
  share: number | null
}

/** The parts' change on bucket `index` (aligned values), largest first; parts that did not change left out. */
export function partChanges(
  parts: readonly ReferenceSeries[],
  index: number,
  interval: UsageInterval,
): { change: number; parts: PartChange[] } {
  const usual = new Map<string, number>()
  const value = new Map<string, number>()
  for (const part of parts) {
    usual.set(part.id, usualOf(part.values, index, interval))
    value.set(part.id, part.values[index] ?? 0)
  }
  const decomposition = decomposeChange(usual, value)
  const byId = new Map(parts.map((part) => [part.id, part]))
  return {
    change: decomposition.change,
    parts: decomposition.series.map((series) => {
      const part = byId.get(series.key)!
      return {
        id: series.key,
        label: part.label,
        isDeleted: part.isDeleted,
        usual: series.before,
        value: series.after,
        change: series.change,
        share: series.share,
      }
    }),
  }
}

/**
 * The part the panel opens by itself: the live part with the largest change (deleted parts have no
 * usage of their own to open); undefined when no live part changed.
 */
export function largestLivePart(changes: readonly PartChange[]): PartChange | undefined {
  return changes.find((part) => !part.isDeleted)
}

/** A project's deployment versions (and its deleted ones together) on the window's buckets. */
export function versionParts(answer: ProjectUsageAnswer, buckets: readonly Bucket[]): ReferenceSeries[] {
  if (answer.generation !== 'current') return []
  const parts: ReferenceSeries[] = answer.versions.map((version) => ({
    id: version.versionId,
    label: `${version.deploymentName} ${version.version}`,
    isDeleted: false,
    values: alignPoints(version.usage, buckets),
  }))
  if (answer.deletedVersions.some((point) => point.value !== 0))
    parts.push({
      id: 'deleted',
      label: DELETED_VERSIONS_LABEL,
      isDeleted: true,
      values: alignPoints(answer.deletedVersions, buckets),
    })
  return parts
}

/** A 2022 project's credits (every object type's) on the window's buckets. */
export function creditsOf2022(series: readonly UsageSeries[], buckets: readonly Bucket[]): number[] {
  const credits = series.filter((s) => s.metric === 'credits').map((s) => alignPoints(s.usage, buckets))
  return buckets.map((_, index) => sumValues(credits.map((values) => values[index] ?? 0)))
}

/** One series of a 2022 project (an object type's metric) on the chosen bucket against what is usual. */
export interface MetricChange {
  metric: UsageMetric
  /** "Deployment versions · Credits" */
  label: string
  usual: number
  value: number
  change: number
  /** change ÷ usual: 0.8 is 80% more than usual; null when nothing is usual. */
  relative: number | null
}

/**
 * A 2022 project's series per object type and metric on the last bucket of the window, against what
 * is usual for each, in the API's order of metrics; series with nothing usual or used left out.
 */
export function metricChanges(
  answer: ProjectUsageAnswer,
  buckets: readonly Bucket[],
  interval: UsageInterval,
): MetricChange[] {
  if (answer.generation !== '2022') return []
  const index = buckets.length - 1
  return METRICS.flatMap((metric) =>
    OBJECT_TYPES.flatMap((objectType) => {
      const series = answer.series.find((s) => s.metric === metric && s.object_type === objectType)
      if (!series) return []
      const values = alignPoints(series.usage, buckets)
      const usual = usualOf(values, index, interval)
      const value = values[index] ?? 0
      if (usual === 0 && value === 0) return []
      return [
        {
          metric,
          label: `${OBJECT_TYPE_LABELS[objectType]} · ${METRIC_LABELS[metric]}`,
          usual,
          value,
          change: value - usual,
          relative: usual === 0 ? null : (value - usual) / usual,
        },
      ]
    }),
  )
}
