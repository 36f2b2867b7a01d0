import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { QueryView } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../queries'
import { OrganizationDetails } from './organization-details'
import { ResourceCards } from './resource-cards'

export function OrganizationOverviewPage({ name }: { name: string }) {
  const detail = useQuery(organizationQueries.detail(name))
  return (
    <div className="stack">
      <section aria-labelledby="details-heading" className="ui-card stack-sm">
        <h2 id="details-heading">Details</h2>
        <QueryView query={detail} pendingLabel="Loading the details" errorTitle="Could not load the details">
          {(organization) => <OrganizationDetails organization={organization} />}
        </QueryView>
      </section>
      <ResourceCards name={name} />
      <p>
        <Link to={paths.usage(name)}>See how much {name} used this subscription period</Link>
      </p>
    </div>
  )
}
