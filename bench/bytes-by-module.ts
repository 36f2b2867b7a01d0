// Where a page's bytes come from: `npx tsx bench/bytes-by-module.ts /organizations route:usage`.
// Builds as `npm run bench -- bytes` does (vite.config.ts, production, a temporary folder), takes a
// page's files by the same rule (bench/bytes.ts: the entry and the page's route modules, with their
// static imports; `route:<module>` for a route module's own chunks), and splits each file's gzip
// size (zlib level 9) among the source modules bundled into it, in proportion to each module's
// bundled code compressed alone. What Vite writes into a chunk after bundling (the list of files
// each dynamic import preloads) is a line of its own. The totals are the bytes suite's figures; the
// split is an estimate (gzip shares its window across modules), good for finding what grew.
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'vite'
import { PAGES, pageChunks } from './bytes'
import type { ManifestChunk } from './support/production-build'
import { temporaryFolder } from './support/processes'

const ROOT = process.cwd()
const gzip = (content: string | Uint8Array) => gzipSync(content, { level: 9 }).byteLength
const kb = (bytes: number) => (bytes / 1000).toFixed(2).padStart(7)

/** Per output file: each bundled module's code compressed alone, and the file as bundled. */
type BundledModules = Map<string, { modules: Map<string, number>; bundledGzip: number }>

function recordModules(into: BundledModules): Plugin {
  return {
    name: 'bytes-by-module',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue
        const modules = new Map<string, number>()
        for (const [id, module] of Object.entries(output.modules))
          if (module.code)
            modules.set(
              relative(ROOT, id.replace(/^\0/, '')).replace(/^.*node_modules[\\/]/, ''),
              gzip(module.code),
            )
        into.set(file, { modules, bundledGzip: gzip(output.code) })
      }
    },
  }
}

/** Module (or package, or folder) → its estimated share of `files`' gzip bytes. */
function attribute(outDir: string, files: Iterable<string>, bundled: BundledModules) {
  const shares = new Map<string, number>()
  let total = 0
  const add = (key: string, bytes: number) => shares.set(key, (shares.get(key) ?? 0) + bytes)
  for (const file of files) {
    const onDisk = gzip(readFileSync(join(outDir, file)))
    total += onDisk
    const chunk = bundled.get(file)
    if (!chunk) continue
    const alone = [...chunk.modules.values()].reduce((sum, bytes) => sum + bytes, 0) || 1
    for (const [module, bytes] of chunk.modules) add(module, (chunk.bundledGzip * bytes) / alone)
    if (onDisk - chunk.bundledGzip > 0) add(`(Vite's preload lists in ${file})`, onDisk - chunk.bundledGzip)
  }
  return { shares, total }
}

const groupOf = (module: string) =>
  module.startsWith('src/') || module.startsWith('domain/')
    ? module.replace(/[\\/][^\\/]+$/, '/')
    : module.startsWith('(')
      ? module
      : `package ${module
          .split('/')
          .slice(0, module.startsWith('@') ? 2 : 1)
          .join('/')}`

async function main() {
  const args = process.argv.slice(2)
  const topIndex = args.indexOf('--top')
  const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25
  const wanted = args.length ? args : ['/sign-in', '/organizations', '(not found)']
  const folder = temporaryFolder('ubiops-bytes-by-module-')
  try {
    const outDir = join(folder.path, 'dist')
    const bundled: BundledModules = new Map()
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      plugins: [recordModules(bundled)],
      build: { outDir, emptyOutDir: true, manifest: true },
    })
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >
    for (const name of wanted) {
      const files = pageChunks(manifest, name)
      if (!files)
        throw new Error(
          `${name}: not a page of bench/bytes.ts (${Object.keys(PAGES).join(', ')}) nor route:<module>`,
        )
      const { shares, total } = attribute(outDir, files, bundled)
      const groups = new Map<string, number>()
      for (const [module, bytes] of shares)
        groups.set(groupOf(module), (groups.get(groupOf(module)) ?? 0) + bytes)
      const largest = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
      console.log(`\n${name}: JavaScript ${kb(total).trim()} KB gzip in ${files.size} files`)
      console.log('  by package or folder:')
      for (const [group, bytes] of largest(groups)) console.log(`  ${kb(bytes)} KB  ${group}`)
      console.log('  by module:')
      for (const [module, bytes] of largest(shares)) console.log(`  ${kb(bytes)} KB  ${module}`)
    }
  } finally {
    folder.remove()
  }
}

await main()
