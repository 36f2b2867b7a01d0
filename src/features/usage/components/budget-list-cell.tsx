import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useCreditBudget } from '../budget-store'
import { budgetStatus, dailyCredits } from '../lib/credit-budget'
import { formatCredits } from '../lib/format'
import { usageQueries } from '../queries'
import { BudgetNotice } from './budget-notice'
import './budget.css'

/**
 * The list's budget cell for one organization: nothing asked of the API without a budget (most
 * rows); with one, the current period's usage (the same cached query as the overview and the
 * usage page) and the budget's status sentence. A failed request says so in this cell only.
 */
export function BudgetListCell({
  organization,
  now,
}: {
  organization: { id: string; name: string }
  now: Date
}) {
  const budget = useCreditBudget(organization.id)
  const usage = useQuery({
    ...usageQueries.range(organization.name, { interval: 'day' }),
    enabled: budget !== null,
  })
  const status = useMemo(() => {
    if (budget === null || !usage.data) return null
    const period = dailyCredits(usage.data)
    return period.range ? budgetStatus(period.days, period.range, budget, now) : null
  }, [budget, usage.data, now])
  if (budget === null) return <span className="muted">No budget</span>
  if (usage.isError)
    return <span className="budget-badge budget-badge--danger">Could not load the usage</span>
  if (!usage.data) return <span className="muted">Loading…</span>
  if (!status) return <span className="muted">{formatCredits(budget)} credits; no usage this period yet</span>
  return <BudgetNotice status={status} compact />
}
