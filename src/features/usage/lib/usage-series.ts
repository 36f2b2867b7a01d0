// The API's usage answer, shaped for the page: one list of buckets (the API's own boundaries), and
// one zero-filled list of values per series aligned to those buckets. Charts, the table, the
// totals and the CSV all read this one model, so they cannot disagree.
import type { UsageSeries as Usage, UsageMetric, UsageObjectType } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { bucketIndex, bucketOfPoint, bucketsOfPoints, rangeOfBuckets, type Bucket } from '../model/buckets'
import { USAGE_METRICS, USAGE_OBJECT_TYPES, USAGE_SERIES, type DateRange } from '../../../../domain/usage'

export const METRICS: readonly UsageMetric[] = USAGE_METRICS
export const OBJECT_TYPES: readonly UsageObjectType[] = USAGE_OBJECT_TYPES

export const METRIC_LABELS: Record<UsageMetric, string> = {
  credits: 'Credits',
  input_volume: 'Input volume',
  output_volume: 'Output volume',
}

export const OBJECT_TYPE_LABELS: Record<UsageObjectType, string> = {
  deployment_version: 'Deployment versions',
  pipeline_version: 'Pipeline versions',
}

/** The series the API defines (credits exist for deployment versions only), grouped by metric. */
export const KNOWN_SERIES: readonly { metric: UsageMetric; objectType: UsageObjectType }[] = METRICS.flatMap(
  (metric) =>
    USAGE_SERIES.filter((series) => series.metric === metric).map((series) => ({
      metric,
      objectType: series.object_type,
    })),
)

export { expectedBuckets, type Bucket } from '../model/buckets'

export type SeriesKey = `${UsageMetric}.${UsageObjectType}`
export const seriesKey = (metric: UsageMetric, objectType: UsageObjectType): SeriesKey =>
  `${metric}.${objectType}`

export interface Series {
  key: SeriesKey
  metric: UsageMetric
  objectType: UsageObjectType
  /** One value per bucket, 0 where the API had none. */
  values: number[]
}

export interface UsageData {
  buckets: Bucket[]
  series: Series[]
  /** From the first bucket's start to the last bucket's end, or the requested range when empty. */
  range: DateRange | null
}

/**
 * Aligns every series to one list of buckets. The API's own boundaries win; when it sent none
 * (an empty answer) and the range is known, the buckets it would have sent are used, all zero,
 * so an empty range still draws as a flat, labelled chart instead of nothing.
 */
export function toUsageData(usage: Usage[], requested: DateRange | null, interval: UsageInterval): UsageData {
  const buckets = bucketsOfPoints(
    usage.map((entry) => entry.usage),
    requested,
    interval,
  )
  const indexOf = bucketIndex(buckets)

  const extra = usage
    .filter(
      (entry) => !KNOWN_SERIES.some((s) => s.metric === entry.metric && s.objectType === entry.object_type),
    )
    .filter((entry) => METRICS.includes(entry.metric) && OBJECT_TYPES.includes(entry.object_type))
    .map((entry) => ({ metric: entry.metric, objectType: entry.object_type }))

  const series = [...KNOWN_SERIES, ...extra].map(({ metric, objectType }): Series => {
    const values = new Array<number>(buckets.length).fill(0)
    const entry = usage.find((u) => u.metric === metric && u.object_type === objectType)
    const points = entry?.usage ?? []
    for (const [position, point] of points.entries()) {
      const index = bucketOfPoint(indexOf, point, position)
      if (index !== undefined) values[index] = (values[index] ?? 0) + point.value
    }
    return { key: seriesKey(metric, objectType), metric, objectType, values }
  })

  return { buckets, series, range: rangeOfBuckets(buckets, requested) }
}

export function seriesOfMetric(data: UsageData, metric: UsageMetric): Series[] {
  return data.series.filter((s) => s.metric === metric)
}
