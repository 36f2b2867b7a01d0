import { afterEach, describe, expect, it } from 'vitest'
import { takeTokenFromAddressBar, tokenFromFragment } from './token-fragment'

describe('tokenFromFragment', () => {
  it('reads token=… from the fragment', () => {
    expect(tokenFromFragment('#token=abc123')).toBe('abc123')
  })
  it('is null without one', () => {
    expect(tokenFromFragment('')).toBeNull()
    expect(tokenFromFragment('#section')).toBeNull()
    expect(tokenFromFragment('#token=')).toBeNull()
  })
})

describe('takeTokenFromAddressBar', () => {
  afterEach(() => window.history.replaceState(null, '', '/'))

  it('returns the token and strips it from the address bar', () => {
    window.history.replaceState(null, '', '/sign-in?next=%2Fx#token=secret')
    expect(takeTokenFromAddressBar()).toBe('secret')
    expect(window.location.href).not.toContain('secret')
    expect(window.location.pathname + window.location.search).toBe('/sign-in?next=%2Fx')
  })
  it('leaves other addresses alone', () => {
    window.history.replaceState(null, '', '/sign-in#other')
    expect(takeTokenFromAddressBar()).toBeNull()
    expect(window.location.hash).toBe('#other')
  })
})
