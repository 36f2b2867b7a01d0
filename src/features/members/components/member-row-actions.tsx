import type { Member } from '../../../api/types'
import { Button, type ButtonSize } from '../../../components/ui/button'
import { VisuallyHidden } from '../../../components/ui/visually-hidden'

export interface RowActionHandlers {
  onChangeRole: (member: Member, admin: boolean) => void
  onRemove: (member: Member) => void
}

interface MemberRowActionsProps extends RowActionHandlers {
  member: Member
  /** the only admin: demoting or removing them would leave the organization without one */
  isOnlyAdmin: boolean
  /** the element that says why the guarded controls are disabled */
  guardReasonId: string
  tabIndex?: number
  size?: ButtonSize
}

/** Make admin / make member and remove, for one member; guarded for the only admin. */
export function MemberRowActions({
  member,
  isOnlyAdmin,
  guardReasonId,
  tabIndex,
  size,
  onChangeRole,
  onRemove,
}: MemberRowActionsProps) {
  const guard = isOnlyAdmin
    ? {
        disabled: true,
        'aria-describedby': guardReasonId,
        title: 'The only admin cannot be demoted or removed',
      }
    : {}
  return (
    <div className="members-actions">
      <Button
        size={size}
        tabIndex={tabIndex}
        onClick={() => onChangeRole(member, !member.admin)}
        {...(member.admin ? guard : {})}
      >
        {member.admin ? 'Make member' : 'Make admin'}
        <VisuallyHidden> {member.email}</VisuallyHidden>
      </Button>
      <Button
        size={size}
        variant="ghost"
        className="members-actions__remove"
        tabIndex={tabIndex}
        onClick={() => onRemove(member)}
        {...guard}
      >
        Remove
        <VisuallyHidden> {member.email}</VisuallyHidden>
      </Button>
    </div>
  )
}
