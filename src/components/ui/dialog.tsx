import type { ReactNode } from 'react'
import { Button } from './button'
import { FormError } from './field'
import { ModalShell, type ModalShellProps } from './modal-shell'

export type DialogProps = Omit<ModalShellProps, 'className'>

/**
 * A modal dialog: {open, onClose, title, description?, children, footer?, dismissible?}.
 * Focus is trapped while open, Escape calls onClose, focus returns to the opener on close.
 * Put `data-autofocus` on the control that should take focus first (else the first focusable one).
 * For a form, wrap body and footer in the <form> yourself, or give the submit button `form="id"`.
 */
export function Dialog(props: DialogProps) {
  return <ModalShell {...props} className="ui-dialog" />
}

export interface ConfirmDialogProps {
  open: boolean
  onClose: () => void
  onConfirm: () => void
  title: ReactNode
  /** What will happen, in plain words. */
  children: ReactNode
  /** The confirm button's label: a verb that says what happens ("Remove member"), not "OK". */
  confirmLabel: string
  /** Red confirm button, and focus starts on Cancel. */
  isDestructive?: boolean
  /** While the action runs: confirm shows a spinner, nothing can be dismissed. */
  isPending?: boolean
  /** The reason the action failed, shown above the buttons. */
  error?: string | null
}

/** Asks before doing something; stays open (with the error) when the action fails. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  isDestructive = false,
  isPending = false,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      dismissible={!isPending}
      footer={
        <>
          <Button onClick={onClose} disabled={isPending} data-autofocus={isDestructive || undefined}>
            Cancel
          </Button>
          <Button
            variant={isDestructive ? 'danger' : 'primary'}
            onClick={onConfirm}
            isPending={isPending}
            data-autofocus={isDestructive ? undefined : true}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div>{children}</div>
        <FormError>{error}</FormError>
      </div>
    </Dialog>
  )
}
