import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { onDemand, useOnDemand } from './use-on-demand'

describe('onDemand and useOnDemand', () => {
  it('fetches once, and renders a preloaded value at once', async () => {
    const load = vi.fn(() => Promise.resolve('panel'))
    const module = onDemand(load)
    module.preload()
    module.preload()
    await module.fetch()
    expect(load).toHaveBeenCalledTimes(1)
    const { result } = renderHook(() => useOnDemand(module))
    // The first render already has it: nothing waits for a promise to settle.
    expect(result.current.value).toBe('panel')
  })

  it('fetches on mount when not preloaded', async () => {
    const module = onDemand(() => Promise.resolve(42))
    const { result } = renderHook(() => useOnDemand(module))
    expect(result.current.value).toBeUndefined()
    await waitFor(() => expect(result.current.value).toBe(42))
  })

  it('shows a failure, and retry fetches again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce('panel')
    const module = onDemand(load)
    const { result } = renderHook(() => useOnDemand(module))
    await waitFor(() => expect(result.current.error).toEqual(new Error('offline')))
    expect(result.current.value).toBeUndefined()
    act(() => result.current.retry())
    await waitFor(() => expect(result.current.value).toBe('panel'))
    expect(result.current.error).toBeUndefined()
    expect(load).toHaveBeenCalledTimes(2)
  })
})
