import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ToastProvider, useToast, type ToastOptions } from './toast'

function Trigger({ options }: { options: ToastOptions }) {
  const toast = useToast()
  return <button onClick={() => toast.show(options)}>Show</button>
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
})

describe('toasts', () => {
  it('announces in a polite live region and leaves after its duration', () => {
    render(
      <ToastProvider>
        <Trigger options={{ message: 'Saved.', tone: 'success', durationMs: 3000 }} />
      </ToastProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Show' }).click())
    expect(screen.getByRole('list', { name: 'Messages' })).toHaveTextContent('Saved.')
    act(() => vi.advanceTimersByTime(3100))
    expect(screen.queryByText('Saved.')).not.toBeInTheDocument()
  })

  it('puts errors in the assertive region', () => {
    render(
      <ToastProvider>
        <Trigger options={{ message: 'Failed.', tone: 'error' }} />
      </ToastProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Show' }).click())
    expect(screen.getByRole('list', { name: 'Errors' })).toHaveTextContent('Failed.')
  })

  it('runs its action once and closes', () => {
    const onAction = vi.fn()
    render(
      <ToastProvider>
        <Trigger options={{ message: 'Removed.', action: { label: 'Undo', onAction } }} />
      </ToastProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Show' }).click())
    act(() => screen.getByRole('button', { name: 'Undo' }).click())
    expect(onAction).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Removed.')).not.toBeInTheDocument()
  })

  it('waits while the pointer is on it', () => {
    render(
      <ToastProvider>
        <Trigger options={{ message: 'Stay.', durationMs: 2000 }} />
      </ToastProvider>,
    )
    act(() => screen.getByRole('button', { name: 'Show' }).click())
    const toast = screen.getByText('Stay.').closest('li')!
    act(() => {
      toast.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    })
    act(() => vi.advanceTimersByTime(5000))
    expect(screen.getByText('Stay.')).toBeInTheDocument()
  })
})
