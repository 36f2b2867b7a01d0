// A project's credit limit and whether it is suspended, as its answers give them. Suspension is
// computed on every read, not stored (migration 011): the credits counted are those of the
// organization's current subscription period, which moves on without any write to the project.
import { utcToday } from '../../domain/dates'
import type { ApiGeneration } from '../../domain/generation'
import { creditLimitReason, isOverCreditLimit } from '../../domain/project-limits'
import { currentPeriod } from '../../domain/subscriptions'
import type { ProjectRow, ProjectsRepository } from '../repositories/projects'

export interface ProjectStanding {
  /** The limit in credits, null for none. */
  limit: number | null
  /** Credits used in the organization's current subscription period so far. */
  used: number
  suspended: boolean
  /** A sentence naming the limit; null when not suspended. */
  suspendedReason: string | null
}

/**
 * The standing of `project` on `today` (UTC day; defaults to now): its credits in the current
 * subscription period [start, end) of its organization against its limit. One indexed sum; none
 * when the project has no limit.
 */
export function projectStanding(
  projects: ProjectsRepository,
  project: ProjectRow,
  generation: ApiGeneration,
  today: string = utcToday(),
): ProjectStanding {
  const limit = project.credit_limit
  if (limit === null) return { limit, used: 0, suspended: false, suspendedReason: null }
  const period = currentPeriod(project.subscription_start_date, today)
  const used = projects.creditsUsed(project, period.start, period.end)
  const suspended = isOverCreditLimit(used, limit)
  return {
    limit,
    used,
    suspended,
    suspendedReason: suspended ? creditLimitReason(used, limit, generation) : null,
  }
}
