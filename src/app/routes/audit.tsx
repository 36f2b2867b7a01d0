import { useParams } from 'react-router'
import { AuditPage } from '../../features/audit/components/audit-page'
import { useAdministrationRights } from '../../features/organizations/hooks/use-administration-rights'

export default function AuditRoute() {
  const name = useParams().name ?? ''
  const { canAdminister, isKnown } = useAdministrationRights(name)
  if (!isKnown) return null
  return <AuditPage key={name} organization={name} canAdminister={canAdminister} />
}
