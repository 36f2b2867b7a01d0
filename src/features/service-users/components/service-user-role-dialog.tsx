import { useState } from 'react'
import type { RoleAssignment } from '../../../api/model'
import type { ServiceUser } from '../../../api/service-user-answers'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { SelectField } from '../../../components/ui/field'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useProjectRoleNames } from '../../projects/queries'
import { isRoleChange, roleChangeSentence } from '../lib/service-user-roles'
import { useSetServiceUserRole } from '../queries'

/** A service user whose role is being changed, with the roles it holds on its project as shown. */
export interface RoleChangeTarget {
  serviceUser: ServiceUser
  held: readonly RoleAssignment[]
}

/**
 * Changes or takes away a service user's role on its project, after saying what its token may do
 * afterwards; stays open with the reason when the API refuses (as the page's other confirmations
 * do). `onChanged` gets the role it now holds (null: none).
 */
export function ServiceUserRoleDialog(props: {
  organization: string
  target: RoleChangeTarget | null
  onClose: () => void
  onChanged: (serviceUser: ServiceUser, role: string | null) => void
}) {
  // Keyed by the service user, so that each opening starts from the role it holds.
  return props.target && <RoleDialog key={props.target.serviceUser.id} {...props} target={props.target} />
}

function RoleDialog({
  organization,
  target,
  onClose,
  onChanged,
}: {
  organization: string
  target: RoleChangeTarget
  onClose: () => void
  onChanged: (serviceUser: ServiceUser, role: string | null) => void
}) {
  const { serviceUser, held } = target
  const setRole = useSetServiceUserRole(organization)
  const offered = useProjectRoleNames(organization, serviceUser.projectName)
  // A role it holds that the project no longer offers stays choosable, so the select shows the truth.
  const roles = [...new Set([...offered, ...held.map((assignment) => assignment.role)])]
  const [chosen, setChosen] = useState(held[0]?.role ?? '')
  const role = chosen === '' ? null : chosen
  const close = () => {
    setRole.reset()
    onClose()
  }
  const confirm = () => {
    if (!isRoleChange(held, role)) return close()
    setRole.mutate(
      { serviceUser, held, role },
      {
        onSuccess: () => {
          setRole.reset()
          onChanged(serviceUser, role)
        },
      },
    )
  }
  return (
    <ConfirmDialog
      open
      onClose={close}
      onConfirm={confirm}
      title={`Change the role of ${serviceUser.name}?`}
      confirmLabel="Change role"
      isDestructive={role === null && held.length > 0}
      isPending={setRole.isPending}
      error={setRole.error ? errorMessageOf(setRole.error) : null}
    >
      <div className="stack">
        <SelectField
          label={`Role in ${serviceUser.projectName}`}
          data-autofocus
          value={chosen}
          disabled={setRole.isPending}
          onChange={(event) => setChosen(event.target.value)}
        >
          {roles.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value="">No role</option>
        </SelectField>
        <p aria-live="polite">{roleChangeSentence(serviceUser, held, role)}</p>
      </div>
    </ConfirmDialog>
  )
}
