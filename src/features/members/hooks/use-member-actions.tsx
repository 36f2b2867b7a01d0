import type { QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Member } from '../../../api/types'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { displayName } from '../lib/member-list'
import { RolesThatGo } from '../components/roles-that-go'
import { undoRemoval, UNDO_WINDOW_MS } from '../pending-removals'
import { scheduleMemberRemoval, useUpdateMemberRole } from '../queries'

interface MemberActions {
  changeRole: (member: Member, admin: boolean) => void
  askToRemove: (member: Member) => void
  /** the removal confirmation, to render once on the page */
  confirmDialog: ReactNode
}

/**
 * Role changes (optimistic, rolled back with a message) and removal (confirm, then an undo
 * toast; the DELETE goes out only when the undo window is over).
 */
export function useMemberActions(
  organization: string,
  queryClient: QueryClient,
  { onRemoved }: { onRemoved: (member: Member) => void },
): MemberActions {
  const toast = useToast()
  const updateRole = useUpdateMemberRole(organization)
  const [toRemove, setToRemove] = useState<Member | null>(null)

  const changeRole = (member: Member, admin: boolean) => {
    const role = admin ? 'an admin' : 'a member'
    updateRole.mutate(
      { member, admin },
      {
        onSuccess: () => toast.show({ message: `${member.email} is now ${role}.`, tone: 'success' }),
        onError: (error) =>
          toast.show({
            message: `Could not make ${member.email} ${role}: ${errorMessageOf(error)} The list now shows the current roles.`,
            tone: 'error',
          }),
      },
    )
  }

  const remove = (member: Member) => {
    setToRemove(null)
    scheduleMemberRemoval(queryClient, organization, member, {
      onError: (error) =>
        toast.show({
          message: `Could not remove ${member.email}: ${errorMessageOf(error)} They are still a member.`,
          tone: 'error',
        }),
    })
    onRemoved(member)
    toast.show({
      message: `Removed ${member.email}.`,
      durationMs: UNDO_WINDOW_MS,
      action: {
        label: 'Undo',
        onAction: () => {
          if (undoRemoval(organization, member.id))
            toast.show({ message: `${member.email} is still a member.`, tone: 'success' })
          else
            toast.show({
              message: `Too late to undo: ${member.email} was already removed. Add them again if needed.`,
              tone: 'error',
            })
        },
      },
    })
  }

  const confirmDialog = (
    <ConfirmDialog
      open={toRemove !== null}
      onClose={() => setToRemove(null)}
      onConfirm={() => toRemove && remove(toRemove)}
      title={toRemove ? `Remove ${displayName(toRemove)}?` : 'Remove member'}
      confirmLabel="Remove member"
      isDestructive
    >
      {toRemove && (
        <div className="stack-sm">
          <p>
            <strong>{toRemove.email}</strong> will no longer be a member of {organization}, and loses their
            roles in every project of the organization. You can undo this for a few seconds afterwards.
          </p>
          <RolesThatGo organization={organization} member={toRemove} />
        </div>
      )}
    </ConfirmDialog>
  )

  return { changeRole, askToRemove: setToRemove, confirmDialog }
}
