import { OrganizationListPage } from '../../features/organizations/components/organization-list-page'

export default function OrganizationsRoute() {
  return <OrganizationListPage />
}
