import type { Subscription } from '../../../api/types'
// The organization forms' rules, built from the contract's rules in api/rules.ts (which the
// server enforces too): checked while the person types, before anything is sent.
import { FREE_SUBSCRIPTION, SUBSCRIPTIONS, isCalendarDate, organizationNameProblem } from '../../../api/rules'

export interface SubscriptionFields {
  subscription: string
  /** YYYY-MM-DD or '' */
  startDate: string
  /** YYYY-MM-DD or '' */
  endDate: string
}

export type Problems<Field extends string> = Partial<Record<Field, string>>

export type CreateField = 'name' | 'subscription' | 'endDate'
export type SubscriptionField = 'subscription' | 'startDate' | 'endDate'

/** One of the subscriptions this dashboard knows (the hosted API may answer with others). */
export const isKnownSubscription = (value: string): value is Subscription =>
  (SUBSCRIPTIONS as readonly string[]).includes(value)

function dateProblem(value: string): string | null {
  return value && !isCalendarDate(value) ? 'Enter a real date (YYYY-MM-DD).' : null
}

function clean<Field extends string>(problems: Record<Field, string | null>): Problems<Field> {
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem)) as Problems<Field>
}

/** Create: a valid name; a known subscription; an end date for a paid one and none for free. */
export function createOrganizationProblems(values: {
  name: string
  subscription: string
  endDate: string
}): Problems<CreateField> {
  const { subscription, endDate } = values
  return clean<CreateField>({
    name: organizationNameProblem(values.name),
    subscription: isKnownSubscription(subscription) ? null : 'Choose a subscription.',
    endDate:
      dateProblem(endDate) ??
      (subscription === FREE_SUBSCRIPTION && endDate
        ? 'The free subscription has no end date (it runs for a year). Leave this empty.'
        : subscription !== FREE_SUBSCRIPTION && isKnownSubscription(subscription) && !endDate
          ? `The ${subscription} subscription needs an end date.`
          : null),
  })
}

/** Subscription change: a paid subscription needs both dates, the end after the start; free has no end. */
export function subscriptionProblems({
  subscription,
  startDate,
  endDate,
}: SubscriptionFields): Problems<SubscriptionField> {
  const isFree = subscription === FREE_SUBSCRIPTION
  const isPaid = isKnownSubscription(subscription) && !isFree
  const datesInOrder =
    !startDate || !endDate || !isCalendarDate(startDate) || !isCalendarDate(endDate) || endDate > startDate
  return clean<SubscriptionField>({
    subscription: isKnownSubscription(subscription) ? null : 'Choose a subscription.',
    startDate:
      dateProblem(startDate) ??
      (isPaid && !startDate ? `The ${subscription} subscription needs a start date.` : null),
    endDate:
      dateProblem(endDate) ??
      (isFree && endDate
        ? 'The free subscription has no end date (it runs for a year). Leave this empty.'
        : isPaid && !endDate
          ? `The ${subscription} subscription needs an end date.`
          : datesInOrder
            ? null
            : 'The end date must be after the start date.'),
  })
}

/** Rename: a valid name that differs from the current one. */
export function renameProblem(newName: string, currentName: string): string | null {
  if (newName === currentName) return 'Enter a different name.'
  return organizationNameProblem(newName)
}

const API_FIELDS: Record<string, string> = {
  name: 'name',
  subscription: 'subscription',
  subscription_start_date: 'startDate',
  subscription_end_date: 'endDate',
  voucher: 'voucher',
}
const FIELD_PREFIX = /(?:^|\s)(subscription_start_date|subscription_end_date|subscription|name|voucher): /g

const sentence = (text: string) => {
  const trimmed = text.trim()
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

/** What the server said, split over the form's fields; what names no field of the form stays form-level. */
export interface ServerProblems<Field extends string> {
  byField: Problems<Field>
  formLevel: string | null
}

/**
 * Puts a 400's sentence on the fields it concerns. The local server prefixes each problem with the
 * API field (`name: …`, `subscription_end_date: …`); a server that does not is matched by the
 * words it uses ("end date", "name"…).
 */
export function splitServerError<Field extends string>(
  message: string,
  fields: readonly Field[],
): ServerProblems<Field> {
  const known = fields as readonly string[]
  const byField: Record<string, string> = {}
  const rest: string[] = []
  const starts = [...message.matchAll(FIELD_PREFIX)]
  if (starts.length === 0) {
    const field = fieldOfServerError(message, fields)
    return field
      ? { byField: { [field]: message } as Problems<Field>, formLevel: null }
      : { byField: {}, formLevel: message }
  }
  const before = message.slice(0, starts[0]!.index).trim()
  if (before) rest.push(before)
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? message.length
    const text = sentence(message.slice(match.index + match[0].length, end))
    const field = API_FIELDS[match[1]!]
    if (field && known.includes(field)) byField[field] = byField[field] ? `${byField[field]} ${text}` : text
    else rest.push(`${match[1]}: ${text}`)
  })
  return { byField: byField as Problems<Field>, formLevel: rest.length ? rest.join(' ') : null }
}

/**
 * Which field a server sentence without field prefixes is about, by the words it uses; null when
 * it names none (then it belongs to the form as a whole).
 */
export function fieldOfServerError<Field extends string>(
  message: string,
  fields: readonly Field[],
): Field | null {
  const text = message.toLowerCase()
  const mentions: Record<string, RegExp> = {
    voucher: /voucher/,
    endDate: /subscription_end_date|end date/,
    startDate: /subscription_start_date|start date/,
    name: /\bname\b|organization_name|already (exists|taken|in use)|taken/,
    subscription: /subscription/,
  }
  // Dates first: "subscription_end_date" also contains "subscription".
  for (const field of ['voucher', 'endDate', 'startDate', 'name', 'subscription']) {
    if ((fields as readonly string[]).includes(field) && mentions[field]?.test(text)) return field as Field
  }
  return null
}
