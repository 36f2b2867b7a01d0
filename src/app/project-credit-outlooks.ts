// The Projects tab's credits per project, composed here because two features meet: the projects
// feature shows limits, the usage feature owns the organization's usage, the budget and the
// projection. One request: the current subscription period by day, the usage page's default view
// (one cache entry with it, the overview and the list's glance).
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { dayOfTimestamp } from '../../domain/dates'
import type { UsageAnswer } from '../api/model'
import { errorMessageOf } from '../components/ui/query-state'
import { organizationQueries } from '../features/organizations/queries'
import type { CreditOutlook, CreditOutlooks } from '../features/projects/lib/credit-limits'
import { useCreditBudget } from '../features/usage/budget-store'
import { budgetStatus, creditsSoFar, type DailyCredits } from '../features/usage/lib/credit-budget'
import { usageQueries } from '../features/usage/queries'

/** Each project's credits per day from a current-generation answer asked by day; null for 2022 (one total). */
function dailyCreditsByProject(answer: UsageAnswer): Map<string, DailyCredits> | null {
  if (answer.generation !== 'current') return null
  const byProject = new Map<string, DailyCredits>()
  for (const project of answer.projects) {
    const days = project.usage.map((point) => ({
      day: dayOfTimestamp(point.start_date),
      credits: point.value,
    }))
    const last = project.usage.at(-1)
    byProject.set(project.name, {
      days,
      range: days.length && last ? { start: days[0]!.day, end: dayOfTimestamp(last.end_date) } : null,
    })
  }
  return byProject
}

/**
 * A project's outlook at `now`: with a limit, the budget's rule (used, the projection, the day the
 * limit is or will be reached); without, the credits so far and the projection.
 */
export function creditOutlook(daily: DailyCredits, limit: number | null, now: Date): CreditOutlook {
  if (limit !== null && limit > 0 && daily.range) {
    const status = budgetStatus(daily.days, daily.range, limit, now)
    return { used: status.used, projected: status.projected, crossingDay: status.crossingDay }
  }
  const soFar = creditsSoFar(daily, now)
  return { used: soFar.used, projected: soFar.projection?.projected ?? null, crossingDay: null }
}

/** The organization's credit budget (this browser's) and every project's credits this period. */
export function useProjectCreditOutlooks(
  organization: string,
  now: Date,
): { outlooks: CreditOutlooks; budget: number | null } {
  const detail = useQuery(organizationQueries.detail(organization))
  const budget = useCreditBudget(detail.data?.id)
  const usage = useQuery(usageQueries.range(organization, { interval: 'day' }))
  const byProject = useMemo(() => (usage.data ? dailyCreditsByProject(usage.data) : undefined), [usage.data])
  const outlooks = useMemo((): CreditOutlooks => {
    if (usage.isError) return { status: 'error', message: errorMessageOf(usage.error) }
    if (byProject === undefined) return { status: 'pending' }
    if (byProject === null) return { status: 'unavailable' }
    return {
      status: 'ready',
      of: (project, limit) => {
        const daily = byProject.get(project)
        return daily ? creditOutlook(daily, limit, now) : { used: 0, projected: null, crossingDay: null }
      },
    }
  }, [usage.isError, usage.error, byProject, now])
  return { outlooks, budget }
}
