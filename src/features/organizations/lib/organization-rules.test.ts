import { describe, expect, it } from 'vitest'
import {
  createOrganizationProblems,
  fieldOfServerError,
  renameProblem,
  splitServerError,
  subscriptionProblems,
} from './organization-rules'

describe('createOrganizationProblems', () => {
  it('accepts a free organization without an end date', () => {
    expect(createOrganizationProblems({ name: 'acme-2', subscription: 'free', endDate: '' })).toEqual({})
  })
  it('accepts a paid organization with an end date', () => {
    expect(
      createOrganizationProblems({ name: 'acme', subscription: 'professional', endDate: '2031-01-31' }),
    ).toEqual({})
  })
  it.each([
    ['', 'Enter a name.'],
    ['Acme', 'Start the name with a lowercase letter.'],
    ['9lives', 'Start the name with a lowercase letter.'],
    ['acme corp', 'Use only lowercase letters, digits and dashes (-).'],
    ['acme_corp', 'Use only lowercase letters, digits and dashes (-).'],
    ['a'.repeat(65), 'Use at most 64 characters (this one has 65).'],
  ])('refuses the name %j', (name, problem) => {
    expect(createOrganizationProblems({ name, subscription: 'free', endDate: '' }).name).toBe(problem)
  })
  it('accepts a 64-character name', () => {
    expect(
      createOrganizationProblems({ name: 'a'.repeat(64), subscription: 'free', endDate: '' }).name,
    ).toBeUndefined()
  })
  it('refuses an end date for free', () => {
    expect(
      createOrganizationProblems({ name: 'acme', subscription: 'free', endDate: '2031-01-01' }).endDate,
    ).toMatch(/free subscription has no end date/)
  })
  it('requires an end date for a paid subscription', () => {
    expect(
      createOrganizationProblems({ name: 'acme', subscription: 'enterprise', endDate: '' }).endDate,
    ).toBe('The enterprise subscription needs an end date.')
  })
  it('refuses a date that does not exist and an unknown subscription', () => {
    const problems = createOrganizationProblems({ name: 'acme', subscription: 'gold', endDate: '2031-02-30' })
    expect(problems.subscription).toBe('Choose a subscription.')
    expect(problems.endDate).toBe('Enter a real date (YYYY-MM-DD).')
  })
})

describe('subscriptionProblems', () => {
  it('requires both dates for a paid subscription', () => {
    expect(subscriptionProblems({ subscription: 'professional', startDate: '', endDate: '' })).toEqual({
      startDate: 'The professional subscription needs a start date.',
      endDate: 'The professional subscription needs an end date.',
    })
  })
  it('requires the end after the start', () => {
    expect(
      subscriptionProblems({ subscription: 'professional', startDate: '2030-05-01', endDate: '2030-05-01' })
        .endDate,
    ).toBe('The end date must be after the start date.')
    expect(
      subscriptionProblems({ subscription: 'professional', startDate: '2030-05-01', endDate: '2030-06-01' }),
    ).toEqual({})
  })
  it('refuses an end date for free but allows a start date', () => {
    expect(subscriptionProblems({ subscription: 'free', startDate: '2030-01-01', endDate: '' })).toEqual({})
    expect(
      subscriptionProblems({ subscription: 'free', startDate: '', endDate: '2030-01-01' }).endDate,
    ).toMatch(/free/)
  })
})

describe('renameProblem', () => {
  it('asks for a different name', () => {
    expect(renameProblem('acme', 'acme')).toBe('Enter a different name.')
  })
  it('applies the name rules', () => {
    expect(renameProblem('Acme', 'acme')).toBe('Start the name with a lowercase letter.')
    expect(renameProblem('acme-2', 'acme')).toBeNull()
  })
})

describe('fieldOfServerError', () => {
  const fields = ['name', 'subscription', 'endDate'] as const
  it.each([
    ['An organization named "acme" already exists.', 'name'],
    ['name: use only lowercase letters, digits and dashes', 'name'],
    ['subscription_end_date is required for the professional subscription', 'endDate'],
    ['The free subscription cannot have an end date.', 'endDate'],
    ['Unknown subscription "gold".', 'subscription'],
    ['Too many requests.', null],
  ])('puts %j on %s', (message, field) => {
    expect(fieldOfServerError(message, fields)).toBe(field)
  })
  it('only names fields the form has', () => {
    expect(fieldOfServerError('subscription_start_date is required', fields)).toBe('subscription')
    expect(fieldOfServerError('subscription_start_date is required', ['startDate', 'endDate'])).toBe(
      'startDate',
    )
  })
})

describe('splitServerError', () => {
  const fields = ['name', 'subscription', 'endDate'] as const
  it('puts prefixed problems on their fields, as sentences', () => {
    expect(
      splitServerError(
        'name: an organization named "acme" already exists; choose another name. subscription_end_date: must be after the start date (today: 2026-11-28).',
        fields,
      ),
    ).toEqual({
      byField: {
        name: 'An organization named "acme" already exists; choose another name.',
        endDate: 'Must be after the start date (today: 2026-11-28).',
      },
      formLevel: null,
    })
  })
  it('keeps problems about fields the form does not have at form level', () => {
    expect(splitServerError('subscription_start_date: use a real date.', fields)).toEqual({
      byField: {},
      formLevel: 'subscription_start_date: Use a real date.',
    })
  })
  it('falls back to the words for unprefixed sentences', () => {
    expect(splitServerError('The end date is required.', fields)).toEqual({
      byField: { endDate: 'The end date is required.' },
      formLevel: null,
    })
    expect(splitServerError('Too many requests.', fields)).toEqual({
      byField: {},
      formLevel: 'Too many requests.',
    })
  })
})

describe('voucher refusals (current generation)', () => {
  const fields = ['name', 'subscription', 'endDate', 'voucher'] as const

  it('puts a prefixed voucher problem on the voucher field', () => {
    expect(splitServerError('voucher: there is no voucher "X".', fields)).toEqual({
      byField: { voucher: 'There is no voucher "X".' },
      formLevel: null,
    })
  })

  it('recognises a voucher sentence without a prefix, before the subscription it may also name', () => {
    expect(fieldOfServerError('The voucher is not valid for this subscription.', fields)).toBe('voucher')
    expect(fieldOfServerError('The voucher is not valid.', ['name', 'subscription'] as const)).toBeNull()
  })
})
