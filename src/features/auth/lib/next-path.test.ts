import { describe, expect, it } from 'vitest'
import { HOME_PATH, safeNextPath, signInPathFor } from './next-path'

describe('safeNextPath', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNextPath('/organizations/acme/members?sort=email')).toBe(
      '/organizations/acme/members?sort=email',
    )
  })

  it.each([
    [null],
    [''],
    ['organizations'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/\tfoo'],
    ['/sign-in'],
    ['/sign-in?next=/x'],
  ])('refuses %j and goes home instead', (next) => {
    expect(safeNextPath(next)).toBe(HOME_PATH)
  })
})

describe('signInPathFor', () => {
  it('carries the current path', () => {
    expect(signInPathFor('/organizations/acme?x=1')).toBe('/sign-in?next=%2Forganizations%2Facme%3Fx%3D1')
  })
  it('omits next for home', () => {
    expect(signInPathFor('/organizations')).toBe('/sign-in')
  })
})
