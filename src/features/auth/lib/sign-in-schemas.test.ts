import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkSignInEmail } from './sign-in-email'
import { codeSchema, tokenSchema } from './sign-in-schemas'

/** The first message: the one a form shows under the field. */
const messages = (result: v.SafeParseResult<v.GenericSchema>) =>
  result.issues?.slice(0, 1).map((issue) => issue.message) ?? []

describe('sign-in schemas', () => {
  it('take the email trimmed, with the same rule as the server', () => {
    expect(checkSignInEmail('  a@example.com ')).toEqual({ email: 'a@example.com', problem: null })
    expect(checkSignInEmail('').problem).toBe('Enter an email address.')
    expect(checkSignInEmail('nope').problem).toBe('"nope" is not a valid email address.')
  })

  it('take a 6-digit code, spaces dropped, and say what is wrong otherwise', () => {
    expect(v.parse(codeSchema, { code: '123 456' })).toEqual({ code: '123456' })
    expect(messages(v.safeParse(codeSchema, { code: '' }))).toEqual([
      'Enter the 6-digit code from your authenticator app.',
    ])
    expect(messages(v.safeParse(codeSchema, { code: '12345' }))).toEqual([
      'The code is 6 digits, as your authenticator app shows it.',
    ])
  })

  it('take an API token with or without "Token "', () => {
    expect(v.parse(tokenSchema, { token: ' Token abc ', remember: false })).toEqual({
      token: 'abc',
      remember: false,
    })
    expect(messages(v.safeParse(tokenSchema, { token: '   ', remember: false }))).toEqual([
      'Paste your API token.',
    ])
  })
})
