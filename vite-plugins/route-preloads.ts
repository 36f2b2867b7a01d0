// The first page's code, started beside the app's own: each lazily loaded route of
// src/app/routes/ is a chunk of its own (src/app/router.tsx), which the browser would only ask for
// once the entry script had arrived and run. At build, this plugin writes into
// public/early-requests.js, which runs before the app, the files of each route (its chunk, the
// chunks it imports that the entry does not, and its CSS); that script preloads those of the
// routes matching the address being opened.
import { readFileSync } from 'node:fs'
import type { Plugin, Rolldown } from 'vite'

/** Where the build writes the map into the early script: `var ROUTE_FILES = {}`, empty in the source. */
export const ROUTE_FILES_MARKER = /var ROUTE_FILES = \{\}/
/** The map as the build wrote it: JSON on one line. */
const FILLED_ROUTE_FILES = /var ROUTE_FILES = \{.*\}/

/**
 * The files of each lazily loaded module by name, `/assets/…` paths: a route module's name is its
 * file's (`organizations` for src/app/routes/organizations.tsx), other modules are named by the plugin's caller.
 */
export type RouteFiles = Record<string, string[]>

/** `script` (the early script's source) with `files` in place of its empty map; throws when the marker is missing. */
export function withRouteFiles(script: string, files: RouteFiles): string {
  if (!ROUTE_FILES_MARKER.test(script))
    throw new Error('early-requests.js has no `var ROUTE_FILES = {}` to fill in')
  return script.replace(ROUTE_FILES_MARKER, () => `var ROUTE_FILES = ${JSON.stringify(files)}`)
}

/** A built early script with its map emptied again, as the dev server has it: it preloads nothing. */
export const withoutRouteFiles = (script: string): string =>
  script.replace(FILLED_ROUTE_FILES, 'var ROUTE_FILES = {}')

const ROUTE_MODULE = /\/src\/app\/routes\/([\w-]+)\.tsx$/

/**
 * Each route module's files (and those of `otherModules`, name → path from the project's root)
 * from the bundle's chunk graph: the route's chunk and its static
 * imports, transitively, without those the entry imports statically (index.html preloads them
 * already), then the CSS of them all. Paths under `base` (`/`).
 */
export function routeFiles(
  bundle: Rolldown.OutputBundle,
  base = '/',
  otherModules: Record<string, string> = {},
): RouteFiles {
  const nameOf = (moduleId: string) =>
    ROUTE_MODULE.exec(moduleId)?.[1] ??
    Object.entries(otherModules).find(([, path]) => moduleId.endsWith(`/${path}`))?.[0]
  const chunks = new Map<string, Rolldown.OutputChunk>()
  for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output)
  const closure = (start: string[], seen = new Set<string>()) => {
    for (const fileName of start) {
      if (seen.has(fileName)) continue
      seen.add(fileName)
      closure(chunks.get(fileName)?.imports ?? [], seen)
    }
    return seen
  }
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry)
  const preloaded = entry ? closure([entry.fileName]) : new Set<string>()
  const files: RouteFiles = {}
  for (const chunk of chunks.values()) {
    const name = chunk.isDynamicEntry && chunk.facadeModuleId ? nameOf(chunk.facadeModuleId) : undefined
    if (!name) continue
    const scripts = [...closure([chunk.fileName])].filter((fileName) => !preloaded.has(fileName))
    const styles = new Set(
      scripts.flatMap((fileName) => [...(chunks.get(fileName)?.viteMetadata?.importedCss ?? [])]),
    )
    files[name] = [...scripts, ...styles].map((fileName) => base + fileName)
  }
  return files
}

/**
 * The plugin: at build, emits `early-requests.js` (the copy from public/ is replaced) with the
 * routes' files filled in. The dev server serves the source as it is: an empty map, nothing to preload.
 */
export function routePreloads(earlyScript: string, otherModules: Record<string, string> = {}): Plugin {
  let base = '/'
  return {
    name: 'ubiops:route-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'early-requests.js',
        source: withRouteFiles(readFileSync(earlyScript, 'utf8'), routeFiles(bundle, base, otherModules)),
      })
    },
  }
}
