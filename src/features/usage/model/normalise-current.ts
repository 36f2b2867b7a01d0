// The current organization answer (credits per project) as the one usage model: one chart of
// credits, the top projects, "Other projects" and the deleted projects apart as its series.
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import {
  creditsSeries,
  toCreditsData,
  type CreditsData,
  type CurrentUsageAnswer,
  type ProjectFilter,
} from '../lib/project-credits'
import type { UsageModel } from './usage-model'

/** Aligned credits per project (../lib/project-credits.ts) under a series filter, as the model. */
export function modelOfCreditsData(
  data: CreditsData,
  filter: ProjectFilter,
  interval: UsageInterval,
): UsageModel {
  return {
    interval,
    buckets: data.buckets,
    range: data.range,
    charts: [
      {
        metric: 'credits',
        unit: 'credits',
        series: creditsSeries(data, filter).map((series) => ({
          key: series.key,
          label: series.label,
          column: series.label,
          values: series.values,
          ...(series.kind === 'deleted' ? { deleted: true as const } : {}),
        })),
      },
    ],
  }
}

/** The current answer for `requested` (null: the API's own period) under a series filter, as the model. */
export function normaliseCurrent(
  answer: CurrentUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
  filter: ProjectFilter,
): UsageModel {
  return modelOfCreditsData(toCreditsData(answer, requested, interval), filter, interval)
}
