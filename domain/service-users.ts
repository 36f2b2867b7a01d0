/**
 * Service users: a project's API tokens (shared/API.md, "Projects, access and audit"; the official
 * clients' ServiceUserCreate, ServiceUserList and ServiceUserTokenDetail). The rules both the local
 * server and the dashboard apply: names, descriptions, expiry times, and the flags the dashboard
 * shows beside each one.
 */
import { isCalendarDate } from './dates'

/** The longest name and description the official clients' models accept (characters). */
export const SERVICE_USER_NAME_MAX_LENGTH = 256
export const SERVICE_USER_DESCRIPTION_MAX_LENGTH = 400

/** A service user "expires soon" when its expiry is less than this many days away (the 14). */
export const EXPIRING_SOON_DAYS = 14
/** A service user is "unused" when its token was last used this many days ago or more. */
export const UNUSED_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000

/** Why `name` is not an acceptable service user name, as a sentence to show; null when it is. */
export function serviceUserNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Give the service user a name.'
  if (name.length > SERVICE_USER_NAME_MAX_LENGTH)
    return `Use at most ${SERVICE_USER_NAME_MAX_LENGTH} characters (this name has ${name.length}).`
  return null
}

/** Why `description` is not acceptable; null when it is. */
export function serviceUserDescriptionProblem(description: string): string | null {
  return description.length > SERVICE_USER_DESCRIPTION_MAX_LENGTH
    ? `Use at most ${SERVICE_USER_DESCRIPTION_MAX_LENGTH} characters (this description has ${description.length}).`
    : null
}

// A calendar date, or a date and time with an optional zone (the clients send Python's isoformat()).
const EXPIRY_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An expiry as written in a request (`YYYY-MM-DD`, meaning the start of that UTC day, or an ISO 8601
 * date and time; without a zone it is UTC, as the hosted docs say "(UTC)"), as milliseconds since
 * the epoch; or the sentence saying what to fix. It must be later than `nowMs`: a token that has
 * already expired is of no use to anyone.
 */
export function parseExpiry(
  value: string,
  nowMs: number,
): { ms: number; timestamp: string } | { problem: string } {
  const text = value.trim()
  if (!EXPIRY_PATTERN.test(text))
    return { problem: `Write the expiry as a date (YYYY-MM-DD) or a date and time in UTC (got "${value}").` }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) && text.length > 10
  const iso =
    text.length === 10 ? `${text}T00:00:00Z` : hasZone ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`
  const ms = Date.parse(iso)
  if (Number.isNaN(ms) || !isCalendarDate(text.slice(0, 10)))
    return { problem: `"${value}" is not a date that exists.` }
  if (ms <= nowMs) return { problem: 'Choose an expiry in the future.' }
  return { ms, timestamp: timestampAt(ms) }
}

/**
 * A moment (milliseconds since the epoch) written as the API writes timestamps (ISO 8601 UTC with
 * microseconds), exactly: an expiry or a use given to the millisecond keeps its value.
 */
export function timestampAt(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z')
}

/** What the dashboard flags about a service user, each on its own. */
export interface ServiceUserFlags {
  isExpired: boolean
  /** Not expired, and expires within EXPIRING_SOON_DAYS. */
  isExpiringSoon: boolean
  isNeverUsed: boolean
  /** Used before, but not within UNUSED_DAYS. */
  isUnused: boolean
}

/**
 * The flags of a service user at `nowMs` (milliseconds since the epoch), from its answer's
 * timestamps (ISO 8601; `expiryDate` null: never expires; `tokenLastUsed` null: never used;
 * `undefined` where the generation does not say, which raises no flag).
 */
export function serviceUserFlags(
  expiryDate: string | null | undefined,
  tokenLastUsed: string | null | undefined,
  nowMs: number,
): ServiceUserFlags {
  const expiresMs = expiryDate ? Date.parse(expiryDate) : null
  const lastUsedMs = tokenLastUsed ? Date.parse(tokenLastUsed) : null
  const isExpired = expiresMs !== null && expiresMs <= nowMs
  return {
    isExpired,
    isExpiringSoon: !isExpired && expiresMs !== null && expiresMs - nowMs < EXPIRING_SOON_DAYS * DAY_MS,
    isNeverUsed: tokenLastUsed === null,
    isUnused: lastUsedMs !== null && nowMs - lastUsedMs >= UNUSED_DAYS * DAY_MS,
  }
}

/**
 * The service user's e-mail address, made by the server: the hosted API's form
 * (`<id>.<project>@serviceuser.ubiops.com`) under a local domain, so it is unique and says whose it is.
 */
export function serviceUserEmail(id: string, projectName: string): string {
  return `${id}.${projectName}@serviceuser.local`
}
