import { describe, expect, it } from 'vitest'
import { pathUnderNewName, paths } from './paths'

describe('paths', () => {
  it('encodes each name and id as one path segment', () => {
    expect(paths.organization('a/b c')).toBe('/organizations/a%2Fb%20c')
    expect(paths.members('acme', 'u/1')).toBe('/organizations/acme/members/u%2F1')
    expect(paths.members('acme')).toBe('/organizations/acme/members')
    expect(paths.usage('acme')).toBe('/organizations/acme/usage')
    expect(paths.usageReport('acme')).toBe('/organizations/acme/usage/report')
    expect(paths.usageReport('a/b', '2026-10')).toBe('/organizations/a%2Fb/usage/report?period=2026-10')
    expect(paths.settings('acme')).toBe('/organizations/acme/settings')
  })
})

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
