import { useQueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Member } from '../../../api/types'
import { ConfirmDialog } from '../../../components/ui/dialog'
import { errorMessageOf } from '../../../components/ui/query-state'
import { useToast } from '../../../components/ui/toast'
import { createLimiter } from '../../../lib/limiter'
import { undoRemoval, UNDO_WINDOW_MS } from '../pending-removals'
import { scheduleMemberRemoval, useUpdateMemberRoles } from '../queries'

/** Removals of a bulk action go out at most 4 at a time when their undo window ends. */
const removals = createLimiter(4)

const count = (n: number, one = 'member', many = 'members') => `${n} ${n === 1 ? one : many}`

export interface BulkMemberActions {
  /** Makes every one of `members` admin (true) or member (false); one toast, one Undo for all. */
  changeRoles: (members: readonly Member[], admin: boolean) => void
  /** Asks to remove every one of `members`; once confirmed, one toast with one Undo for all. */
  askToRemove: (members: readonly Member[]) => void
  isChangingRoles: boolean
  /** the removal confirmation, to render once on the page */
  confirmDialog: ReactNode
}

/**
 * The bulk actions on the selected members. The caller has checked the last-admin rule
 * (domain/members.ts) for the whole selection. A role change is sent at once (optimistic) and
 * undone by sending the old roles back; a removal waits out the undo window, as a single one does
 * (pending-removals.ts), and Undo cancels all of them.
 */
export function useBulkMemberActions(
  organization: string,
  { onDone }: { onDone: () => void },
): BulkMemberActions {
  const queryClient = useQueryClient()
  const toast = useToast()
  const updateRoles = useUpdateMemberRoles(organization)
  const [toRemove, setToRemove] = useState<readonly Member[] | null>(null)

  const changeRoles = (members: readonly Member[], admin: boolean, isUndo = false) => {
    const role = admin ? 'admins' : 'members'
    updateRoles.mutate(
      { members, admin },
      {
        onSuccess: ({ changed, failed, firstError }) => {
          if (failed.length > 0)
            toast.show({
              message: `Could not make ${count(failed.length)} ${role}: ${errorMessageOf(firstError)} ${changed.length > 0 ? `${count(changed.length)} changed. ` : ''}The list now shows the current roles.`,
              tone: 'error',
            })
          if (changed.length === 0 || isUndo) {
            if (isUndo && changed.length > 0)
              toast.show({ message: `Roles of ${count(changed.length)} put back.`, tone: 'success' })
            return
          }
          toast.show({
            message: `Made ${count(changed.length)} ${role}.`,
            tone: 'success',
            durationMs: UNDO_WINDOW_MS,
            action: {
              label: 'Undo',
              // Each changed member back to the role they had, in one request per member.
              onAction: () =>
                changeRoles(
                  changed.map((member) => ({ ...member, admin })),
                  !admin,
                  true,
                ),
            },
          })
        },
        onError: (error) =>
          toast.show({ message: `Could not change the roles: ${errorMessageOf(error)}`, tone: 'error' }),
      },
    )
    if (!isUndo) onDone()
  }

  const remove = (members: readonly Member[]) => {
    setToRemove(null)
    for (const member of members)
      scheduleMemberRemoval(queryClient, organization, member, {
        run: (send) => removals.run(send),
        onError: (error) =>
          toast.show({
            message: `Could not remove ${member.email}: ${errorMessageOf(error)} They are still a member.`,
            tone: 'error',
          }),
      })
    onDone()
    toast.show({
      message: `Removed ${count(members.length)}.`,
      durationMs: UNDO_WINDOW_MS,
      action: {
        label: 'Undo',
        onAction: () => {
          const kept = members.filter((member) => undoRemoval(organization, member.id))
          if (kept.length === members.length)
            toast.show({ message: `${count(kept.length)} kept.`, tone: 'success' })
          else
            toast.show({
              message: `Too late to undo for ${count(members.length - kept.length)}: already removed. Add them again if needed.`,
              tone: 'error',
            })
        },
      },
    })
  }

  const shown = toRemove?.slice(0, 8) ?? []
  const confirmDialog = (
    <ConfirmDialog
      open={toRemove !== null}
      onClose={() => setToRemove(null)}
      onConfirm={() => toRemove && remove(toRemove)}
      title={toRemove ? `Remove ${count(toRemove.length)}?` : 'Remove members'}
      confirmLabel={toRemove ? `Remove ${count(toRemove.length)}` : 'Remove'}
      isDestructive
    >
      {toRemove && (
        <div className="stack-sm">
          <p>
            They will no longer be members of {organization}, and lose their roles in every project of the
            organization. You can undo this for a few seconds afterwards.
          </p>
          <ul>
            {shown.map((member) => (
              <li key={member.id}>{member.email}</li>
            ))}
            {toRemove.length > shown.length && (
              <li>and {count(toRemove.length - shown.length, 'other', 'others')}</li>
            )}
          </ul>
        </div>
      )}
    </ConfirmDialog>
  )

  return {
    changeRoles: (members, admin) => changeRoles(members, admin),
    askToRemove: setToRemove,
    isChangingRoles: updateRoles.isPending,
    confirmDialog,
  }
}
