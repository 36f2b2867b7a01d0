import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmDialog, Dialog } from './dialog'

function Harness() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Edit things" footer={<button>Save</button>}>
        <input aria-label="Thing" data-autofocus />
      </Dialog>
    </>
  )
}

describe('Dialog', () => {
  it('is named by its title, focuses [data-autofocus], and returns focus to the opener on close', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Open' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit things' })
    expect(dialog).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Thing' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus()
  })

  it('turns the native cancel event (Escape) into onClose', async () => {
    const onClose = vi.fn()
    render(
      <Dialog open onClose={onClose} title="Escape me">
        body
      </Dialog>,
    )
    const dialog = screen.getByRole('dialog', { name: 'Escape me', hidden: true })
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    })
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('ignores Escape while not dismissible', () => {
    const onClose = vi.fn()
    render(
      <Dialog open onClose={onClose} title="Busy" dismissible={false}>
        body
      </Dialog>,
    )
    act(() => {
      screen.getByRole('dialog', { hidden: true }).dispatchEvent(new Event('cancel', { cancelable: true }))
    })
    expect(onClose).not.toHaveBeenCalled()
  })
})

describe('ConfirmDialog', () => {
  it('starts on Cancel when destructive, shows the error, and blocks while pending', () => {
    const { rerender } = render(
      <ConfirmDialog
        open
        onClose={() => {}}
        onConfirm={() => {}}
        title="Remove?"
        confirmLabel="Remove"
        isDestructive
        error="Nope."
      >
        Really?
      </ConfirmDialog>,
    )
    expect(screen.getByRole('button', { name: 'Cancel', hidden: true })).toHaveFocus()
    expect(screen.getByRole('alert', { hidden: true })).toHaveTextContent('Nope.')
    rerender(
      <ConfirmDialog
        open
        onClose={() => {}}
        onConfirm={() => {}}
        title="Remove?"
        confirmLabel="Remove"
        isDestructive
        isPending
      >
        Really?
      </ConfirmDialog>,
    )
    expect(screen.getByRole('button', { name: 'Remove', hidden: true })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Remove', hidden: true })).toHaveAttribute('aria-busy', 'true')
  })
})
