import { afterEach, describe, expect, it } from 'vitest'
import { clearToken, readCredential, renewAccessToken, storeAccessToken, storeToken } from './auth-token'

afterEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

describe('the kept credential', () => {
  it('is one at a time: an access token replaces an API token, and the other way round', () => {
    storeToken('api-token', { remember: true })
    expect(readCredential()).toEqual({ scheme: 'Token', value: 'api-token' })
    storeAccessToken('access', 'a@example.com', { remember: false })
    expect(readCredential()).toEqual({ scheme: 'Bearer', value: 'access', email: 'a@example.com' })
    expect(localStorage.length).toBe(0)
    storeToken('api-token-2', { remember: false })
    expect(readCredential()).toEqual({ scheme: 'Token', value: 'api-token-2' })
  })

  it('renews an access token where it was kept, and forgets every kind on sign-out', () => {
    storeAccessToken('old', 'a@example.com', { remember: true })
    renewAccessToken('new', 'a@example.com')
    expect(JSON.parse(localStorage.getItem('ubiops.access')!)).toEqual({
      access: 'new',
      email: 'a@example.com',
    })
    expect(sessionStorage.length).toBe(0)
    clearToken()
    expect(readCredential()).toBeNull()
  })

  it('ignores a kept access token that is not what this app wrote', () => {
    sessionStorage.setItem('ubiops.access', 'not json')
    expect(readCredential()).toBeNull()
  })
})
