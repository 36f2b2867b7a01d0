/**
 * The two generations of API v2.1 (shared/API.md, "The current generation"): one base URL, two
 * sets of answers.
 * - `2022`: the contract as the official clients of 2022 (Python 3.7, R 0.5) read it; the local
 *   server's default, and what the seed's contract and the dashboard's first version were written against.
 * - `current`: what the hosted API answers today (the Python client 4.12 is the reference): usage
 *   per project, `status` and 2FA on the organization list, vouchers, overage, buckets and environments.
 * The local server speaks either from one data store; the dashboard tells them apart by the answers
 * themselves; the browser journeys run once per generation.
 */
export const API_GENERATIONS = ['2022', 'current'] as const
export type ApiGeneration = (typeof API_GENERATIONS)[number]
/** What the local server speaks when nothing is said. */
export const DEFAULT_API_GENERATION: ApiGeneration = '2022'

export function isApiGeneration(value: unknown): value is ApiGeneration {
  return typeof value === 'string' && (API_GENERATIONS as readonly string[]).includes(value)
}
