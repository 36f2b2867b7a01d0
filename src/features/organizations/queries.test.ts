import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { pathUnderNewName } from '../../lib/paths'
import { organizationQueries } from './queries'

describe('pathUnderNewName', () => {
  it('keeps the sub-page', () => {
    expect(pathUnderNewName('/organizations/acme/settings', 'acme', 'acme-2')).toBe(
      '/organizations/acme-2/settings',
    )
    expect(pathUnderNewName('/organizations/acme/members/u-1', 'acme', 'beta')).toBe(
      '/organizations/beta/members/u-1',
    )
    expect(pathUnderNewName('/organizations/acme', 'acme', 'beta')).toBe('/organizations/beta')
  })
  it('does not confuse a name with its prefix', () => {
    expect(pathUnderNewName('/organizations/acme-labs/settings', 'acme', 'beta')).toBe('/organizations/beta')
  })
})

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
