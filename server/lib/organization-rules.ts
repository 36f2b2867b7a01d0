// The organization rules of shared/API.md, beyond types: names, subscriptions and their dates.
import {
  FREE_SUBSCRIPTION,
  isCalendarDate,
  organizationNameProblem,
  SUBSCRIPTION_DATE_MAX,
  SUBSCRIPTION_DATE_MIN,
  SUBSCRIPTIONS,
} from '../../src/api/rules'
import type { OrganizationRow } from '../repositories/organizations'

const SUBSCRIPTION_LIST = SUBSCRIPTIONS.join(', ')

export function nameProblems(name: string | undefined): string[] {
  if (name === undefined) return []
  const problem = organizationNameProblem(name)
  return problem ? [`name: ${problem}`] : []
}

export function subscriptionProblems(subscription: string | undefined): string[] {
  if (subscription === undefined || (SUBSCRIPTIONS as readonly string[]).includes(subscription)) return []
  return [
    `subscription: use one of ${SUBSCRIPTION_LIST} ("${subscription}" is not a subscription this server knows).`,
  ]
}

/**
 * A subscription date: a real calendar day written YYYY-MM-DD within SUBSCRIPTION_DATE_MIN to
 * SUBSCRIPTION_DATE_MAX (local rule, src/api/rules.ts). Undefined and null (no change, no end) pass.
 */
export function dateProblems(field: string, value: string | null | undefined): string[] {
  if (value === undefined || value === null) return []
  if (!isCalendarDate(value)) return [`${field}: use a real date written YYYY-MM-DD (got "${value}").`]
  if (value < SUBSCRIPTION_DATE_MIN || value > SUBSCRIPTION_DATE_MAX)
    return [
      `${field}: use a date from ${SUBSCRIPTION_DATE_MIN} to ${SUBSCRIPTION_DATE_MAX} (got "${value}").`,
    ]
  return []
}

export interface OrganizationCreateInput {
  name: string
  subscription: string
  subscription_end_date?: string | null
  /** Current generation only: a voucher code (checked against the known vouchers by the route). */
  voucher?: string
  /** Current generation only: the organization requires 2FA of its members. */
  two_factor_authentication_forced?: boolean
}

/** Every problem with a create request; the subscription starts `today`. */
export function createProblems(input: OrganizationCreateInput, today: string): string[] {
  const problems = [
    ...nameProblems(input.name),
    ...subscriptionProblems(input.subscription),
    ...dateProblems('subscription_end_date', input.subscription_end_date),
  ]
  if (problems.length > 0) return problems
  return periodProblems(input.subscription, today, input.subscription_end_date ?? null, 'today')
}

/** The rules tying a subscription to its dates. */
function periodProblems(
  subscription: string,
  start: string,
  end: string | null,
  startLabel: string,
): string[] {
  if (subscription === FREE_SUBSCRIPTION) {
    return end === null
      ? []
      : ['subscription_end_date: leave it out for the free subscription (it runs a year from its start).']
  }
  if (end === null)
    return [
      `subscription_end_date: ${/^[aeiou]/.test(subscription) ? 'an' : 'a'} ${subscription} subscription needs an end date (YYYY-MM-DD).`,
    ]
  if (end <= start) return [`subscription_end_date: must be after the start date (${startLabel}: ${start}).`]
  return []
}

export interface OrganizationUpdateInput {
  name?: string
  subscription?: string
  subscription_start_date?: string
  /** null removes the end date. */
  subscription_end_date?: string | null
}

/** Whether the update touches the subscription (which only platform staff may change). */
export function changesSubscription(input: OrganizationUpdateInput, current: OrganizationRow): boolean {
  return (
    (input.subscription !== undefined && input.subscription !== current.subscription) ||
    (input.subscription_start_date !== undefined &&
      input.subscription_start_date !== current.subscription_start_date) ||
    (input.subscription_end_date !== undefined &&
      input.subscription_end_date !== current.subscription_end_date)
  )
}

/** Problems with the values themselves (before any permission check). */
export function updateFormatProblems(input: OrganizationUpdateInput): string[] {
  return [
    ...nameProblems(input.name),
    ...subscriptionProblems(input.subscription),
    ...dateProblems('subscription_start_date', input.subscription_start_date),
    ...dateProblems('subscription_end_date', input.subscription_end_date),
  ]
}

/**
 * The subscription fields after the update, or the problems with them. Switching to free drops the
 * end date; switching to another subscription needs both dates in the request.
 */
export function resolveSubscription(
  input: OrganizationUpdateInput,
  current: OrganizationRow,
):
  | {
      values: { subscription: string; subscription_start_date: string; subscription_end_date: string | null }
    }
  | { problems: string[] } {
  const subscription = input.subscription ?? current.subscription
  const start = input.subscription_start_date ?? current.subscription_start_date
  const switching = subscription !== current.subscription
  if (switching && subscription !== FREE_SUBSCRIPTION) {
    const missing = (['subscription_start_date', 'subscription_end_date'] as const).filter(
      (field) => input[field] === undefined || input[field] === null,
    )
    if (missing.length > 0)
      return {
        problems: missing.map(
          (field) => `${field}: changing to the ${subscription} subscription needs it (YYYY-MM-DD).`,
        ),
      }
  }
  const end =
    input.subscription_end_date !== undefined
      ? input.subscription_end_date
      : switching && subscription === FREE_SUBSCRIPTION
        ? null
        : current.subscription_end_date
  const problems = periodProblems(subscription, start, end, 'subscription_start_date')
  if (problems.length > 0) return { problems }
  return { values: { subscription, subscription_start_date: start, subscription_end_date: end } }
}
