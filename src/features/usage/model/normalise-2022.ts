// The 2022 organization answer (one series per metric and object type) as the one usage model:
// a chart per metric, a series per object type.
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { UsageSeries } from '../../../api/model'
import type { UsageObjectType } from '../../../api/types'
import {
  METRIC_LABELS,
  METRICS,
  OBJECT_TYPE_LABELS,
  seriesOfMetric,
  toUsageData,
  type UsageData,
} from '../lib/usage-series'
import { unitOfMetric, type UsageModel } from './usage-model'

/** Set in usage.css per colour scheme: distinct hues, ≥3:1 against the chart surface. */
export const OBJECT_TYPE_COLOR: Record<UsageObjectType, string> = {
  deployment_version: 'var(--usage-color-deployment)',
  pipeline_version: 'var(--usage-color-pipeline)',
}

/** Column name of a series: `deployment_version.input_volume_bytes`, `deployment_version.credits`. */
export function csvColumn(series: { metric: string; objectType: string }): string {
  return `${series.objectType}.${series.metric}${series.metric === 'credits' ? '' : '_bytes'}`
}

/** Aligned 2022 usage (../lib/usage-series.ts) as the model; series keys are `metric.object_type`. */
export function modelOfUsageData(data: UsageData, interval: UsageInterval): UsageModel {
  return {
    interval,
    buckets: data.buckets,
    range: data.range,
    charts: METRICS.map((metric) => ({
      metric,
      title: METRIC_LABELS[metric],
      totalLabel: METRIC_LABELS[metric],
      unit: unitOfMetric(metric),
      series: seriesOfMetric(data, metric).map((series) => ({
        key: series.key,
        label: OBJECT_TYPE_LABELS[series.objectType],
        column: csvColumn(series),
        color: OBJECT_TYPE_COLOR[series.objectType],
        values: series.values,
      })),
    })),
  }
}

/**
 * The 2022 answer's series for `requested` (null: the API's own period), as the model. Buckets
 * are the API's; an empty answer gives the buckets it would have sent, all zero.
 */
export function normalise2022(
  series: UsageSeries[],
  requested: DateRange | null,
  interval: UsageInterval,
): UsageModel {
  return modelOfUsageData(toUsageData(series, requested, interval), interval)
}
