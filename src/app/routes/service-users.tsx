import { useParams } from 'react-router'
import { ServiceUsersPage } from '../../features/service-users/components/service-users-page'

export default function ServiceUsersRoute() {
  const name = useParams().name ?? ''
  return <ServiceUsersPage key={name} organization={name} />
}
