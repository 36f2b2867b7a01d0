import type { QueryClient } from '@tanstack/react-query'
import { OrganizationListPage } from '../../features/organizations/components/organization-list-page'
import { organizationQueries } from '../../features/organizations/queries'

export function loader(queryClient: QueryClient) {
  // Start (or reuse) the list before the page renders; errors are the page's to show.
  return async () => {
    await queryClient.prefetchQuery(organizationQueries.list())
    return null
  }
}

export default function OrganizationsRoute() {
  return <OrganizationListPage />
}
