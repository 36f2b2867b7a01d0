import * as v from 'valibot'
import { addMonths, utcToday } from '../../../../domain/dates'
import { describe, expect, it } from 'vitest'
import {
  createBody,
  createOrganizationSchema,
  type CreateOrganizationValues,
} from './create-organization-schema'

// End dates a few months ahead: a paid subscription's end must be after today.
const later = addMonths(utcToday(), 3)
const valid: CreateOrganizationValues = { name: 'acme', subscription: 'free', endDate: '', voucher: '' }

/** Field → first message, as the form shows them. */
function problems(values: CreateOrganizationValues): Record<string, string> {
  const result = v.safeParse(createOrganizationSchema, values)
  if (result.success) return {}
  return Object.fromEntries(
    Object.entries(v.flatten<typeof createOrganizationSchema>(result.issues).nested ?? {}).map(
      ([key, messages]) => [key, messages![0]!],
    ),
  )
}

describe('the create-organization schema', () => {
  it('accepts a free organization without an end date', () => {
    expect(problems(valid)).toEqual({})
  })

  it('puts the name rules on the name', () => {
    expect(problems({ ...valid, name: '' })).toEqual({ name: 'Enter a name.' })
    expect(problems({ ...valid, name: 'My Org' })).toEqual({
      name: 'Start the name with a lowercase letter.',
    })
    expect(problems({ ...valid, name: 'my org' })).toEqual({
      name: 'Use only lowercase letters, digits and dashes (-).',
    })
  })

  it('asks a paid subscription for an end date, on the end date', () => {
    expect(problems({ ...valid, subscription: 'professional' })).toEqual({
      endDate: 'The professional subscription needs an end date.',
    })
    expect(problems({ ...valid, subscription: 'professional', endDate: '2027-02-30' })).toEqual({
      endDate: 'Use a real date written YYYY-MM-DD (got "2027-02-30").',
    })
    expect(problems({ ...valid, subscription: 'professional', endDate: later })).toEqual({})
  })

  it('refuses a subscription it does not know', () => {
    expect(problems({ ...valid, subscription: 'gold' as 'free' })).toEqual({
      subscription:
        'Choose one of free, professional, enterprise ("gold" is not a subscription this server knows).',
    })
  })

  it('builds the body: no end date for free, the voucher trimmed and only when given', () => {
    const free = v.parse(createOrganizationSchema, { ...valid, endDate: later, voucher: '  WELCOME ' })
    expect(createBody(free)).toEqual({ name: 'acme', subscription: 'free', voucher: 'WELCOME' })
    const paid = v.parse(createOrganizationSchema, {
      ...valid,
      subscription: 'enterprise',
      endDate: later,
    })
    expect(createBody(paid)).toEqual({
      name: 'acme',
      subscription: 'enterprise',
      subscription_end_date: later,
    })
  })
})
