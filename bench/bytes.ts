// The bytes of the production build each page loads: the entry (index.html's script, its static
// imports and CSS) plus, for each route module on the page's route chain, its chunk and the chunks
// it imports statically, transitively, read from Vite's manifest. Raw and gzip (zlib, level 9,
// as `npm run serve` sends it: it compresses every asset once, at the highest level).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Figure } from './figures'
import type { ManifestChunk, ProductionBuild } from './support/production-build'
import type { SuiteResult } from './support/suite'

const ROUTES = 'src/app/routes/'
/**
 * Each page and the lazy route modules react-router's data router loads for it
 * (src/app/router.tsx: layouts first; the loaders are in the entry). Kept beside the manifest check below: a renamed module is reported, not skipped silently.
 */
export const PAGES: Record<string, string[]> = {
  '/sign-in': ['sign-in'],
  '/organizations': ['app-layout', 'organizations'],
  '/organizations/:name': ['app-layout', 'organization-layout', 'organization-overview'],
  '/organizations/:name/settings': ['app-layout', 'organization-layout', 'organization-settings'],
  '/organizations/:name/members': ['app-layout', 'organization-layout', 'members'],
  '/organizations/:name/access': ['app-layout', 'organization-layout', 'access'],
  '/organizations/:name/usage': ['app-layout', 'organization-layout', 'usage'],
  '/organizations/:name/usage/report': ['app-layout', 'organization-layout', 'usage-report'],
  '(not found)': ['app-layout', 'not-found'],
}
// A mistyped or stale link opens the not-found page first: it is held to the same budget.
export const FIRST_PAGES = ['/sign-in', '/organizations', '(not found)']
// 100 KB until issue 12: the data router (loaders, lazy routes, pending state, error elements)
// costs ~16 KB gzip over declarative routes, a better trade than the home-made routing, bundle
// rewrite and chunk rules that kept the first page under 100 KB.
const FIRST_PAGE_JS_GZIP_TARGET = 125
const USAGE_OWN_JS_GZIP_TARGET = 130

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** KB as Vite prints them: 1,000 bytes. */
const kb = (bytes: number) => Math.round(bytes / 100) / 10

interface Bytes {
  raw: number
  gzip: number
}

/** The manifest key and every chunk it imports statically, transitively (index.html's `imports` included). */
function staticClosure(
  manifest: Record<string, ManifestChunk>,
  key: string,
  into = new Set<string>(),
): Set<string> {
  if (into.has(key)) return into
  into.add(key)
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into)
  return into
}

/** The manifest keys a page loads: the entry's and its route modules' (`modules`, files of src/app/routes/). */
function pageKeys(manifest: Record<string, ManifestChunk>, entry: Set<string>, modules: readonly string[]) {
  const keys = new Set(entry)
  for (const name of modules) staticClosure(manifest, `${ROUTES}${name}.tsx`, keys)
  return [...keys].filter((key) => manifest[key])
}

/** The route modules above each one in PAGES (its layouts), by module. */
function layoutsAbove(): Map<string, string[]> {
  const layouts = new Map<string, string[]>()
  for (const modules of Object.values(PAGES))
    modules.forEach((name, index) => layouts.set(name, modules.slice(0, index)))
  return layouts
}

/** What a route module adds on top of the entry and the layouts above it: its "own" manifest keys. */
function ownKeys(manifest: Record<string, ManifestChunk>, entry: Set<string>, name: string, above: string[]) {
  const already = new Set(entry)
  for (const layout of above) staticClosure(manifest, `${ROUTES}${layout}.tsx`, already)
  return [...staticClosure(manifest, `${ROUTES}${name}.tsx`)].filter(
    (key) => manifest[key] && !already.has(key),
  )
}

function entryKeys(manifest: Record<string, ManifestChunk>) {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)
  if (!entryKey) throw new Error('the manifest has no entry')
  return staticClosure(manifest, entryKey)
}

/**
 * The JavaScript files (paths in the build's folder) that a page of PAGES loads, or with
 * `route:<module>` a route module's own files, counted as the bytes suite counts them; undefined
 * for a name that is neither. bench/bytes-by-module.ts splits them by source module.
 */
export function pageChunks(manifest: Record<string, ManifestChunk>, name: string): Set<string> | undefined {
  const entry = entryKeys(manifest)
  if (name.startsWith('route:')) {
    const above = layoutsAbove().get(name.slice('route:'.length))
    return above && filesOf(manifest, ownKeys(manifest, entry, name.slice('route:'.length), above)).js
  }
  const modules = PAGES[name]
  return modules && filesOf(manifest, pageKeys(manifest, entry, modules)).js
}

function filesOf(manifest: Record<string, ManifestChunk>, keys: Iterable<string>) {
  const js = new Set<string>()
  const css = new Set<string>()
  for (const key of keys) {
    const chunk = manifest[key]!
    js.add(chunk.file)
    for (const file of chunk.css ?? []) css.add(file)
  }
  return { js, css }
}

export async function benchBytes(build: ProductionBuild): Promise<SuiteResult> {
  const { manifest, outDir } = build
  const sizes = new Map<string, Bytes>()
  const size = (files: Iterable<string>): Bytes => {
    const total = { raw: 0, gzip: 0 }
    for (const file of files) {
      if (!sizes.has(file)) {
        const content = readFileSync(join(outDir, file))
        sizes.set(file, { raw: content.byteLength, gzip: gzipSync(content, { level: 9 }).byteLength })
      }
      total.raw += sizes.get(file)!.raw
      total.gzip += sizes.get(file)!.gzip
    }
    return total
  }

  const entry = entryKeys(manifest)
  const notes = [
    `built in ${build.seconds} s; KB = 1,000 bytes; gzip = zlib level 9, as npm run serve sends it (precompressed once). A page loads the entry (${kb(size(filesOf(manifest, entry).js).gzip)} KB gzip JS) plus its route modules' chunks and their static imports.`,
  ]
  const missing = new Set<string>()
  const moduleKey = (name: string) => {
    const key = `${ROUTES}${name}.tsx`
    if (!manifest[key]) missing.add(key)
    return key
  }

  const figures: Figure[] = []
  for (const [page, modules] of Object.entries(PAGES)) {
    modules.forEach(moduleKey)
    const { js, css } = filesOf(manifest, pageKeys(manifest, entry, modules))
    const [jsBytes, cssBytes] = [size(js), size(css)]
    const isFirst = FIRST_PAGES.includes(page)
    figures.push(
      {
        name: `${page}: JavaScript, gzip`,
        value: kb(jsBytes.gzip),
        unit: 'KB',
        target: isFirst ? { value: FIRST_PAGE_JS_GZIP_TARGET, better: 'lower' } : undefined,
        comparedWith: `raw ${kb(jsBytes.raw)} KB; ${plural(js.size, 'file')}${isFirst ? ' (a first page)' : ''}`,
      },
      {
        name: `${page}: CSS, gzip`,
        value: kb(cssBytes.gzip),
        unit: 'KB',
        comparedWith: `raw ${kb(cssBytes.raw)} KB; ${plural(css.size, 'file')}`,
      },
    )
  }

  // What each route module adds on top of the entry and the layouts above it: its "own" chunks.
  for (const [name, above] of layoutsAbove()) {
    moduleKey(name)
    const { js, css } = filesOf(manifest, ownKeys(manifest, entry, name, above))
    const [jsBytes, cssBytes] = [size(js), size(css)]
    figures.push({
      name: `route ${name}: own JavaScript, gzip`,
      value: kb(jsBytes.gzip),
      unit: 'KB',
      target: name === 'usage' ? { value: USAGE_OWN_JS_GZIP_TARGET, better: 'lower' } : undefined,
      comparedWith: `raw ${kb(jsBytes.raw)} KB in ${plural(js.size, 'chunk')}; CSS ${kb(cssBytes.gzip)} KB gzip${above.length ? `; beyond ${above.join(', ')}` : ''}`,
    })
  }
  if (missing.size)
    notes.push(
      `route modules not in the build (bench/bytes.ts PAGES is out of date): ${[...missing].join(', ')}`,
    )
  notes.push(
    'Of a first page, react-dom and react are about 67.5 KB gzip, react-router ~30 KB (the data router: createBrowserRouter, RouterProvider, Link), react-query ~11 KB: the rest is the app.',
  )
  return { figures, notes }
}
