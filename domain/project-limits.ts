/**
 * Projects' credit limits and suspension (shared/API.md, "Projects, access and audit": a project
 * whose usage reaches its limit is suspended, with a reason, until the limit is raised). The server
 * answers with these rules and the dashboard's limit form checks with them, word for word.
 *
 * Units: credits. The current generation calls the limit `credits` (a number); 2022 calls it
 * `gb_seconds` (an integer). This server meters one compute quantity, the `credits` usage metric,
 * so a 2022 `gb_seconds` limit is held against the same credits (local rule, server/README.md).
 */
import type { ApiGeneration } from './generation'

/** The largest limit accepted, in credits: far above any subscription, and exact as a double. */
export const CREDIT_LIMIT_MAX = 1_000_000_000_000

/** What each generation calls the project's limit in its answers and in PATCH bodies. */
export function creditLimitField(generation: ApiGeneration): 'credits' | 'gb_seconds' {
  return generation === 'current' ? 'credits' : 'gb_seconds'
}

/**
 * Why `value` is not an acceptable limit, as a sentence naming what to type; null when it is.
 * A limit is 0 or more (0: the project may use nothing), at most CREDIT_LIMIT_MAX; the 2022
 * `gb_seconds` is a whole number (the official client's model says int). `writeNumber` writes the
 * maximum: en-US for the API's answers, the reader's locale in the dashboard.
 */
export function creditLimitProblem(
  value: number,
  generation: ApiGeneration,
  writeNumber: (value: number) => string = (n) => n.toLocaleString('en-US'),
): string | null {
  if (!Number.isFinite(value) || value < 0)
    return 'A credit limit is a number of credits, 0 or more; leave it empty for no limit.'
  if (value > CREDIT_LIMIT_MAX) return `A credit limit is at most ${writeNumber(CREDIT_LIMIT_MAX)}.`
  if (generation === '2022' && !Number.isInteger(value))
    return 'In this API generation the limit (gb_seconds) is a whole number.'
  return null
}

/** Whether a project that used `used` credits this period is suspended under `limit` (null: none). */
export function isOverCreditLimit(used: number, limit: number | null): boolean {
  return limit !== null && used >= limit
}

/**
 * The `suspended_reason` of a project suspended by its limit: names the limit, what was used in
 * the subscription period, and what lifts the suspension.
 */
export function creditLimitReason(used: number, limit: number, generation: ApiGeneration): string {
  const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 })
  return (
    `The project used ${number(used)} credits in this subscription period and reached its credit limit ` +
    `(${creditLimitField(generation)}: ${number(limit)}). Raise or clear the limit to lift the suspension.`
  )
}

/** The audit event's sentence for a limit change: old and new value, "none" for no limit. */
export function creditLimitChangeEvent(before: number | null, after: number | null): string {
  const text = (value: number | null) => (value === null ? 'none' : value.toLocaleString('en-US'))
  return `Changed the credit limit from ${text(before)} to ${text(after)}.`
}
