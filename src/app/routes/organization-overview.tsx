import { useParams } from 'react-router'
import { OrganizationOverviewPage } from '../../features/organizations/components/organization-overview-page'

export default function OrganizationOverviewRoute() {
  const { name = '' } = useParams()
  return <OrganizationOverviewPage name={name} />
}
