import { describe, expect, it } from 'vitest'
import { fieldOfMessage, serverProblems } from './server-problems'

describe('fieldOfMessage (the hosted API names no field)', () => {
  const fields = ['name', 'subscription', 'subscription_end_date'] as const
  it.each([
    ['An organization named "acme" already exists.', 'name'],
    ['name: use only lowercase letters, digits and dashes', 'name'],
    ['subscription_end_date is required for the professional subscription', 'subscription_end_date'],
    ['The free subscription cannot have an end date.', 'subscription_end_date'],
    ['Unknown subscription "gold".', 'subscription'],
    ['Too many requests.', null],
  ])('puts %j on %s', (message, field) => {
    expect(fieldOfMessage(message, fields)).toBe(field)
  })
  it('only names fields the form has', () => {
    expect(fieldOfMessage('subscription_start_date is required', fields)).toBe('subscription')
    expect(
      fieldOfMessage('subscription_start_date is required', [
        'subscription_start_date',
        'subscription_end_date',
      ]),
    ).toBe('subscription_start_date')
  })
})

describe('serverProblems', () => {
  const fields = ['name', 'subscription', 'subscription_end_date'] as const
  it('puts prefixed problems on their fields, as sentences', () => {
    expect(
      serverProblems(
        'name: an organization named "acme" already exists; choose another name. subscription_end_date: must be after the start date (today: 2026-11-28).',
        fields,
      ),
    ).toEqual({
      byField: {
        name: 'An organization named "acme" already exists; choose another name.',
        subscription_end_date: 'Must be after the start date (today: 2026-11-28).',
      },
      formLevel: null,
    })
  })
  it('keeps problems about fields the form does not have at form level', () => {
    expect(serverProblems('subscription_start_date: use a real date.', fields)).toEqual({
      byField: {},
      formLevel: 'subscription_start_date: Use a real date.',
    })
  })
  it('falls back to the words for unprefixed sentences', () => {
    expect(serverProblems('The end date is required.', fields)).toEqual({
      byField: { subscription_end_date: 'The end date is required.' },
      formLevel: null,
    })
    expect(serverProblems('Too many requests.', fields)).toEqual({
      byField: {},
      formLevel: 'Too many requests.',
    })
  })
  it('reads the email field of the members endpoints', () => {
    expect(serverProblems('email: "a b@x.com" is not a valid email address.', ['email'])).toEqual({
      byField: { email: '"a b@x.com" is not a valid email address.' },
      formLevel: null,
    })
  })

  it('puts a prefixed voucher problem on the voucher field (current generation)', () => {
    expect(serverProblems('voucher: there is no voucher "X".', ['name', 'voucher'])).toEqual({
      byField: { voucher: 'There is no voucher "X".' },
      formLevel: null,
    })
  })
  it('recognises a voucher sentence without a prefix, before the subscription it may also name', () => {
    expect(
      fieldOfMessage('The voucher is not valid for this subscription.', ['subscription', 'voucher']),
    ).toBe('voucher')
    expect(fieldOfMessage('The voucher is not valid.', ['name', 'subscription'])).toBeNull()
  })
})
