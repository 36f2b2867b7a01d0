import { describe, expect, it } from 'vitest'
import {
  createProblems,
  currentPeriod,
  formatSubscription,
  previousPeriod,
  resolveSubscription,
  subscriptionChangeProblems,
  subscriptionDateProblem,
  SUBSCRIPTION_DATE_MAX,
  SUBSCRIPTION_DATE_MIN,
} from './subscriptions'

const TODAY = '2026-11-28'

describe('createProblems', () => {
  it('accepts a free organization without an end date', () => {
    expect(createProblems({ name: 'acme-2', subscription: 'free' }, TODAY)).toEqual({})
    expect(
      createProblems({ name: 'acme-2', subscription: 'free', subscription_end_date: null }, TODAY),
    ).toEqual({})
  })
  it('accepts a paid organization with an end date', () => {
    expect(
      createProblems(
        { name: 'acme', subscription: 'professional', subscription_end_date: '2031-01-31' },
        TODAY,
      ),
    ).toEqual({})
  })
  it('names the field of a bad name', () => {
    expect(createProblems({ name: 'Acme', subscription: 'free' }, TODAY)).toEqual({
      name: 'Start the name with a lowercase letter.',
    })
  })
  it('refuses an end date for free', () => {
    expect(
      createProblems({ name: 'acme', subscription: 'free', subscription_end_date: '2031-01-01' }, TODAY)
        .subscription_end_date,
    ).toMatch(/free subscription has no end date/)
  })
  it('requires an end date for a paid subscription', () => {
    expect(createProblems({ name: 'acme', subscription: 'enterprise' }, TODAY).subscription_end_date).toBe(
      'The enterprise subscription needs an end date.',
    )
  })
  it('requires the end after the start (today)', () => {
    expect(
      createProblems({ name: 'acme', subscription: 'enterprise', subscription_end_date: TODAY }, TODAY)
        .subscription_end_date,
    ).toBe('The end date must be after the start date (today, 2026-11-28).')
  })
  it('refuses a date that does not exist and an unknown subscription', () => {
    const problems = createProblems(
      { name: 'acme', subscription: 'gold', subscription_end_date: '2031-02-30' },
      TODAY,
    )
    expect(problems.subscription).toBe(
      'Choose one of free, professional, enterprise ("gold" is not a subscription this server knows).',
    )
    expect(problems.subscription_end_date).toBe('Use a real date written YYYY-MM-DD (got "2031-02-30").')
  })
})

describe('subscriptionDateProblem', () => {
  it(`keeps subscription dates from ${SUBSCRIPTION_DATE_MIN} to ${SUBSCRIPTION_DATE_MAX}, both included`, () => {
    expect(subscriptionDateProblem('2000-01-01')).toBeNull()
    expect(subscriptionDateProblem('2100-12-31')).toBeNull()
    expect(subscriptionDateProblem('1999-12-31')).toBe(
      'Use a date from 2000-01-01 to 2100-12-31 (got 1999-12-31).',
    )
    expect(subscriptionDateProblem('2101-01-01')).toMatch(/from 2000-01-01 to 2100-12-31/)
    expect(subscriptionDateProblem('2024-02-30')).toMatch(/real date/)
  })
})

describe('subscriptionChangeProblems (a form sets the subscription whole)', () => {
  const change = (subscription: string, start: string | null, end: string | null) =>
    subscriptionChangeProblems({ subscription, subscription_start_date: start, subscription_end_date: end })

  it('requires both dates for a paid subscription', () => {
    expect(change('professional', null, null)).toEqual({
      subscription_start_date: 'The professional subscription needs a start date.',
      subscription_end_date: 'The professional subscription needs an end date.',
    })
  })
  it('requires the end after the start', () => {
    expect(change('professional', '2030-05-01', '2030-05-01').subscription_end_date).toBe(
      'The end date must be after the start date (2030-05-01).',
    )
    expect(change('professional', '2030-05-01', '2030-06-01')).toEqual({})
  })
  it('refuses an end date for free but allows a start date', () => {
    expect(change('free', '2030-01-01', null)).toEqual({})
    expect(change('free', null, '2030-01-01').subscription_end_date).toMatch(/free/)
  })
})

describe('resolveSubscription (an update)', () => {
  const current = { subscription: 'free', subscription_start_date: '2026-01-10', subscription_end_date: null }

  it('needs both dates in the request when switching to a paid subscription', () => {
    expect(
      resolveSubscription({ subscription: 'enterprise', subscription_end_date: '2027-01-01' }, current),
    ).toEqual({
      problems: { subscription_start_date: 'The enterprise subscription needs a start date.' },
    })
  })
  it('keeps what the request leaves out, and drops the end date when switching to free', () => {
    const paid = {
      subscription: 'professional',
      subscription_start_date: '2026-01-10',
      subscription_end_date: '2027-01-10',
    }
    expect(resolveSubscription({ subscription_end_date: '2028-01-10' }, paid)).toEqual({
      values: { ...paid, subscription_end_date: '2028-01-10' },
    })
    expect(resolveSubscription({ subscription: 'free' }, paid)).toEqual({
      values: { subscription: 'free', subscription_start_date: '2026-01-10', subscription_end_date: null },
    })
  })
  it('refuses an end before the start', () => {
    expect(
      resolveSubscription(
        {
          subscription: 'enterprise',
          subscription_start_date: '2030-01-01',
          subscription_end_date: '2029-12-31',
        },
        current,
      ),
    ).toEqual({
      problems: { subscription_end_date: 'The end date must be after the start date (2030-01-01).' },
    })
  })
})

describe('currentPeriod', () => {
  it("is the contract's example: asked on 2020-12-01, started 2020-11-20", () => {
    expect(currentPeriod('2020-11-20', '2020-12-01')).toEqual({ start: '2020-11-20', end: '2020-12-20' })
  })
  it('starts on the anniversary day itself and moves on the day after the period', () => {
    expect(currentPeriod('2020-11-20', '2020-12-20')).toEqual({ start: '2020-12-20', end: '2021-01-20' })
    expect(currentPeriod('2020-11-20', '2020-12-19')).toEqual({ start: '2020-11-20', end: '2020-12-20' })
    expect(currentPeriod('2019-01-31', '2021-03-01')).toEqual({ start: '2021-02-28', end: '2021-03-31' })
  })
  it('gives the first period of a subscription that starts in the future', () => {
    expect(currentPeriod('2030-05-10', '2030-01-01')).toEqual({ start: '2030-05-10', end: '2030-06-10' })
  })
})

describe('previousPeriod', () => {
  const created = '2019-01-01'
  it("is the period before the contract's example: started 2020-11-20, asked 2021-01-05", () => {
    expect(previousPeriod('2020-11-20', '2021-01-05', created)).toEqual({
      kind: 'period',
      start: '2020-11-20',
      end: '2020-12-20',
    })
  })
  it('counts from the subscription start, so a month end clamped in a short month does not stick', () => {
    // Started on the 31st: the current period 04-30 → 05-31; the one before 03-31 → 04-30.
    expect(previousPeriod('2021-01-31', '2021-05-05', created)).toEqual({
      kind: 'period',
      start: '2021-03-31',
      end: '2021-04-30',
    })
    // The previous period ends in February, clamped to its last day.
    expect(previousPeriod('2021-01-31', '2021-03-05', created)).toEqual({
      kind: 'period',
      start: '2021-01-31',
      end: '2021-02-28',
    })
  })
  it('knows leap years: 29 February exists in 2024, not in 2023', () => {
    expect(previousPeriod('2023-01-30', '2024-03-10', created)).toEqual({
      kind: 'period',
      start: '2024-01-30',
      end: '2024-02-29',
    })
    expect(previousPeriod('2023-01-30', '2023-03-10', created)).toEqual({
      kind: 'period',
      start: '2023-01-30',
      end: '2023-02-28',
    })
    expect(previousPeriod('2024-02-29', '2025-03-01', created)).toEqual({
      kind: 'period',
      start: '2025-01-29',
      end: '2025-02-28',
    })
  })
  it('moves on the anniversary day itself', () => {
    expect(previousPeriod('2020-11-20', '2020-12-20', created)).toMatchObject({
      start: '2020-11-20',
      end: '2020-12-20',
    })
    expect(previousPeriod('2020-11-20', '2021-01-19', created)).toMatchObject({
      start: '2020-11-20',
      end: '2020-12-20',
    })
  })
  it('is none when the subscription started less than a period ago (or has not started)', () => {
    expect(previousPeriod('2020-11-20', '2020-12-19', created)).toEqual({
      kind: 'none',
      reason: 'subscription',
      since: '2020-11-20',
    })
    expect(previousPeriod('2020-11-20', '2020-11-20', created)).toMatchObject({ reason: 'subscription' })
    expect(previousPeriod('2030-05-10', '2030-01-01', created)).toMatchObject({ reason: 'subscription' })
  })
  it('is none when the organization was created within the current period, whatever its subscription start', () => {
    expect(previousPeriod('2020-09-20', '2020-12-01', '2020-11-25')).toEqual({
      kind: 'none',
      reason: 'organization',
      since: '2020-11-25',
    })
    expect(previousPeriod('2020-09-20', '2020-12-01', '2020-11-20')).toMatchObject({ reason: 'organization' })
  })
  it('is the previous period when the organization was created during it', () => {
    expect(previousPeriod('2020-09-20', '2020-12-01', '2020-11-19')).toEqual({
      kind: 'period',
      start: '2020-10-20',
      end: '2020-11-20',
    })
  })
})

describe('formatSubscription', () => {
  it('writes a subscription with a capital, known or not', () => {
    expect(formatSubscription('enterprise')).toBe('Enterprise')
    expect(formatSubscription('professional')).toBe('Professional')
    expect(formatSubscription('team-trial')).toBe('Team-trial')
  })
})
