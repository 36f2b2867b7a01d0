// The organization list at a glance (issue 14) with 200 organizations: how soon the first rows
// (the names) show after GET /organizations arrived, how soon the first screen's facts show after
// their own answers, how many requests a first visit makes (only rows on screen should ask), how
// many organizations are ever asked about at once (the bound), and what a sort by a glance column,
// which needs every row's facts, costs the page (main-thread long tasks while 200 rows fill in).
// Measured in the page (performance.now, Resource Timing, MutationObserver, Long Tasks), no sleeps.
//
// From bench/run.ts (part `glance`): benchOrganizationGlance(build). Alone, against running servers
// whose token is the demo admin's (200 organizations are created for that user first):
//   WEB_URL=http://127.0.0.1:5280 API_URL=http://127.0.0.1:8880/v2.1 TOKEN=... tsx bench/organization-glance.ts
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { median, type BrowserBenchEnvironment, type Figure } from './figures'
import type { ProductionBuild } from './support/production-build'
import { runBrowserBenchAlone } from './support/run-alone'
import { newSignedInPage } from './support/signed-in-page'
import { round1, type SuiteResult } from './support/suite'
import { serveBuild } from './support/web-server'

const ORGANIZATIONS = 200
const COLD_LOADS = 7
const FIRST_ROWS_TARGET_MS = 300
/** The bound the list keeps (src/app/organization-glance.ts, GLANCE_ORGANIZATIONS_IN_FLIGHT). */
const IN_FLIGHT_TARGET = 4

/** Creates `count` organizations for the token's user, named so that they sort among themselves. */
async function seedOrganizations(env: BrowserBenchEnvironment, count: number): Promise<string> {
  const prefix = `glance-${Date.now().toString(36)}`
  const digits = String(count).length
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${env.apiUrl}/organizations`, {
      method: 'POST',
      headers: { Authorization: `Token ${env.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `${prefix}-${String(index).padStart(digits, '0')}`,
        subscription: 'free',
      }),
    })
    if (response.status !== 201) throw new Error(`POST /organizations answered ${response.status}`)
  }
  return prefix
}

declare global {
  interface Window {
    __glanceBench?: {
      rowsAt?: number
      screenAt?: number
      longTasks: Array<{ start: number; duration: number }>
    }
  }
}

/**
 * Runs in the page before the app: when the first row links to an organization, when every row
 * on the first screen has all its glance cells filled (no placeholder left in them), and every
 * long task. No named helpers inside: tsx would wrap them in a __name() that the page lacks.
 */
function instrument() {
  const bench: NonNullable<Window['__glanceBench']> = { longTasks: [] }
  window.__glanceBench = bench
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  new MutationObserver((_records, observer) => {
    const rows = [...document.querySelectorAll('table tbody tr')].filter(
      (row) => row.querySelector('a[href^="/organizations/"]') !== null,
    )
    if (!rows.length) return
    bench.rowsAt ??= performance.now()
    const onScreen = rows.filter((row) => row.getBoundingClientRect().top < window.innerHeight)
    if (onScreen.length && onScreen.every((row) => row.querySelector('.ui-skeleton') === null)) {
      bench.screenAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true, characterData: true })
}

/** The glance requests (detail, resources, usage of one organization) the page made, as Resource Timing saw them. */
interface GlanceRequest {
  organization: string
  start: number
  end: number
}

interface Load {
  listAt: number
  /** when the last script of the build had arrived */
  scriptsAt: number
  /** when the at-a-glance chunk (src/app/organization-glance.tsx) had arrived */
  glanceChunkAt: number
  rowsAt: number
  screenAt: number
  /** when the last answer of a glance request for a row on the first screen had arrived */
  screenDataAt: number
  requests: GlanceRequest[]
  rowsOnScreen: number
}

const readRequests = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((entry) => ({
      entry,
      match: /\/api\/organizations\/([^/?]+)(\/resources|\/usage)?(\?|$)/.exec(entry.name),
    }))
    .filter(({ match }) => match !== null)
    .map(({ entry, match }) => ({
      organization: decodeURIComponent(match![1]!),
      start: entry.startTime,
      end: entry.responseEnd,
    }))

async function loadOnce(env: BrowserBenchEnvironment, prefix: string): Promise<Load> {
  const { context, page } = await newSignedInPage(env, instrument)
  try {
    // Only the seeded organizations: the list of the demo admin also has the demo's three.
    await page.goto(`${env.webUrl}/organizations?q=${prefix}`)
    await page.waitForFunction(() => window.__glanceBench?.screenAt !== undefined, undefined, {
      timeout: 60_000,
    })
    const load = await page.evaluate(() => {
      const bench = window.__glanceBench!
      let listAt = 0
      let scriptsAt = 0
      let glanceChunkAt = 0
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (/\/api\/organizations(\?|$)/.test(entry.name)) listAt = Math.max(listAt, entry.responseEnd)
        // The first page's scripts, not the chunks the list loads beside its rows afterwards.
        if (/\/organization-glance-[^/]*\.js$/.test(entry.name)) glanceChunkAt = entry.responseEnd
        if (entry.name.endsWith('.js') && entry.startTime < (bench.rowsAt ?? Infinity))
          scriptsAt = Math.max(scriptsAt, entry.responseEnd)
      }
      const onScreen = [...document.querySelectorAll('table tbody tr')]
        .filter((row) => row.getBoundingClientRect().top < window.innerHeight)
        .map((row) => row.querySelector('a')?.textContent ?? '')
      return { listAt, scriptsAt, glanceChunkAt, rowsAt: bench.rowsAt!, screenAt: bench.screenAt!, onScreen }
    })
    const requests = await page.evaluate(readRequests)
    const screenRequests = requests.filter((request) => load.onScreen.includes(request.organization))
    return {
      listAt: load.listAt,
      scriptsAt: load.scriptsAt,
      glanceChunkAt: load.glanceChunkAt,
      rowsAt: load.rowsAt,
      screenAt: load.screenAt,
      screenDataAt: Math.max(...screenRequests.map((request) => request.end)),
      requests,
      rowsOnScreen: load.onScreen.length,
    }
  } finally {
    await context.close()
  }
}

/** The most organizations with a request in flight at one moment. */
function mostInFlight(requests: GlanceRequest[]): number {
  const events = requests.flatMap((r) => [
    { at: r.start, organization: r.organization, delta: 1 },
    { at: r.end, organization: r.organization, delta: -1 },
  ])
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  const open = new Map<string, number>()
  let most = 0
  for (const event of events) {
    const count = (open.get(event.organization) ?? 0) + event.delta
    if (count > 0) open.set(event.organization, count)
    else open.delete(event.organization)
    most = Math.max(most, open.size)
  }
  return most
}

/** A sort by credits used: every organization's facts are needed; until the last row has them. */
async function sortAll(env: BrowserBenchEnvironment, prefix: string) {
  const { context, page } = await newSignedInPage(env, instrument)
  try {
    await page.goto(`${env.webUrl}/organizations?q=${prefix}`)
    await page.waitForFunction(() => window.__glanceBench?.screenAt !== undefined, undefined, {
      timeout: 60_000,
    })
    const clickedAt = await page.evaluate(() => performance.now())
    await page.getByRole('button', { name: 'Credits used' }).click()
    await page.waitForFunction(() => document.querySelector('table tbody .ui-skeleton') === null, undefined, {
      timeout: 120_000,
    })
    const doneAt = await page.evaluate(() => performance.now())
    const longTasks = await page.evaluate(
      (from) => window.__glanceBench!.longTasks.filter((task) => task.start >= from),
      clickedAt,
    )
    const requests = await page.evaluate(readRequests)
    return {
      allIn: doneAt - clickedAt,
      longest: Math.max(0, ...longTasks.map((task) => task.duration)),
      blocking: longTasks.reduce((total, task) => total + Math.max(0, task.duration - 50), 0),
      inFlight: mostInFlight(requests),
    }
  } finally {
    await context.close()
  }
}

export async function benchGlance(env: BrowserBenchEnvironment): Promise<Figure[]> {
  const prefix = await seedOrganizations(env, ORGANIZATIONS)
  await loadOnce(env, prefix) // warm-up: the server's first answers, the browser's first start
  const loads: Load[] = []
  for (let run = 0; run < COLD_LOADS; run += 1) loads.push(await loadOnce(env, prefix))
  const afterList = loads.map((load) => load.rowsAt - load.listAt)
  // The rows need the list's answer and the app's scripts; the early request brings the answer first.
  const afterListAndScripts = loads.map((load) => load.rowsAt - Math.max(load.listAt, load.scriptsAt))
  const durations = loads.flatMap((load) => load.requests.map((request) => request.end - request.start))
  const afterScreenData = loads.map((load) => load.screenAt - load.screenDataAt)
  const requests = loads.map((load) => load.requests.length)
  const inFlight = Math.max(...loads.map((load) => mostInFlight(load.requests)))
  const sorted = await sortAll(env, prefix)
  return [
    {
      name: `organization list: first rows for ${ORGANIZATIONS} organizations within 300 ms of their data`,
      value: round1(median(afterList)),
      unit: 'ms',
      runs: loads.length,
      target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
      comparedWith: `from GET /organizations arrived to the first row's name (cold loads); slowest ${round1(Math.max(...afterList))} ms; rows at ${round1(median(loads.map((l) => l.rowsAt)))} ms after navigation`,
    },
    {
      name: `organization list: first rows for ${ORGANIZATIONS} organizations after their data and the scripts`,
      value: round1(median(afterListAndScripts)),
      unit: 'ms',
      runs: loads.length,
      target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
      comparedWith: `from the later of GET /organizations and the first page's last script to the first row's name; scripts in at ${round1(median(loads.map((l) => l.scriptsAt)))} ms, the list at ${round1(median(loads.map((l) => l.listAt)))} ms`,
    },
    {
      name: 'organization list: one glance request, sent to answered',
      value: round1(median(durations)),
      unit: 'ms',
      runs: durations.length,
      comparedWith: `slowest ${round1(Math.max(...durations))} ms (detail, resources and usage of one organization each)`,
    },
    {
      name: `organization list: first screen's facts after their answers (${ORGANIZATIONS} organizations)`,
      value: round1(median(afterScreenData)),
      unit: 'ms',
      runs: loads.length,
      target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
      comparedWith: `from the last answer for a row on screen (${loads[0]!.rowsOnScreen} rows) to every one of its cells filled; medians after navigation: rows at ${round1(median(loads.map((l) => l.rowsAt)))} ms, the glance chunk in at ${round1(median(loads.map((l) => l.glanceChunkAt)))} ms, first glance request sent at ${round1(median(loads.map((l) => Math.min(...l.requests.map((r) => r.start)))))} ms, the screen's last answer at ${round1(median(loads.map((l) => l.screenDataAt)))} ms, all cells in at ${round1(median(loads.map((l) => l.screenAt)))} ms`,
    },
    {
      name: `organization list: glance requests on a first visit (${ORGANIZATIONS} organizations)`,
      value: median(requests),
      unit: 'requests',
      runs: loads.length,
      target: { value: ORGANIZATIONS * 3, better: 'lower' },
      comparedWith: `3 per organization on screen or within 200 px of it; ${ORGANIZATIONS * 3} if every row asked`,
    },
    {
      name: 'organization list: most organizations with requests in flight at once',
      value: Math.max(inFlight, sorted.inFlight),
      unit: 'rows',
      target: { value: IN_FLIGHT_TARGET, better: 'lower' },
      comparedWith: `first visits ${inFlight}; while a sort by credits fetched all ${ORGANIZATIONS}: ${sorted.inFlight}`,
    },
    {
      name: `organization list: sort by credits used, until all ${ORGANIZATIONS} rows have their facts`,
      value: round1(sorted.allIn),
      unit: 'ms',
      comparedWith: `longest main-thread task meanwhile ${round1(sorted.longest)} ms, blocking time ${round1(sorted.blocking)} ms (long tasks beyond 50 ms)`,
    },
  ]
}

/** bench/run.ts's `glance` part: the production build served with a fresh seeded local API. */
export async function benchOrganizationGlance(build: ProductionBuild): Promise<SuiteResult> {
  const served = await serveBuild(build.outDir)
  let browser: Browser | undefined
  try {
    browser = await chromium.launch(chromiumLaunchOptions)
    const figures = await benchGlance({
      browser,
      webUrl: served.webUrl,
      apiUrl: served.apiUrl,
      token: served.token,
    })
    return {
      figures,
      notes: [
        `Chromium ${browser.version()} headless, 1280 x 900; ${ORGANIZATIONS} free organizations created through the API for the demo admin, the list filtered to them; production build served by server/cli/serve.ts.`,
      ],
    }
  } finally {
    await browser?.close()
    await served.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBrowserBenchAlone(benchGlance)
