// One description per usage level: which answer it reads, which normaliser turns that answer into
// the one model (./usage-model.ts), how its page words it, how it shows the range before, and what
// a series drills into. The usage page, the report and the CSV are driven by these; a new level
// (project → deployment versions) is a new entry here and a new normaliser.
import type { ApiGeneration, UsageAnswer } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { PreviousShape } from '../lib/chart-rows'
import type { ProjectFilter } from '../lib/project-credits'
import { normalise2022 } from './normalise-2022'
import { normaliseCurrent } from './normalise-current'
import type { UsageModel } from './usage-model'

export interface UsageLevel {
  id: 'organization-by-metric' | 'organization-by-project'
  /** The API generation whose usage answer this level reads. */
  generation: ApiGeneration
  /** The page's sentence under its heading: what the numbers are of. */
  description: string
  /** First word of the CSV's file name: `usage-…` or `credits-…`. */
  fileWord: 'usage' | 'credits'
  /**
   * The range before, in the chart, the table and the CSV: each shown series's own (`per-series`),
   * or the total of what is shown (`total`: the range before has its own top projects).
   */
  previous: PreviousShape
  /** Whether the legend can hide series (hidden series leave the table and CSV too). */
  hidesSeries: boolean
  /** Whether each total is split by series under it ("Deployment versions: … · Pipeline versions: …"). */
  splitsTotals: boolean
  /** The series filter (`?project=`) of a level whose series are parts of a whole; null without one. */
  seriesFilter: { label: string; allLabel: string; partsHeading: string; partLabel: string } | null
  /** The monthly report's summary table: per chart and series (no series filter), or per part. */
  reportSummary: { heading: string; caption: string }
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
  description: 'What the organization consumed, per metric and object type.',
  fileWord: 'usage',
  previous: 'per-series',
  hidesSeries: true,
  splitsTotals: true,
  seriesFilter: null,
  reportSummary: { heading: 'Per metric', caption: 'Totals per metric and object type' },
  drillsInto: null,
  normalise: (answer, requested, interval) =>
    answer.generation === '2022' ? normalise2022(answer.series, requested, interval) : undefined,
}

export const ORGANIZATION_BY_PROJECT: UsageLevel = {
  id: 'organization-by-project',
  generation: 'current',
  description: 'The credits the organization used, per project.',
  fileWord: 'credits',
  previous: 'total',
  hidesSeries: false,
  splitsTotals: false,
  seriesFilter: {
    label: 'Project',
    allLabel: 'All projects',
    partsHeading: 'Credits per project',
    partLabel: 'Project',
  },
  reportSummary: { heading: 'Per project', caption: 'Credits per project' },
  drillsInto: null,
  normalise: (answer, requested, interval, filter) =>
    answer.generation === 'current' ? normaliseCurrent(answer, requested, interval, filter) : undefined,
}

export const USAGE_LEVELS: readonly UsageLevel[] = [ORGANIZATION_BY_METRIC, ORGANIZATION_BY_PROJECT]

/** The organization's usage level for an answer's generation. */
export function organizationLevel(generation: ApiGeneration): UsageLevel {
  return generation === '2022' ? ORGANIZATION_BY_METRIC : ORGANIZATION_BY_PROJECT
}
