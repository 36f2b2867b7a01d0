// The dashboard's one model of usage, whichever API generation or level it comes from: the
// API's buckets, and charts of series aligned to them. The chart, table, totals, CSV and
// comparison read this model; a level only adds a normaliser that builds it (./normalise-*.ts).
import type { UsageMetric } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { Bucket } from './buckets'

/**
 * Whose usage a level shows: the organization's (`GET /organizations/{name}/usage`) or one of its
 * projects' (`GET /projects/{name}/usage`).
 */
export type UsageScope = 'organization' | 'project'

/** What a chart's values count: credits, or bytes (the API's volumes, exact). */
export type UsageUnit = 'credits' | 'bytes'

export interface UsageModelSeries {
  /** Unique in the model and safe as a chart data key (names and ids are not). */
  key: string
  /** As the page names it: "Deployment versions", a project's name, "Other projects (3)". */
  label: string
  /** Its column's name in the CSV. */
  column: string
  /** Its colour in the chart and legend: a CSS colour, set per colour scheme in usage.css. */
  color: string
  /** One value per bucket of the model, 0 where the API had none. */
  values: number[]
  /** Set on the series of what was deleted since (shown apart). */
  deleted?: true
  /** The one part it shows, by its name (a project's), where it shows one: its legend entry links to it. */
  part?: string
}

export interface UsageModelChart {
  metric: UsageMetric
  /** The chart's heading and name: "Credits", "Input volume", "Credits per project". */
  title: string
  /** The heading of its total: the metric, or the credits of what the series filter picked. */
  totalLabel: string
  unit: UsageUnit
  series: UsageModelSeries[]
}

/**
 * One of the things a level's series are made of, whatever the filter shows: a project, or the
 * deleted projects together. The series filter picks among them; the per-part table lists them.
 */
export interface UsageModelPart {
  /** The part's id (a project's), or `deleted`. */
  id: string
  label: string
  /** One value per bucket of the model. */
  values: number[]
  total: number
  isDeleted: boolean
}

/** A level whose series are parts of a whole (projects of the organization), with a series filter. */
export interface UsageModelBreakdown {
  /** The parts the filter keeps, most first. */
  parts: UsageModelPart[]
  /** The whole's total (the organization's credits, as the API gave them), for each part's share. */
  wholeTotal: number
  /** What the series filter offers (every part the answer names), by its value in the address. */
  choices: { value: string; label: string }[]
  /** The filter's value in the address when it names no part of this answer; else null. */
  unknownChoice: string | null
}

export interface UsageModel {
  interval: UsageInterval
  /** The API's buckets, in time order; `end` exclusive. */
  buckets: Bucket[]
  /** From the first bucket's start to the last bucket's end, or the requested range when empty. */
  range: DateRange | null
  charts: UsageModelChart[]
  /** Set by levels whose series are parts of a whole (see `UsageModelBreakdown`). */
  breakdown?: UsageModelBreakdown
}

/** Every series of every chart, in the order shown. */
export function seriesOfModel(model: UsageModel): UsageModelSeries[] {
  return model.charts.flatMap((chart) => chart.series)
}

/** The unit a metric is counted in: credits, or bytes for the volumes. */
export const unitOfMetric = (metric: UsageMetric): UsageUnit => (metric === 'credits' ? 'credits' : 'bytes')

/** True when every value of every series is 0 (including when there are no buckets). */
export function isAllZero(model: UsageModel): boolean {
  return seriesOfModel(model).every((s) => s.values.every((value) => value === 0))
}
