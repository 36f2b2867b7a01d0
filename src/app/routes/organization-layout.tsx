import type { QueryClient } from '@tanstack/react-query'
import { Outlet, useParams, type LoaderFunctionArgs } from 'react-router'
import { OrganizationLayout } from '../../features/organizations/components/organization-layout'
import { organizationQueries } from '../../features/organizations/queries'

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    // Waits for the detail so that the page arrives with data; a failure is the layout's to show.
    if (params.name) await queryClient.prefetchQuery(organizationQueries.detail(params.name))
    return null
  }
}

export default function OrganizationLayoutRoute() {
  const { name = '' } = useParams()
  return (
    <OrganizationLayout name={name}>
      <Outlet />
    </OrganizationLayout>
  )
}
