// One description per usage level: which answer it reads, which normaliser turns that answer into
// the one model (./usage-model.ts), how its page words it, how it shows the range before, and what
// a series drills into. The usage pages, the report and the CSV are driven by these; a new level
// is a new entry here and, for a new answer shape, a new normaliser.
import type { ApiGeneration, ProjectUsageAnswer, UsageAnswer } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import type { PreviousShape } from '../lib/chart-rows'
import { PROJECT_WORDS, VERSION_WORDS, type PartWords, type ProjectFilter } from '../lib/project-credits'
import { normalise2022 } from './normalise-2022'
import { normaliseCurrent } from './normalise-current'
import { normaliseCurrentProject } from './normalise-current-project'
import type { UsageModel, UsageScope } from './usage-model'

export type UsageLevelId =
  'organization-by-metric' | 'organization-by-project' | 'project-by-metric' | 'project-by-version'

export interface UsageLevel {
  id: UsageLevelId
  /** Whose usage, and so which endpoint's answer, the level reads. */
  scope: UsageScope
  /** The API generation whose usage answer this level reads. */
  generation: ApiGeneration
  /** The page's sentence under its heading: what the numbers are of. */
  description: string
  /** First word of the CSV's file name: `usage-…` or `credits-…`. */
  fileWord: 'usage' | 'credits'
  /**
   * The range before, in the chart, the table and the CSV: each shown series's own (`per-series`),
   * or the total of what is shown (`total`: the range before has its own top parts).
   */
  previous: PreviousShape
  /** Whether the legend can hide series (hidden series leave the table and CSV too). */
  hidesSeries: boolean
  /** Whether each total is split by series under it ("Deployment versions: … · Pipeline versions: …"). */
  splitsTotals: boolean
  /**
   * The series filter of a level whose series are parts of a whole (the organization's projects,
   * a project's deployment versions; its search param is the scope's, ../lib/usage-address.ts); null without one.
   */
  seriesFilter: { label: string; allLabel: string; partsHeading: string; partLabel: string } | null
  /** The monthly report's summary table: per chart and series (no series filter), or per part. */
  reportSummary: { heading: string; caption: string }
  /** The level a part (a series filter's choice) opens; null at the deepest level. */
  drillsInto: UsageLevelId | null
  /** The answer as the model, or undefined when the answer is another generation's or scope's. */
  normalise(
    answer: UsageAnswer | ProjectUsageAnswer,
    requested: DateRange | null,
    interval: UsageInterval,
    filter: ProjectFilter,
  ): UsageModel | undefined
}

/** A parts level's filter and per-part table, worded from its parts' words. */
const partsFilter = (label: string, words: PartWords) => ({
  label,
  allLabel: words.all,
  partsHeading: words.chartTitle,
  partLabel: label,
})

/** The 2022 answer of either scope: per metric and object type. */
const normaliseByMetric: UsageLevel['normalise'] = (answer, requested, interval) =>
  answer.generation === '2022' ? normalise2022(answer.series, requested, interval) : undefined

export const ORGANIZATION_BY_METRIC: UsageLevel = {
  id: 'organization-by-metric',
  scope: 'organization',
  generation: '2022',
  description: 'What the organization consumed, per metric and object type.',
  fileWord: 'usage',
  previous: 'per-series',
  hidesSeries: true,
  splitsTotals: true,
  seriesFilter: null,
  reportSummary: { heading: 'Per metric', caption: 'Totals per metric and object type' },
  drillsInto: 'project-by-metric',
  normalise: normaliseByMetric,
}

export const ORGANIZATION_BY_PROJECT: UsageLevel = {
  id: 'organization-by-project',
  scope: 'organization',
  generation: 'current',
  description: 'The credits the organization used, per project.',
  fileWord: 'credits',
  previous: 'total',
  hidesSeries: false,
  splitsTotals: false,
  seriesFilter: partsFilter('Project', PROJECT_WORDS),
  reportSummary: { heading: 'Per project', caption: 'Credits per project' },
  drillsInto: 'project-by-version',
  normalise: (answer, requested, interval, filter) =>
    answer.generation === 'current' && 'projects' in answer
      ? normaliseCurrent(answer, requested, interval, filter)
      : undefined,
}

/** 2022: the project's own series per metric and object type, as the organization's are. */
export const PROJECT_BY_METRIC: UsageLevel = {
  ...ORGANIZATION_BY_METRIC,
  id: 'project-by-metric',
  scope: 'project',
  description: 'What the project consumed, per metric and object type.',
  drillsInto: null,
}

/** Current: the project's credits per deployment version, the deleted versions apart. */
export const PROJECT_BY_VERSION: UsageLevel = {
  ...ORGANIZATION_BY_PROJECT,
  id: 'project-by-version',
  scope: 'project',
  description: 'The credits the project used, per deployment version.',
  seriesFilter: partsFilter('Deployment version', VERSION_WORDS),
  reportSummary: { heading: 'Per deployment version', caption: VERSION_WORDS.chartTitle },
  drillsInto: null,
  normalise: (answer, requested, interval, filter) =>
    answer.generation === 'current' && 'versions' in answer
      ? normaliseCurrentProject(answer, requested, interval, filter)
      : undefined,
}

export const USAGE_LEVELS: readonly UsageLevel[] = [
  ORGANIZATION_BY_METRIC,
  ORGANIZATION_BY_PROJECT,
  PROJECT_BY_METRIC,
  PROJECT_BY_VERSION,
]

/** The level of a scope for an answer's generation. */
export function usageLevel(scope: UsageScope, generation: ApiGeneration): UsageLevel {
  return USAGE_LEVELS.find((level) => level.scope === scope && level.generation === generation)!
}

/** The organization's usage level for an answer's generation. */
export function organizationLevel(generation: ApiGeneration): UsageLevel {
  return usageLevel('organization', generation)
}
