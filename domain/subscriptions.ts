/**
 * Subscriptions and their periods (shared/API.md, "Rules" and "Usage query"; the local server's
 * choices are marked **local** there and in server/openapi.yaml).
 *
 * - The subscriptions the local server knows: free, professional, enterprise (**local**).
 * - `free` has no end date (it runs a year); any other needs one, after its start.
 * - Subscription dates lie between 2000-01-01 and 2100-12-31, both included (**local**).
 * - The monthly period runs from the start's day of the month to the same day a month later.
 *
 * Problems are sentences a person can act on; the server prefixes them with the API field
 * (`subscription_end_date: …`), the dashboard shows them under the form field.
 */
import { addMonths, isCalendarDate, type IsoDate } from './dates'
import { organizationNameProblem } from './organization'

export const SUBSCRIPTIONS = ['free', 'professional', 'enterprise'] as const
export type KnownSubscription = (typeof SUBSCRIPTIONS)[number]
export const FREE_SUBSCRIPTION: KnownSubscription = 'free'

/** First and last day (both included) a subscription may start or end on. */
export const SUBSCRIPTION_DATE_MIN: IsoDate = '2000-01-01'
export const SUBSCRIPTION_DATE_MAX: IsoDate = '2100-12-31'

/** One of the subscriptions the local server knows (the hosted API may answer with others). */
export function isKnownSubscription(value: string): value is KnownSubscription {
  return (SUBSCRIPTIONS as readonly string[]).includes(value)
}

/**
 * A subscription as people read it, on every page that shows one: the API's lower-case name with a
 * capital, "professional" → "Professional"; a name the hosted API adds is shown the same way.
 */
export function formatSubscription(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

/** Why `value` is not a subscription this server knows; null when it is. */
export function subscriptionProblem(value: string): string | null {
  return isKnownSubscription(value)
    ? null
    : `Choose one of ${SUBSCRIPTIONS.join(', ')} (${JSON.stringify(value)} is not a subscription this server knows).`
}

/**
 * Why `value` cannot be a subscription's start or end date: not a real day written YYYY-MM-DD, or
 * outside {@link SUBSCRIPTION_DATE_MIN}..{@link SUBSCRIPTION_DATE_MAX}. Null when it can.
 */
export function subscriptionDateProblem(value: string): string | null {
  if (!isCalendarDate(value)) return `Use a real date written YYYY-MM-DD (got ${JSON.stringify(value)}).`
  if (value < SUBSCRIPTION_DATE_MIN || value > SUBSCRIPTION_DATE_MAX)
    return `Use a date from ${SUBSCRIPTION_DATE_MIN} to ${SUBSCRIPTION_DATE_MAX} (got ${value}).`
  return null
}

/** The problems of a subscription period, by the field they concern. */
export interface PeriodProblems {
  start?: string
  end?: string
}

/**
 * The rules tying a subscription to its dates. `start` and `end` are valid days or null (absent);
 * `startLabel` names the start in the sentence when the person did not choose it ("today").
 * Free: no end date. Any other: a start and an end, the end after the start.
 */
export function periodProblems(
  subscription: string,
  start: IsoDate | null,
  end: IsoDate | null,
  startLabel?: string,
): PeriodProblems {
  if (subscription === FREE_SUBSCRIPTION)
    return end === null
      ? {}
      : { end: 'The free subscription has no end date (it runs for a year). Leave it out.' }
  if (!isKnownSubscription(subscription)) return {}
  const problems: PeriodProblems = {}
  if (start === null) problems.start = `The ${subscription} subscription needs a start date.`
  if (end === null) problems.end = `The ${subscription} subscription needs an end date.`
  else if (start !== null && end <= start)
    problems.end = `The end date must be after the start date (${startLabel ? `${startLabel}, ` : ''}${start}).`
  return problems
}

/**
 * How many whole periods of a subscription started on `subscriptionStart` lie before the one
 * containing `day` (0 in the first period, and for a subscription that starts after `day`).
 */
export function periodIndex(subscriptionStart: IsoDate, day: IsoDate): number {
  const [startYear, startMonth] = subscriptionStart.split('-').map(Number) as [number, number]
  const [year, month] = day.split('-').map(Number) as [number, number]
  const months = Math.max(0, (year - startYear) * 12 + (month - startMonth))
  // The estimate is right or one too far (the day is before this month's anniversary).
  return months > 0 && addMonths(subscriptionStart, months) > day ? months - 1 : months
}

/**
 * The monthly subscription period that contains `today`: it starts on the subscription start's
 * day of the month (clamped in short months), and ends (exclusive) a month later. Started
 * 2020-11-20, asked 2020-12-01: 2020-11-20 to 2020-12-20 (the contract's example). A
 * subscription that starts in the future gives its first period.
 */
export function currentPeriod(subscriptionStart: IsoDate, today: IsoDate): { start: IsoDate; end: IsoDate } {
  const months = periodIndex(subscriptionStart, today)
  return { start: addMonths(subscriptionStart, months), end: addMonths(subscriptionStart, months + 1) }
}

/**
 * The period before the one containing a day, or why there is none:
 * - `subscription`: the subscription started in (or after) that period, so it is its first;
 * - `organization`: the organization was created in (or after) that period, so it used nothing before.
 * `since` is the day the subscription started or the organization was created.
 */
export type PreviousPeriod =
  | { kind: 'period'; start: IsoDate; end: IsoDate }
  | { kind: 'none'; reason: 'subscription' | 'organization'; since: IsoDate }

/**
 * The subscription period just before the one containing `day` (today: the previous period).
 * Source: the API's default usage period (shared/API.md, "Usage query": started 2020-11-20, asked
 * 2020-12-01, the period is 2020-11-20 to 2020-12-20), stepped back one month from the
 * subscription start itself, never from the period's start, so a clamped day does not stick:
 * started 2021-01-31, the period of 2021-05-05 is 04-30 to 05-31 and the one before 03-31 to
 * 04-30. The periods of the subscription as it is now (a changed subscription's start moves them).
 * `createdOn`: the organization's creation day (UTC); created in the current period means no
 * previous period, even when the subscription's start was set earlier.
 */
export function previousPeriod(subscriptionStart: IsoDate, day: IsoDate, createdOn: IsoDate): PreviousPeriod {
  const months = periodIndex(subscriptionStart, day)
  if (months === 0) return { kind: 'none', reason: 'subscription', since: subscriptionStart }
  const end = addMonths(subscriptionStart, months)
  if (createdOn >= end) return { kind: 'none', reason: 'organization', since: createdOn }
  return { kind: 'period', start: addMonths(subscriptionStart, months - 1), end }
}

/** The fields of a create or update request, by their API names, as the problems are keyed. */
export type OrganizationField = 'name' | 'subscription' | 'subscription_start_date' | 'subscription_end_date'
export type FieldProblems = Partial<Record<OrganizationField, string>>

export interface SubscriptionInput {
  subscription?: string
  subscription_start_date?: string | null
  /** null: no end date (or, in an update, remove it). */
  subscription_end_date?: string | null
}

/** Problems with the values themselves, before any rule that ties them together. */
export function fieldProblems(input: SubscriptionInput & { name?: string }): FieldProblems {
  const problems: FieldProblems = {}
  const name = input.name === undefined ? null : organizationNameProblem(input.name)
  if (name) problems.name = name
  const subscription = input.subscription === undefined ? null : subscriptionProblem(input.subscription)
  if (subscription) problems.subscription = subscription
  for (const field of ['subscription_start_date', 'subscription_end_date'] as const) {
    const value = input[field]
    const problem = value === undefined || value === null ? null : subscriptionDateProblem(value)
    if (problem) problems[field] = problem
  }
  return problems
}

function periodFieldProblems(problems: PeriodProblems): FieldProblems {
  const result: FieldProblems = {}
  if (problems.start) result.subscription_start_date = problems.start
  if (problems.end) result.subscription_end_date = problems.end
  return result
}

/**
 * Every problem with a create request (`name`, `subscription`, optional `subscription_end_date`);
 * the subscription starts `today`. Empty when the request is acceptable.
 */
export function createProblems(
  input: { name: string; subscription: string; subscription_end_date?: string | null },
  today: IsoDate,
): FieldProblems {
  const problems = fieldProblems(input)
  if (Object.keys(problems).length > 0) return problems
  return periodFieldProblems(
    periodProblems(input.subscription, today, input.subscription_end_date ?? null, 'today'),
  )
}

/**
 * A subscription as a form sets it whole (subscription and both dates, null where empty): the
 * values, then the period. A paid subscription needs both dates; free needs no start and has no end.
 */
export function subscriptionChangeProblems(
  input: Required<SubscriptionInput> & { subscription: string },
): FieldProblems {
  const problems = fieldProblems(input)
  if (Object.keys(problems).length > 0) return problems
  return periodFieldProblems(
    periodProblems(input.subscription, input.subscription_start_date, input.subscription_end_date),
  )
}

/** An organization's subscription as it is stored. */
export interface CurrentSubscription {
  subscription: string
  subscription_start_date: IsoDate
  subscription_end_date: IsoDate | null
}

/** Whether an update touches the subscription or its dates (which only the platform operator may change). */
export function changesSubscription(input: SubscriptionInput, current: CurrentSubscription): boolean {
  return (
    (input.subscription !== undefined && input.subscription !== current.subscription) ||
    (input.subscription_start_date !== undefined &&
      input.subscription_start_date !== current.subscription_start_date) ||
    (input.subscription_end_date !== undefined &&
      input.subscription_end_date !== current.subscription_end_date)
  )
}

/**
 * The subscription after an update (PATCH), or the problems with it. Fields left out keep their
 * value; switching to free drops the end date; switching to another subscription needs both dates
 * in the request (the old period does not carry over to a new subscription).
 */
export function resolveSubscription(
  input: SubscriptionInput,
  current: CurrentSubscription,
): { values: CurrentSubscription } | { problems: FieldProblems } {
  const subscription = input.subscription ?? current.subscription
  const switching = subscription !== current.subscription
  const given = (value: string | null | undefined) => (value === undefined ? null : value)
  const start =
    switching && subscription !== FREE_SUBSCRIPTION
      ? given(input.subscription_start_date)
      : (input.subscription_start_date ?? current.subscription_start_date)
  const end =
    input.subscription_end_date !== undefined
      ? input.subscription_end_date
      : switching
        ? null
        : current.subscription_end_date
  const problems = periodFieldProblems(periodProblems(subscription, start, end))
  if (Object.keys(problems).length > 0 || start === null) return { problems }
  return { values: { subscription, subscription_start_date: start, subscription_end_date: end } }
}
