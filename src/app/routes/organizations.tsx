import { lazy, Suspense, useState } from 'react'
import {
  OrganizationListPage,
  type ExtraColumn,
} from '../../features/organizations/components/organization-list-page'
import { onDemand, useOnDemand } from '../../hooks/use-on-demand'

// The budget cells (budget arithmetic and formats of the usage feature) and the at-a-glance
// columns load beside the list rather than in it: the list is a first page, held to 125 KB of
// JavaScript (bench/bytes.ts), and its names paint without waiting for either.
const BudgetListCell = lazy(() =>
  import('../../features/usage/components/budget-list-cell').then((module) => ({
    default: module.BudgetListCell,
  })),
)

// Asked for as soon as this route's module runs, in parallel with the list's data, and kept as a
// plain value rather than through lazy() (src/hooks/use-on-demand.ts says why).
const glance = onDemand(() => import('../organization-glance').then((module) => module.default))
glance.preload()

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
  // A chunk that fails to load leaves the facts pending: the names and the rest of the page still work.
  const { value: GlanceProvider } = useOnDemand(glance)
  return <OrganizationListPage extraColumn={budgetColumn} GlanceProvider={GlanceProvider ?? null} />
}
