// The two generations of API v2.1 the local server can speak (shared/API.md):
// - `2022`: the contract as the official clients of 2022 (Python 3.7, R 0.5) read it; the default,
//   and what the seed's contract and the dashboard's first version were written against.
// - `current`: what the hosted API answers today (the Python client 4.12 is the reference): usage
//   per project, `status` and 2FA on the organization list, vouchers, overage, buckets and environments.
// One data store serves both; the generation only changes what is accepted and answered.

export const API_GENERATIONS = ['2022', 'current'] as const
export type ApiGeneration = (typeof API_GENERATIONS)[number]
export const DEFAULT_API_GENERATION: ApiGeneration = '2022'

/**
 * The generation asked for by `--api-generation <g>` (or `--api-generation=<g>`) in `argv`, else
 * by `env.API_GENERATION`, else the default. Throws an Error naming the choices for anything else.
 */
export function apiGenerationFrom(
  argv: readonly string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
): ApiGeneration {
  let value: string | undefined
  const index = argv.findIndex((arg) => arg === '--api-generation' || arg.startsWith('--api-generation='))
  if (index >= 0) {
    const arg = argv[index]!
    value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[index + 1] ?? '')
  } else if (env.API_GENERATION) value = env.API_GENERATION
  if (value === undefined) return DEFAULT_API_GENERATION
  if ((API_GENERATIONS as readonly string[]).includes(value)) return value as ApiGeneration
  throw new Error(
    `API generation: use ${API_GENERATIONS.map((g) => `"${g}"`).join(' or ')} (got "${value}"), ` +
      'with --api-generation <generation> or API_GENERATION=<generation>.',
  )
}
