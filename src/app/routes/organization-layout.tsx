import { Outlet, useParams } from 'react-router'
import { OrganizationLayout } from '../../features/organizations/components/organization-layout'

export default function OrganizationLayoutRoute() {
  const { name = '' } = useParams()
  return (
    <OrganizationLayout name={name}>
      <Outlet />
    </OrganizationLayout>
  )
}
