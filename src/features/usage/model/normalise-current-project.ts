// A project's current answer (credits per deployment version) as the one usage model: the
// organization's credits per project (./normalise-current.ts) one level down, through the same
// alignment, top parts, "Other versions" and deleted versions apart.
import type { UsageInterval } from '../../../api/types'
import type { DateRange } from '../../../../domain/usage'
import {
  VERSION_WORDS,
  partsOfProject,
  toPartsData,
  type CurrentProjectUsageAnswer,
  type ProjectFilter,
} from '../lib/project-credits'
import { modelOfCreditsData } from './normalise-current'
import type { UsageModel } from './usage-model'

/**
 * The project's answer for `requested` (null: the API's own period) under a series filter of
 * deployment versions (`deployment / version`, or `deleted`), as the model: one chart "Credits per
 * deployment version" whose series add up to the project's credits (`data_project`), bucket by
 * bucket, as the organization's projects add up to the organization's.
 */
export function normaliseCurrentProject(
  answer: CurrentProjectUsageAnswer,
  requested: DateRange | null,
  interval: UsageInterval,
  filter: ProjectFilter,
): UsageModel {
  return modelOfCreditsData(
    toPartsData(partsOfProject(answer), requested, interval),
    filter,
    interval,
    VERSION_WORDS,
  )
}
