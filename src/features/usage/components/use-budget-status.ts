import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { organizationQueries } from '../../organizations/queries'
import { useCreditBudget } from '../budget-store'
import type { UsageInterval } from '../../../api/types'
import {
  budgetPerDay,
  budgetStatus,
  dailyCredits,
  type BudgetStatus,
  type DailyCredits,
} from '../lib/credit-budget'
import { daysBetween } from '../../../../domain/dates'
import { formatCredits } from '../lib/format'
import type { DateRange } from '../../../../domain/usage'
import { usageQueries } from '../queries'

export interface BudgetState {
  organizationId: string | undefined
  budget: number | null
  /** credits per day of the current subscription period so far; undefined while loading */
  period: DailyCredits | undefined
  /** null without a budget or before the usage is in */
  status: BudgetStatus | null
  isPending: boolean
  error: unknown
}

/**
 * An organization's credit budget (this browser's, by organization id) against the current
 * subscription period's usage, asked by day as the usage page's default view asks it (one cache
 * entry). `enabled: false` skips the usage request (the list asks only for budgeted rows).
 */
export function useBudgetStatus(
  name: string,
  now: Date,
  options: { usage?: 'always' | 'with-budget' } = {},
): BudgetState {
  const detail = useQuery(organizationQueries.detail(name))
  const organizationId = detail.data?.id
  const budget = useCreditBudget(organizationId)
  const wantsUsage = options.usage !== 'with-budget' || budget !== null
  const usage = useQuery({ ...usageQueries.range(name, { interval: 'day' }), enabled: wantsUsage })
  const period = useMemo(() => (usage.data ? dailyCredits(usage.data) : undefined), [usage.data])
  const status = useMemo(
    () => (budget !== null && period?.range ? budgetStatus(period.days, period.range, budget, now) : null),
    [budget, period, now],
  )
  return {
    organizationId,
    budget,
    period,
    status,
    isPending: detail.isPending || (wantsUsage && usage.isPending),
    error: detail.error ?? usage.error,
  }
}

/** A chart's budget line: the per-day pace that spends exactly the budget over the period. */
export interface BudgetLine {
  perDay: number
  /** "Budget pace: 33.3 credits a day (1,000 over 30 days)" */
  label: string
}

/**
 * The budget line for a chart of `period` by day, when the organization has a budget and the
 * chart shows the current subscription period by day; undefined otherwise.
 */
export function useBudgetLine(
  name: string,
  period: DateRange | null,
  interval: UsageInterval,
): BudgetLine | undefined {
  const detail = useQuery(organizationQueries.detail(name))
  const budget = useCreditBudget(detail.data?.id)
  if (budget === null || !period || interval !== 'day') return undefined
  const perDay = budgetPerDay(budget, period)
  const days = daysBetween(period.start, period.end)
  return {
    perDay,
    label: `Budget pace: ${formatCredits(perDay)} credits a day (${formatCredits(budget)} over ${days} days)`,
  }
}
