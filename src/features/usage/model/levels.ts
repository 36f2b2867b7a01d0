// One description per usage level: which answer it reads, which normaliser turns that answer into
// the one model (./usage-model.ts), how its CSV is named and holds the range before, and what a
// series drills into. The page, the report and the CSV are driven by these; a new level (project →
// deployment versions) is a new entry here and a new normaliser.
import type { ApiGeneration, UsageAnswer } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { ProjectFilter } from '../lib/project-credits'
import { normalise2022 } from './normalise-2022'
import { normaliseCurrent } from './normalise-current'
import type { UsageModel } from './usage-model'

export interface UsageLevel {
  id: 'organization-by-metric' | 'organization-by-project'
  /** The API generation whose organization usage answer this level reads. */
  generation: ApiGeneration
  /** First word of the CSV's file name: `usage-…` or `credits-…`. */
  fileWord: 'usage' | 'credits'
  /**
   * The range before, in the CSV: each shown series's own column (`per-series`), or one column of
   * the credits of what is shown (`total`: the previous range has its own top projects).
   */
  previousInCsv: 'per-series' | 'total'
  /** Whether the legend can hide series (hidden series leave the table and CSV too). */
  hidesSeries: boolean
  /** The level a series opens; null while no deeper level exists. */
  drillsInto: UsageLevel['id'] | null
  /** The answer as the model, or undefined when the answer is another generation's. */
  normalise(
    answer: UsageAnswer,
    requested: DateRange | null,
    interval: UsageInterval,
    filter: ProjectFilter,
  ): UsageModel | undefined
}

export const ORGANIZATION_BY_METRIC: UsageLevel = {
  id: 'organization-by-metric',
  generation: '2022',
  fileWord: 'usage',
  previousInCsv: 'per-series',
  hidesSeries: true,
  drillsInto: null,
  normalise: (answer, requested, interval) =>
    answer.generation === '2022' ? normalise2022(answer.series, requested, interval) : undefined,
}

export const ORGANIZATION_BY_PROJECT: UsageLevel = {
  id: 'organization-by-project',
  generation: 'current',
  fileWord: 'credits',
  previousInCsv: 'total',
  hidesSeries: false,
  drillsInto: null,
  normalise: (answer, requested, interval, filter) =>
    answer.generation === 'current' ? normaliseCurrent(answer, requested, interval, filter) : undefined,
}

export const USAGE_LEVELS: readonly UsageLevel[] = [ORGANIZATION_BY_METRIC, ORGANIZATION_BY_PROJECT]

/** The organization's usage level for an answer's generation. */
export function organizationLevel(generation: ApiGeneration): UsageLevel {
  return generation === '2022' ? ORGANIZATION_BY_METRIC : ORGANIZATION_BY_PROJECT
}
