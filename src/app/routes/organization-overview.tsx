import { useState } from 'react'
import { useParams } from 'react-router'
import { OrganizationOverviewPage } from '../../features/organizations/components/organization-overview-page'
import { BudgetCard } from '../../features/usage/components/budget-card'

export default function OrganizationOverviewRoute() {
  const { name = '' } = useParams()
  // One clock per visit: the budget's projection does not shift while the page is open.
  const [now] = useState(() => new Date())
  return (
    <div className="stack">
      <OrganizationOverviewPage name={name} />
      <BudgetCard name={name} now={now} />
    </div>
  )
}
