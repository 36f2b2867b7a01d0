import { useParams } from 'react-router'
import { AccessPage } from '../../features/access/components/access-page'

export default function AccessRoute() {
  const name = useParams().name ?? ''
  return <AccessPage key={name} organization={name} />
}
