import type { Member } from '../../../api/types'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useMemberAccess } from '../hooks/use-member-access'

/** In the removal confirmation: the project roles that leave with the member, named one by one. */
export function RolesThatGo({ organization, member }: { organization: string; member: Member }) {
  const access = useMemberAccess(organization, member.id, true)
  if (access.error)
    return (
      <p className="ui-notice" role="status">
        Their project roles could not be listed ({errorMessageOf(access.error)}); they go all the same.
      </p>
    )
  if (!access.assignments)
    return (
      <p className="muted" role="status">
        Listing their project roles…
      </p>
    )
  if (access.assignments.length === 0) return <p role="status">They hold no project role.</p>
  return (
    <div role="status">
      <p>These project roles go with them:</p>
      <ul aria-label={`Project roles of ${member.email} that go`}>
        {access.assignments.map((assignment) => (
          <li key={assignment.id}>
            {assignment.role} in <strong>{assignment.projectName}</strong>
          </li>
        ))}
      </ul>
    </div>
  )
}
