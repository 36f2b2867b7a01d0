// The contract's input rules (shared/API.md), in one place for both sides: the dashboard's forms
// check them while the person types, and the local server enforces the very same definitions.
// Keep this module free of imports so that the server can load it too.

export const ORGANIZATION_NAME_MAX_LENGTH = 64
export const ORGANIZATION_NAME_PATTERN = /^[a-z][a-z0-9-]*$/

export const SUBSCRIPTIONS = ['free', 'professional', 'enterprise'] as const
export type KnownSubscription = (typeof SUBSCRIPTIONS)[number]
export const FREE_SUBSCRIPTION: KnownSubscription = 'free'

export const EMAIL_MAX_LENGTH = 254
// Deliberately simple: one @, something before it, a dot in the domain, no spaces.
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
/** Subscription dates stay within this range (local rule: a start in year 9999 broke the default usage query). */
export const SUBSCRIPTION_DATE_MIN = '2000-01-01'
export const SUBSCRIPTION_DATE_MAX = '2100-12-31'
export const USAGE_INTERVALS = ['day', 'month'] as const
export const MAX_DAY_INTERVAL_DAYS = 366
export const MAX_MONTH_INTERVAL_YEARS = 10

/** Why an organization name is not acceptable, or null when it is. */
export function organizationNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name.'
  if (name.length > ORGANIZATION_NAME_MAX_LENGTH)
    return `Use at most ${ORGANIZATION_NAME_MAX_LENGTH} characters (this one has ${name.length}).`
  if (!/^[a-z]/.test(name)) return 'Start the name with a lowercase letter.'
  if (!ORGANIZATION_NAME_PATTERN.test(name)) return 'Use only lowercase letters, digits and dashes (-).'
  return null
}

/** Why an email address is not acceptable, or null when it is. */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return 'Enter an email address.'
  if (email.length > EMAIL_MAX_LENGTH) return `Use at most ${EMAIL_MAX_LENGTH} characters.`
  if (!EMAIL_PATTERN.test(email)) return `"${email}" is not a valid email address.`
  return null
}

/** A real calendar day written YYYY-MM-DD (2021-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
