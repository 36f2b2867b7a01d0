// Which generation of API v2.1 the local server speaks (the generations: domain/generation.ts).
import {
  API_GENERATIONS,
  DEFAULT_API_GENERATION,
  isApiGeneration,
  type ApiGeneration,
} from '../domain/generation'

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
  if (isApiGeneration(value)) return value
  throw new Error(
    `API generation: use ${API_GENERATIONS.map((g) => `"${g}"`).join(' or ')} (got "${value}"), ` +
      'with --api-generation <generation> or API_GENERATION=<generation>.',
  )
}
