import { useParams } from 'react-router'
import { OrganizationSettingsPage } from '../../features/organizations/components/organization-settings-page'

export default function OrganizationSettingsRoute() {
  const { name = '' } = useParams()
  return <OrganizationSettingsPage name={name} />
}
