import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { organizationQueries } from './queries'

describe('organizationQueries keys', () => {
  it('cannot mistake an organization called "list" for the list', async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(organizationQueries.list().queryKey, [])
    queryClient.setQueryData(organizationQueries.detail('list').queryKey, {
      id: '1',
      name: 'list',
      creation_date: '2024-01-01T00:00:00Z',
      subscription: 'free',
      subscription_self_service: true,
      status: 'active',
    })
    queryClient.removeQueries({ queryKey: organizationQueries.scope('list') })
    expect(queryClient.getQueryData(organizationQueries.list().queryKey)).toEqual([])
    expect(queryClient.getQueryData(organizationQueries.detail('list').queryKey)).toBeUndefined()
  })
})

describe('organizationQueries.adminRight', () => {
  const answer = (status: number, body: unknown) => vi.fn().mockResolvedValue(Response.json(body, { status }))
  const ask = () => new QueryClient().fetchQuery(organizationQueries.adminRight('acme', 'u 1'))

  afterEach(() => vi.unstubAllGlobals())

  it('asks for the caller only, and is true for an admin', async () => {
    const fetchMock = answer(200, {
      id: 'u 1',
      email: 'a@example.com',
      name: 'Ada',
      surname: 'L',
      admin: true,
    })
    vi.stubGlobal('fetch', fetchMock)
    await expect(ask()).resolves.toBe(true)
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/organizations/acme/users/u%201')
  })

  it('is false for a plain member (403) or someone who is not a member (404)', async () => {
    vi.stubGlobal('fetch', answer(403, { error: 'Only admins of acme may do this.' }))
    await expect(ask()).resolves.toBe(false)
    vi.stubGlobal('fetch', answer(404, { error: 'There is no organization acme.' }))
    await expect(ask()).resolves.toBe(false)
  })

  it('fails on anything else, such as a 500', async () => {
    vi.stubGlobal('fetch', answer(500, { error: 'The database is busy.' }))
    await expect(ask()).rejects.toMatchObject({ status: 500 })
  })
})
