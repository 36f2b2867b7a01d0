// One production build per `npm run bench`, shared by the bytes and browser suites, built into a
// temporary folder so that a dist/ someone is serving is left alone.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { temporaryFolder } from './processes'

/** One entry of Vite's .vite/manifest.json. */
export interface ManifestChunk {
  file: string
  src?: string
  name?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

export interface ProductionBuild {
  outDir: string
  manifest: Record<string, ManifestChunk>
  seconds: number
}

export class ProductionBuilds {
  private build: Promise<ProductionBuild> | null = null
  private folder: { path: string; remove: () => void } | null = null

  get(): Promise<ProductionBuild> {
    this.build ??= this.create()
    return this.build
  }

  private async create(): Promise<ProductionBuild> {
    this.folder = temporaryFolder('ubiops-bench-build-')
    const outDir = join(this.folder.path, 'dist')
    const started = performance.now()
    try {
      await promisify(execFile)(
        process.execPath,
        [
          'node_modules/vite/bin/vite.js',
          'build',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--manifest',
          '--logLevel',
          'warn',
        ],
        { maxBuffer: 16 * 1024 * 1024 },
      )
    } catch (error) {
      // Vite's own words (e.g. a missing export) without the stack of the child process.
      const stderr = String((error as { stderr?: string }).stderr ?? '')
      const reason = stderr.includes('error during build:') ? stderr.split('error during build:')[1]! : stderr
      const lines = reason.split('\n').filter((line) => line.trim() && !/^\s+at /.test(line))
      throw new Error(`vite build failed: ${lines.slice(0, 12).join('\n')}`)
    }
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >
    return { outDir, manifest, seconds: Math.round((performance.now() - started) / 100) / 10 }
  }

  async dispose(): Promise<void> {
    if (this.build) await this.build.catch(() => undefined)
    this.folder?.remove()
  }
}
