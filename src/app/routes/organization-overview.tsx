import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router'
import { OrganizationOverviewPage } from '../../features/organizations/components/organization-overview-page'
import { organizationQueries } from '../../features/organizations/queries'

export function loader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    // Starts the counts alongside the layout's detail; the cards show their own loading state.
    if (params.name) void queryClient.prefetchQuery(organizationQueries.resources(params.name))
    return null
  }
}

export default function OrganizationOverviewRoute() {
  const { name = '' } = useParams()
  return <OrganizationOverviewPage name={name} />
}
