// Projects' credit limits on the Projects page: the order of the list and the budget split.
// Pure; units are credits. The suspension rule itself is the server's (domain/project-limits.ts).
import type { IsoDate } from '../../../../domain/dates'
import type { Project } from '../../../api/model'

/**
 * A project's credits in the current subscription period, as the page composes them from the
 * organization's usage (the app supplies it: the projects feature does not read usage itself).
 */
export interface CreditOutlook {
  /** Credits used this period so far. */
  used: number
  /** The period's total at the pace so far; null outside the period. */
  projected: number | null
  /**
   * With a limit: the day the running total reached it (when it did), or the day the pace so far
   * reaches it inside the period; null when neither.
   */
  crossingDay: IsoDate | null
}

/** Where the page's credits come from: per project, or why there are none. */
export type CreditOutlooks =
  | { status: 'pending' }
  | { status: 'error'; message: string }
  /** The API does not answer usage per project (the 2022 organization usage is one total). */
  | { status: 'unavailable' }
  | { status: 'ready'; of: (project: string, limit: number | null) => CreditOutlook | null }

/** Suspended projects first (they need someone now), then by name, as the list shows them. */
export function suspendedFirst(projects: readonly Project[]): Project[] {
  return [...projects].sort(
    (a, b) => Number(b.suspended) - Number(a.suspended) || a.name.localeCompare(b.name),
  )
}

/** One project's proposed limit in a budget split. */
export interface ProposedLimit {
  project: string
  /** Its share of the credits used (0 to 1), on which the proposal rests. */
  share: number
  /** Whole credits. */
  limit: number
}

/**
 * Splits an organization's credit budget into project limits proportional to each project's
 * recent credits (`used`, e.g. this period so far); equal parts when nothing was used. Limits are
 * whole credits, rounded down, so that together they never pass the budget.
 */
export function splitBudget(
  budget: number,
  projects: ReadonlyArray<{ project: string; used: number }>,
): ProposedLimit[] {
  if (projects.length === 0) return []
  const total = projects.reduce((sum, { used }) => sum + Math.max(0, used), 0)
  return projects.map(({ project, used }) => {
    const share = total > 0 ? Math.max(0, used) / total : 1 / projects.length
    return { project, share, limit: Math.floor(budget * share) }
  })
}
