// Benchmarks written in other files may not exist yet on every branch: load them by URL (pass
// `new URL(file, import.meta.url).href`, so the path is relative to the caller) so that
// `npm run bench` still runs, and says which figures are not available.
import type { Figure } from '../figures'

export type OptionalBench<A extends unknown[]> = ((...args: A) => Promise<Figure[]>) | null

export async function loadOptionalBench<A extends unknown[]>(
  specifier: string,
  exportName: string,
): Promise<OptionalBench<A>> {
  try {
    // A variable specifier: the module is resolved at run time only.
    const module = (await import(specifier)) as Record<string, unknown>
    const bench = module[exportName]
    return typeof bench === 'function' ? (bench as (...args: A) => Promise<Figure[]>) : null
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null
    throw error
  }
}
