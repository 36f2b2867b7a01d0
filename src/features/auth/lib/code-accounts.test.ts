import { beforeEach, describe, expect, it } from 'vitest'
import { isKnownToNeedCode, rememberNeedsCode } from './code-accounts'

describe('the accounts asked for a two-factor code in this tab', () => {
  beforeEach(() => sessionStorage.clear())

  it('knows an address once the API asked it for a code, whatever its case, and no other', () => {
    expect(isKnownToNeedCode('ann@example.com')).toBe(false)
    rememberNeedsCode(' Ann@Example.com ')
    rememberNeedsCode('ann@example.com')
    expect(isKnownToNeedCode('ANN@example.com')).toBe(true)
    expect(isKnownToNeedCode('bob@example.com')).toBe(false)
    expect(JSON.parse(sessionStorage.getItem('ubiops.two-factor-accounts')!)).toEqual(['ann@example.com'])
    expect(localStorage.length).toBe(0)
  })

  it('reads a damaged entry as none known', () => {
    sessionStorage.setItem('ubiops.two-factor-accounts', '{not json')
    expect(isKnownToNeedCode('ann@example.com')).toBe(false)
    rememberNeedsCode('ann@example.com')
    expect(isKnownToNeedCode('ann@example.com')).toBe(true)
  })
})
