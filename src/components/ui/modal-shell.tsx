import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { VisuallyHidden } from './visually-hidden'

export interface ModalShellProps {
  /** Rendered (and shown with showModal()) only while true, so forms inside start fresh each time. */
  open: boolean
  /** Called on Escape, the close button, a click on the backdrop (when dismissible) — the parent decides. */
  onClose: () => void
  /** The heading that names the dialog (aria-labelledby). */
  title: ReactNode
  /** Optional line under the title, also read as the dialog's description. */
  description?: ReactNode
  children?: ReactNode
  /** Buttons at the bottom (e.g. Cancel + the main action). */
  footer?: ReactNode
  /** false while something is pending that must not be abandoned: Escape and backdrop do nothing. */
  dismissible?: boolean
  /**
   * Where focus goes on closing when nothing on the page opened it (the dialog came with the
   * address, e.g. a shared link to a member's panel): the opener's place on the page, if any.
   */
  returnFocusTo?: () => HTMLElement | null | undefined
  className: string
}

/**
 * The native <dialog> opened with showModal(): the browser traps focus, makes the rest of the page
 * inert and turns Escape into a `cancel` event. This adds: the title as its accessible name, focus
 * on the first `[data-autofocus]` element, and focus back on the opener when it closes.
 */
export function ModalShell({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  dismissible = true,
  returnFocusTo,
  className,
}: ModalShellProps) {
  if (!open) return null
  return (
    <OpenModal
      onClose={onClose}
      title={title}
      description={description}
      footer={footer}
      dismissible={dismissible}
      returnFocusTo={returnFocusTo}
      className={className}
    >
      {children}
    </OpenModal>
  )
}

function OpenModal({
  onClose,
  title,
  description,
  children,
  footer,
  dismissible,
  returnFocusTo,
  className,
}: Omit<ModalShellProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  // The latest callbacks without re-running the open/close effect on every render.
  const latest = useRef({ onClose, dismissible, returnFocusTo })
  useLayoutEffect(() => {
    latest.current = { onClose, dismissible, returnFocusTo }
  })

  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // Nothing opened it when focus is on the body, or already inside (the dialog opened again at once).
    const active = document.activeElement
    const opener =
      active instanceof HTMLElement && active !== document.body && !dialog.contains(active) ? active : null
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '') // jsdom and very old browsers
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (dialog.open) dialog.close?.()
      // The opener may be gone (e.g. a row that was deleted): then the opener's place on the page,
      // if the owner names one; else focus falls back to the body.
      if (opener?.isConnected) opener.focus()
      else latest.current.returnFocusTo?.()?.focus()
    }
  }, [])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const handleCancel = (event: Event) => {
      // Keep the <dialog> open: the parent's state says whether it is open.
      event.preventDefault()
      if (latest.current.dismissible) latest.current.onClose()
    }
    dialog.addEventListener('cancel', handleCancel)
    return () => dialog.removeEventListener('cancel', handleCancel)
  }, [])

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(event) => {
        // A press on the ::backdrop targets the <dialog> itself; the content fills the box.
        if (event.target === event.currentTarget && latest.current.dismissible) onClose()
      }}
    >
      <div className="ui-dialog__surface">
        <header className="ui-dialog__header">
          <div className="stack-sm">
            <h2 id={titleId}>{title}</h2>
            {description && (
              <p id={descriptionId} className="muted">
                {description}
              </p>
            )}
          </div>
          <button
            type="button"
            className="ui-button ui-button--ghost ui-button--icon"
            onClick={onClose}
            disabled={!dismissible}
          >
            <span aria-hidden="true">✕</span>
            <VisuallyHidden>Close</VisuallyHidden>
          </button>
        </header>
        <div className="ui-dialog__body">{children}</div>
        {footer && <footer className="ui-dialog__footer">{footer}</footer>}
      </div>
    </dialog>
  )
}
