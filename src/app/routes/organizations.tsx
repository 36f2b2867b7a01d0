import { useState } from 'react'
import {
  OrganizationListPage,
  type ExtraColumn,
} from '../../features/organizations/components/organization-list-page'
import { BudgetListCell } from '../../features/usage/components/budget-list-cell'

export default function OrganizationsRoute() {
  // One clock per visit, as on the overview: the budget projections do not shift while it is open.
  const [now] = useState(() => new Date())
  const [budgetColumn] = useState<ExtraColumn>(() => ({
    header: 'Credit budget',
    cell: (organization) => <BudgetListCell organization={organization} now={now} />,
  }))
  return <OrganizationListPage extraColumn={budgetColumn} />
}
