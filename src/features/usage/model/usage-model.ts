// The dashboard's one model of usage, whichever API generation or level it comes from: the
// API's buckets, and charts of series aligned to them. The chart, table, totals, CSV and
// comparison read this model; a level only adds a normaliser that builds it (./normalise-*.ts).
import type { UsageMetric } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { Bucket } from './buckets'

/** What a chart's values count: credits, or bytes (the API's volumes, exact). */
export type UsageUnit = 'credits' | 'bytes'

export interface UsageModelSeries {
  /** Unique in the model and safe as a chart data key (names and ids are not). */
  key: string
  /** As the page names it: "Deployment versions", a project's name, "Other projects (3)". */
  label: string
  /** Its column's name in the CSV. */
  column: string
  /** One value per bucket of the model, 0 where the API had none. */
  values: number[]
  /** Set on the series of what was deleted since (shown apart). */
  deleted?: true
}

export interface UsageModelChart {
  metric: UsageMetric
  unit: UsageUnit
  series: UsageModelSeries[]
}

export interface UsageModel {
  interval: UsageInterval
  /** The API's buckets, in time order; `end` exclusive. */
  buckets: Bucket[]
  /** From the first bucket's start to the last bucket's end, or the requested range when empty. */
  range: DateRange | null
  charts: UsageModelChart[]
}

/** Every series of every chart, in the order shown. */
export function seriesOfModel(model: UsageModel): UsageModelSeries[] {
  return model.charts.flatMap((chart) => chart.series)
}

/** The unit a metric is counted in: credits, or bytes for the volumes. */
export const unitOfMetric = (metric: UsageMetric): UsageUnit => (metric === 'credits' ? 'credits' : 'bytes')
