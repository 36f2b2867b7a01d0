import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { emailProblem } from '../../../../domain/email'
import { MemberCreateSchema, memberCreateOf } from './member-create'

describe('the member create body', () => {
  it('is the address trimmed and lowercased, and admin false unless given', () => {
    expect(memberCreateOf({ email: '  Ann@Example.COM ' })).toEqual({
      email: 'ann@example.com',
      admin: false,
    })
    expect(memberCreateOf({ email: 'bo@example.com', admin: true })).toEqual({
      email: 'bo@example.com',
      admin: true,
    })
  })

  it('refuses an address the server would refuse, with the server rule’s own sentence', () => {
    const result = v.safeParse(MemberCreateSchema, { email: 'not an address', admin: false })
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.message).toBe(emailProblem('not an address'))
    expect(() => memberCreateOf({ email: 'dave@' })).toThrow(emailProblem('dave@')!)
  })
})
