// `npm run bench`: runs each suite in turn, prints every figure beside its target or what it was
// compared with, and writes bench/results/latest.json. It reports; it never fails on a number.
//   npm run bench                 every suite
//   npm run bench -- api bytes    only these (api, scale, members, bytes, browser, glance, matrix, why, drill, audit, load)
import { cpus, loadavg } from 'node:os'
import { formatSuite, writeResults, RESULTS_PATH, type SuiteRecord } from './support/report'
import { loadOptionalBench } from './support/optional'
import { ProductionBuilds } from './support/production-build'
import type { SuiteResult } from './support/suite'

interface SuiteContext {
  builds: ProductionBuilds
  machine: Record<string, string>
}

interface Suite {
  title: string
  run: (context: SuiteContext) => Promise<SuiteResult>
}

const SUITES: Record<string, Suite> = {
  api: {
    title: 'API server: throughput and latency, ours vs json-server and Prism',
    run: async () => (await import('./api')).benchApi(),
  },
  scale: {
    title: 'API server: scale (usage rollup table size, range, members count)',
    run: async () => (await import('./scale')).benchScale(),
  },
  members: {
    title: 'API server: the members list from 100 to 100,000 members (the members part of scale)',
    run: async () => (await import('./scale')).benchMembersScale(),
  },
  bytes: {
    title: 'Dashboard: bytes each route loads (production build)',
    run: async ({ builds }) => (await import('./bytes')).benchBytes(await builds.get()),
  },
  browser: {
    title: 'Dashboard: time and requests in headless Chromium (production build, local API)',
    run: async ({ builds, machine }) => (await import('./browser')).benchBrowser(await builds.get(), machine),
  },
  glance: {
    title: 'Dashboard: the organization list at a glance with 200 organizations (headless Chromium)',
    run: async ({ builds }) =>
      (await import('./organization-glance')).benchOrganizationGlance(await builds.get()),
  },
  matrix: {
    title:
      'Dashboard: the access matrix, 10,000 members × 40 projects (model, and the page in headless Chromium)',
    run: async ({ builds }) => (await import('./matrix')).benchMatrix(await builds.get()),
  },
  why: {
    title:
      'Dashboard: "why this day" and the unusual days, 200 deployment versions × 366 days (rules in Node, bench/usage-why.ts; the page in headless Chromium, bench/usage-why-page.ts)',
    run: async ({ builds }) => {
      const rules = await (await import('./usage-why')).benchUsageWhy()
      const page = await (await import('./usage-why-page')).benchUsageWhyPage(await builds.get())
      return { figures: [...rules.figures, ...page.figures], notes: [...rules.notes, ...page.notes] }
    },
  },
  drill: {
    title:
      'Dashboard: a project’s usage, 200 deployment versions × 366 days by day (headless Chromium, bench/usage-drill.ts)',
    run: async ({ builds }) => (await import('./usage-drill')).benchUsageDrill(await builds.get()),
  },
  audit: {
    title: 'Dashboard: the audit trail of 40 projects × 2,000 audit events (headless Chromium)',
    run: async ({ builds }) => (await import('./audit')).benchAudit(await builds.get()),
  },
  load: {
    title: 'API server: mixed concurrent reads and colliding writes (bench/load.ts)',
    run: async () => {
      const benchLoad = await loadOptionalBench<[]>(new URL('./load.ts', import.meta.url).href, 'benchLoad')
      if (!benchLoad)
        return { figures: [], notes: ['not available: bench/load.ts does not export benchLoad() yet'] }
      return { figures: await benchLoad(), notes: [] }
    },
  },
}

function chosenSuites(args: string[]): string[] {
  const names = args.filter((arg) => !arg.startsWith('-'))
  const unknown = names.filter((name) => !(name in SUITES))
  if (unknown.length) {
    console.error(`Unknown suite ${unknown.join(', ')}. Choose from: ${Object.keys(SUITES).join(', ')}.`)
    process.exit(2)
  }
  return names.length ? names : Object.keys(SUITES)
}

const names = chosenSuites(process.argv.slice(2))
const started = performance.now()
// Other work on the machine skews every figure: say how busy it was.
const loadAverage = loadavg()[0]!.toFixed(2)
console.log(
  `npm run bench: ${names.join(', ')} on ${cpus().length} cores, load average ${loadAverage} at the start.`,
)
const context: SuiteContext = { builds: new ProductionBuilds(), machine: { loadAverageAtStart: loadAverage } }
const records: Record<string, SuiteRecord> = {}
const failed: string[] = []
try {
  for (const name of names) {
    const suite = SUITES[name]!
    console.log(`\n${name}: ${suite.title} ...`)
    const suiteStarted = performance.now()
    const suiteLoad = loadavg()[0]!
    let result: SuiteResult
    try {
      result = await suite.run(context)
    } catch (error) {
      // One broken suite must not hide the others' figures.
      failed.push(name)
      result = { figures: [], notes: [`FAILED: ${error instanceof Error ? error.message : String(error)}`] }
    }
    const seconds = (performance.now() - suiteStarted) / 1000
    // The machine's load over the suite (1-minute averages at its start and end): noisy figures say why.
    const load = `${suiteLoad.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`
    console.log(formatSuite(`${name}: ${suite.title}`, result, seconds, load))
    records[name] = {
      ...result,
      date: new Date().toISOString(),
      seconds: Math.round(seconds),
      loadAverage: load,
    }
  }
} finally {
  await context.builds.dispose()
}
writeResults(records, context.machine)
const total = Math.round((performance.now() - started) / 1000)
console.log(`\nWrote ${RESULTS_PATH}. The whole run took ${Math.floor(total / 60)} min ${total % 60} s.`)
if (failed.length) {
  console.error(`Suites that could not run: ${failed.join(', ')} (see their notes above).`)
  process.exitCode = 1
}
