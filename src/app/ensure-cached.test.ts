import { onlineManager, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ensureCached } from './ensure-cached'

/** A query whose answer the test gives by hand; counts its requests. */
function pendingQuery() {
  let answer: (value: number) => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const queryFn = vi.fn(
    () =>
      new Promise<number>((resolve, reject) => {
        answer = resolve
        fail = reject
      }),
  )
  return {
    options: { queryKey: ['thing'], queryFn, retry: false },
    queryFn,
    answer: (v: number) => answer(v),
    fail: (e: Error) => fail(e),
  }
}

const isSettled = async (promise: Promise<unknown>) => {
  let settled = false
  void promise.then(() => (settled = true))
  await new Promise((resolve) => setTimeout(resolve, 0))
  return settled
}

afterEach(() => onlineManager.setOnline(true))

describe('ensureCached', () => {
  it('waits for the answer when nothing is cached', async () => {
    const client = new QueryClient()
    const query = pendingQuery()
    const ensured = ensureCached(client, query.options)
    expect(await isSettled(ensured)).toBe(false)
    query.answer(42)
    await ensured
    expect(client.getQueryData(['thing'])).toBe(42)
  })

  it('does not wait once an answer is cached, even a stale one, and refetches it behind the page', async () => {
    const client = new QueryClient()
    client.setQueryData(['thing'], 41)
    const query = pendingQuery()
    await ensureCached(client, { ...query.options, staleTime: 0 })
    expect(client.getQueryData(['thing'])).toBe(41)
    expect(query.queryFn).toHaveBeenCalledOnce()
  })

  it('leaves a failure to the page: it resolves, and the query holds the error', async () => {
    const client = new QueryClient()
    const query = pendingQuery()
    const ensured = ensureCached(client, query.options)
    query.fail(new Error('Boom'))
    await expect(ensured).resolves.toBeUndefined()
    expect(client.getQueryState(['thing'])?.error).toEqual(new Error('Boom'))
  })

  it('does not hold a navigation while offline', async () => {
    onlineManager.setOnline(false)
    const client = new QueryClient()
    const query = pendingQuery()
    await expect(ensureCached(client, query.options)).resolves.toBeUndefined()
  })
})
