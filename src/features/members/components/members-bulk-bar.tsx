import { useId } from 'react'
import type { Member } from '../../../api/types'
import { lastAdminProblem } from '../../../../domain/members'
import { Button } from '../../../components/ui/button'
import type { BulkMemberActions } from '../hooks/use-bulk-member-actions'
import { formatCount } from '../../../lib/format-number'

/**
 * The actions on the selected members (a bar above the list while any are selected): make admin,
 * make member, remove, clear. An action that would leave the organization without an admin is
 * disabled, with the last-admin rule's reason (domain/members.ts) beside it.
 */
export function MembersBulkBar({
  organization,
  members,
  selected,
  actions,
  onClear,
}: {
  organization: string
  /** every member of the organization (the rule counts the admins left) */
  members: readonly Member[]
  selected: readonly Member[]
  actions: BulkMemberActions
  onClear: () => void
}) {
  const reasonId = useId()
  const ids = new Set(selected.map((member) => member.id))
  const demoteProblem = lastAdminProblem(members, ids, 'make-member', organization)
  const removeProblem = lastAdminProblem(members, ids, 'remove', organization)
  const reason = removeProblem ?? demoteProblem
  const guard = (problem: string | null) =>
    problem ? { disabled: true, 'aria-describedby': reasonId } : { disabled: actions.isChangingRoles }
  const hasMembers = selected.some((member) => !member.admin)
  const hasAdmins = selected.some((member) => member.admin)
  return (
    <div className="members-bulk-bar" role="region" aria-label="Selected members">
      <span className="members-bulk-bar__count" role="status">
        {formatCount(selected.length)} selected
      </span>
      <Button
        size="small"
        onClick={() => actions.changeRoles(selected, true)}
        disabled={!hasMembers || actions.isChangingRoles}
      >
        Make admin
      </Button>
      <Button
        size="small"
        onClick={() => actions.changeRoles(selected, false)}
        {...guard(demoteProblem)}
        {...(!hasAdmins ? { disabled: true } : {})}
      >
        Make member
      </Button>
      <Button
        size="small"
        variant="ghost"
        className="members-actions__remove"
        onClick={() => actions.askToRemove(selected)}
        {...guard(removeProblem)}
      >
        Remove
      </Button>
      <Button size="small" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
      {reason && (
        <p id={reasonId} className="members-bulk-bar__reason ui-notice">
          {reason}
        </p>
      )}
    </div>
  )
}
