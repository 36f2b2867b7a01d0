// What a page downloads before it shows is what its modules import statically; bench/bytes.ts
// measures those bytes in a production build (too slow for a test). This checks the cheap half
// on every run: the first pages and the usage page do not reach, through static imports, the code
// they load on demand (a dialog on its opening, a panel on its choice, a CSV writer on its click).
// One static import of such a module puts it, and all it imports, back on the page.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { FIRST_PAGES, PAGES } from '../../bench/bytes'

const ROOT = resolve(__dirname, '../..')
const ENTRY = 'src/main.tsx'
const routeModule = (name: string) => `src/app/routes/${name}.tsx`

/** A package's name from a bare specifier: `@scope/name/x` → `@scope/name`, `name/x` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

/** A relative specifier's file (root-relative), as Vite resolves it; null for assets such as CSS. */
function resolveFile(from: string, specifier: string): string | null {
  const base = join(dirname(join(ROOT, from)), specifier)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return relative(ROOT, candidate)
  if (!existsSync(base)) throw new Error(`${from}: cannot resolve ${specifier}`)
  return null
}

/**
 * The specifiers a module imports or re-exports for its code: not `import type`, not an import of
 * types only (nothing of it is bundled), and not `import()` (a chunk of its own, loaded when called).
 */
function staticSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest)
  const specifiers: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      const named = clause?.namedBindings
      const isTypesOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          named &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((element) => element.isTypeOnly))
      if (!isTypesOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return specifiers
}

/** Every file and package that `starts` reach through static imports. */
function staticallyReached(starts: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const specifier of staticSpecifiers(file)) {
      if (!specifier.startsWith('.')) packages.add(packageOf(specifier))
      else {
        const next = resolveFile(file, specifier)
        if (next) visit(next)
      }
    }
  }
  starts.forEach(visit)
  return { files, packages }
}

const pageModules = (page: string) => {
  const modules = PAGES[page]
  if (!modules) throw new Error(`bench/bytes.ts has no page ${page}`)
  return [ENTRY, ...modules.map(routeModule)]
}

describe('what a page loads only on demand stays out of its static imports', () => {
  it.each(FIRST_PAGES)('the first page %s', (page) => {
    const { files, packages } = staticallyReached(pageModules(page))
    // Charts, CSV, forms and virtual lists are later pages' (or load when a form or a dialog opens).
    for (const name of ['recharts', 'papaparse', 'valibot', 'react-hook-form', '@tanstack/react-virtual'])
      expect(packages, name).not.toContain(name)
    expect([...files].filter((file) => file.startsWith('src/features/usage/'))).toEqual([])
    for (const file of [
      'src/app/shell/command-palette-dialogs.tsx',
      'src/features/organizations/components/create-organization-dialog.tsx',
      'src/features/auth/components/two-factor-required.tsx',
      'src/features/auth/components/session-expired-dialog.tsx',
    ])
      expect(files, file).not.toContain(file)
  })

  it.each(['usage', 'project-usage'])('the usage page (route module %s)', (name) => {
    const { files, packages } = staticallyReached([routeModule(name)])
    expect(packages).toContain('recharts')
    expect(packages, 'papaparse').not.toContain('papaparse')
    for (const file of [
      'src/features/usage/components/why-panel.tsx',
      'src/features/usage/components/chart-tooltip.tsx',
      'src/features/usage/lib/usage-csv.ts',
      'src/features/audit/components/project-day-events.tsx',
      'src/lib/csv.ts',
      'src/lib/parse-number.ts',
    ])
      expect(files, file).not.toContain(file)
  })
})
