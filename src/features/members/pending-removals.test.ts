import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scheduleRemoval, undoRemoval, usePendingRemovalIds, UNDO_WINDOW_MS } from './pending-removals'

describe('pending removals', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends the removal only when the undo window is over, and hides the member meanwhile', () => {
    const send = vi.fn()
    const { result } = renderHook(() => usePendingRemovalIds('org-a'))
    act(() => scheduleRemoval('org-a', 'u1', send))
    expect([...result.current]).toEqual(['u1'])
    act(() => vi.advanceTimersByTime(UNDO_WINDOW_MS - 1))
    expect(send).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(1))
    expect(send).toHaveBeenCalledTimes(1)
    expect(result.current.size).toBe(0)
  })

  it('undo cancels without sending; undo after the window says it is too late', () => {
    const send = vi.fn()
    scheduleRemoval('org-a', 'u2', send)
    expect(undoRemoval('org-a', 'u2')).toBe(true)
    vi.advanceTimersByTime(UNDO_WINDOW_MS * 2)
    expect(send).not.toHaveBeenCalled()

    scheduleRemoval('org-a', 'u3', send)
    vi.advanceTimersByTime(UNDO_WINDOW_MS)
    expect(undoRemoval('org-a', 'u3')).toBe(false)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('keeps organizations apart', () => {
    const { result } = renderHook(() => usePendingRemovalIds('org-b'))
    act(() => scheduleRemoval('org-c', 'u4', vi.fn()))
    expect(result.current.size).toBe(0)
    act(() => {
      undoRemoval('org-c', 'u4')
    })
  })

  it('sends every waiting removal at once when the page is left', () => {
    const send = vi.fn()
    act(() => {
      scheduleRemoval('org-d', 'u5', send)
      scheduleRemoval('org-d', 'u6', send)
    })
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(send).toHaveBeenCalledTimes(2)
  })
})
