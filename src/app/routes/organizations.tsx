import { lazy, Suspense, useState } from 'react'
import {
  OrganizationListPage,
  type ExtraColumn,
} from '../../features/organizations/components/organization-list-page'

// The budget cells (budget arithmetic and formats of the usage feature) and the at-a-glance
// columns load beside the list rather than in it: the list is a first page, held to 125 KB of
// JavaScript (bench/bytes.ts), and its names paint without waiting for either.
const BudgetListCell = lazy(() =>
  import('../../features/usage/components/budget-list-cell').then((module) => ({
    default: module.BudgetListCell,
  })),
)
const OrganizationGlance = lazy(() => import('../organization-glance'))

export default function OrganizationsRoute() {
  // One clock per visit, as on the overview: the budget projections do not shift while it is open.
  const [now] = useState(() => new Date())
  const [budgetColumn] = useState<ExtraColumn>(() => ({
    header: 'Credit budget',
    cell: (organization) => (
      <Suspense fallback={null}>
        <BudgetListCell organization={organization} now={now} />
      </Suspense>
    ),
  }))
  return <OrganizationListPage extraColumn={budgetColumn} GlanceProvider={OrganizationGlance} />
}
