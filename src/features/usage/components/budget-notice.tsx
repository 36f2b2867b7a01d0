import { formatDay } from '../lib/dates'
import type { BudgetStatus } from '../lib/credit-budget'
import { formatCredits, formatShare } from '../lib/format'

/** One sentence on a budget's status, with the date it is (expected to be) crossed. */
export function budgetSentence(status: BudgetStatus): string {
  const budget = `${formatCredits(status.budget)} credits`
  const crossing = status.crossingDay ? formatDay(status.crossingDay) : null
  switch (status.level) {
    case 'exceeded':
      return `Budget exceeded: ${formatShare(status.usedShare)} of ${budget} used${crossing ? `, since ${crossing}` : ''}.`
    case 'warning':
      return `${formatShare(status.usedShare)} of the budget of ${budget} used${crossing ? `; at this pace it runs out on ${crossing}` : '; at this pace it lasts the period'}.`
    case 'projected':
      return `At this pace the budget of ${budget} is passed${crossing ? ` on ${crossing}` : ' before the period ends'} (projected ${formatCredits(status.projected ?? 0)}).`
    case 'ok':
      return `${formatShare(status.usedShare)} of the budget of ${budget} used; at this pace it lasts the period.`
  }
}

/** The budget's status as a notice: a warning from the projection's crossing or 75% on, info before. */
export function BudgetNotice({ status, compact = false }: { status: BudgetStatus; compact?: boolean }) {
  const tone = status.level === 'exceeded' ? 'danger' : status.level === 'ok' ? 'info' : 'warning'
  return (
    <p
      className={
        compact ? `budget-badge budget-badge--${tone}` : `ui-notice ui-notice--${tone} budget-notice`
      }
      data-level={status.level}
    >
      {budgetSentence(status)}
    </p>
  )
}
