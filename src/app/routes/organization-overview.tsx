import { useState } from 'react'
import { useParams } from 'react-router'
import { OrganizationOverviewPage } from '../../features/organizations/components/organization-overview-page'
import { BudgetCard } from '../../features/usage/components/budget-card'
import { CREDIT_BUDGET_SECTION } from '../../lib/paths'

export default function OrganizationOverviewRoute() {
  const { name = '' } = useParams()
  // One clock per visit: the budget's projection does not shift while the page is open.
  const [now] = useState(() => new Date())
  return (
    <div className="stack">
      <OrganizationOverviewPage name={name} />
      {/* The palette's "Credit budget" opens the overview here (src/lib/paths.ts). */}
      <div id={CREDIT_BUDGET_SECTION.id} tabIndex={-1} className="page-section">
        <BudgetCard name={name} now={now} />
      </div>
    </div>
  )
}
