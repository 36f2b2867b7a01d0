import * as v from 'valibot'
import { describe, expect, it, vi } from 'vitest'
import { emailProblem } from '../../../domain/email'
import { subscriptionChangeProblems } from '../../../domain/subscriptions'
import { ApiError } from '../../api/client'
import { fieldRules, FORM_ERROR, rule, setServerErrors } from './form-rules'

describe('rule', () => {
  it("passes what the domain rule accepts and fails with the rule's own sentence", () => {
    const schema = v.pipe(v.string(), rule(emailProblem))
    expect(v.safeParse(schema, 'ann@example.com').success).toBe(true)
    const result = v.safeParse(schema, 'ann@example.com.')
    expect(result.issues?.[0]?.message).toBe(emailProblem('ann@example.com.'))
  })
})

describe('fieldRules', () => {
  it('puts each problem on the field the domain rule names', () => {
    const schema = v.pipe(
      v.object({
        subscription: v.string(),
        subscription_start_date: v.nullable(v.string()),
        subscription_end_date: v.nullable(v.string()),
      }),
      fieldRules(subscriptionChangeProblems),
    )
    const result = v.safeParse(schema, {
      subscription: 'professional',
      subscription_start_date: null,
      subscription_end_date: null,
    })
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toEqual([
      ['subscription_start_date', 'The professional subscription needs a start date.'],
      ['subscription_end_date', 'The professional subscription needs an end date.'],
    ])
  })
})

describe('setServerErrors', () => {
  it("puts a 400's problems on their fields and the rest on the form", () => {
    const setError = vi.fn()
    setServerErrors(
      new ApiError(400, 'name: An organization named "a" already exists. voucher: Unknown voucher.'),
      ['name'],
      setError,
    )
    expect(setError.mock.calls).toEqual([
      ['name', { type: 'server', message: 'An organization named "a" already exists.' }],
      [FORM_ERROR, { type: 'server', message: 'voucher: Unknown voucher.' }],
    ])
  })
  it('puts any other failure on the form', () => {
    const setError = vi.fn()
    setServerErrors(new ApiError(500, 'The server failed.'), ['name'], setError)
    expect(setError.mock.calls).toEqual([[FORM_ERROR, { type: 'server', message: 'The server failed.' }]])
  })
})
