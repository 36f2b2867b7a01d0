import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { untilCached, type AppRoute } from './route-module'
import { forgetFailedPreparations, prepareRoute } from './route-preparation'

const Page = () => null
const args = { params: {}, searchParams: new URLSearchParams() }
let nextId = 0
const route = (overrides: Partial<AppRoute>): AppRoute => ({
  id: `route-${nextId++}`,
  page: () => Promise.resolve({ default: Page }),
  ...overrides,
})

describe('prepareRoute', () => {
  it('starts the chunk and the prefetch together, and hands the prefetched value to the page', async () => {
    let answer: (value: string) => void = () => undefined
    const page = vi.fn(() => Promise.resolve({ default: Page }))
    const prefetch = vi.fn(() => new Promise<string>((resolve) => (answer = resolve)))
    const prepared = prepareRoute(route({ page, prefetch }), 'entry', new QueryClient(), args)
    expect(page).toHaveBeenCalledOnce()
    expect(prefetch).toHaveBeenCalledOnce()
    answer('data')
    await expect(prepared).resolves.toEqual({ Page, data: 'data' })
  })

  it('is one preparation per history entry, and already settled once the chunk is here and nothing is awaited', async () => {
    const prefetch = vi.fn(() => undefined)
    const target = route({ prefetch })
    const client = new QueryClient()
    const first = prepareRoute(target, 'entry-1', client, args)
    expect(prepareRoute(target, 'entry-1', client, args)).toBe(first)
    await first
    const second = prepareRoute(target, 'entry-2', client, args)
    // React's use() reads a fulfilled promise synchronously: the page does not suspend.
    expect(second).toMatchObject({ status: 'fulfilled', value: { Page, data: undefined } })
    expect(prefetch).toHaveBeenCalledTimes(2)
  })

  it('starts a failed preparation afresh after forgetFailedPreparations (Try again)', async () => {
    const page = vi
      .fn<AppRoute['page'] & object>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ default: Page })
    const target = route({ page })
    const client = new QueryClient()
    await expect(prepareRoute(target, 'entry', client, args)).rejects.toThrow('Failed to fetch')
    await expect(prepareRoute(target, 'entry', client, args)).rejects.toThrow('Failed to fetch')
    forgetFailedPreparations()
    await expect(prepareRoute(target, 'entry', client, args)).resolves.toEqual({ Page, data: undefined })
  })
})

describe('untilCached', () => {
  const options = { queryKey: ['thing'], queryFn: () => Promise.resolve(42) }

  it('is waited for when nothing is cached, and not once an answer is (even a stale one)', async () => {
    const client = new QueryClient()
    const first = untilCached(client, options)
    expect(first).toBeInstanceOf(Promise)
    await first
    expect(client.getQueryData(['thing'])).toBe(42)
    expect(untilCached(client, { ...options, staleTime: 0 })).toBeUndefined()
  })
})
