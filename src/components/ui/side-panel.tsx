import { ModalShell, type ModalShellProps } from './modal-shell'

export type SidePanelProps = Omit<ModalShellProps, 'className'>

/**
 * A sheet docked to the right edge (full width on phones), e.g. a member's details:
 * {open, onClose, title, description?, children, footer?, dismissible?}. It is modal — a native
 * <dialog> — so focus stays inside, Escape closes it and focus returns to the opener.
 */
export function SidePanel(props: SidePanelProps) {
  return <ModalShell {...props} className="ui-dialog ui-side-panel" />
}
