// The dashboard in headless Chromium, from the production build served by `npm run serve` with
// the seeded local API: the organization list's rows after a cold navigation, the members list
// and usage chart (bench/members-list.ts, bench/usage-chart.ts), and the API requests each page
// makes on a first visit and on a return visit within the stale time.
import { chromium, type Browser, type Page } from '@playwright/test'
import { createQueryClient } from '../src/app/query-client'
import { DEMO } from '../server/db/seed'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { median, type BrowserBenchEnvironment, type Figure } from './figures'
import { loadOptionalBench } from './support/optional'
import type { ProductionBuild } from './support/production-build'
import { round1, type SuiteResult } from './support/suite'
import { newSignedInPage } from './support/signed-in-page'
import { serveBuild } from './support/web-server'

const COLD_LOADS = 7
const LIST_ROWS_TARGET_MS = 300
const organization = DEMO.largeOrganization

/** The same browser, with the same flags, as the e2e tests. */
const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions)

/**
 * One cold load of /organizations (fresh context: empty HTTP cache and storage): milliseconds from
 * the navigation's start until a row of the table links to an organization.
 */
interface ListLoad {
  rowsAt: number
  /** when the last script of the build had arrived */
  scriptsAt: number
  /** when GET /organizations had fully arrived */
  listAt: number
  /** when the entry script had arrived */
  entryAt: number
  /** when the list route's chunk (src/app/routes/organizations.tsx) was asked for: with the entry when preloaded */
  routeAskedAt: number
}

async function organizationListOnce(env: BrowserBenchEnvironment): Promise<ListLoad> {
  const { context, page } = await newSignedInPage(env)
  try {
    await context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('table tbody tr a[href^="/organizations/"]')) {
          ;(window as unknown as { __rowsAt: number }).__rowsAt = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(`${env.webUrl}/organizations`)
    await page.waitForFunction(
      () => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined,
      undefined,
      {
        timeout: 30_000,
      },
    )
    // No named helpers inside: tsx would wrap them in a __name() that the page does not have.
    return await page.evaluate(() => {
      let scriptsAt = 0
      let listAt = 0
      let entryAt = 0
      let routeAskedAt = 0
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (entry.name.endsWith('.js')) scriptsAt = Math.max(scriptsAt, entry.responseEnd)
        if (/\/api\/organizations(\?|$)/.test(entry.name)) listAt = Math.max(listAt, entry.responseEnd)
        if (/\/assets\/index-[\w-]+\.js$/.test(entry.name)) entryAt = entry.responseEnd
        if (/\/assets\/organizations-[\w-]+\.js$/.test(entry.name)) routeAskedAt = entry.startTime
      }
      const rowsAt = (window as unknown as { __rowsAt: number }).__rowsAt
      return { rowsAt, scriptsAt, listAt, entryAt, routeAskedAt }
    })
  } finally {
    await context.close()
  }
}

async function benchOrganizationList(env: BrowserBenchEnvironment): Promise<Figure[]> {
  await organizationListOnce(env) // warm-up: the server's first answers, the browser's first start
  const loads: ListLoad[] = []
  for (let run = 0; run < COLD_LOADS; run += 1) loads.push(await organizationListOnce(env))
  const times = loads.map((load) => load.rowsAt)
  const scripts = round1(median(loads.map((load) => load.scriptsAt)))
  const list = round1(median(loads.map((load) => load.listAt)))
  const entry = round1(median(loads.map((load) => load.entryAt)))
  const routeAsked = round1(median(loads.map((load) => load.routeAskedAt)))
  const afterList = round1(median(loads.map((load) => load.rowsAt - load.listAt)))
  const navigation: Figure = {
    name: 'organization list: rows visible after navigation (cold load)',
    value: round1(median(times)),
    unit: 'ms',
    runs: times.length,
    target: { value: LIST_ROWS_TARGET_MS, better: 'lower' },
    comparedWith: `from navigation start; slowest of ${times.length}: ${round1(Math.max(...times))} ms; medians: entry script in at ${entry} ms, list route's chunk asked for at ${routeAsked} ms, scripts in at ${scripts} ms, GET /organizations in at ${list} ms`,
  }
  // The same loads, from the list's answer on: what the page itself costs, as for the members list.
  const afterData: Figure = {
    name: 'organization list: rows visible after GET /organizations arrived',
    value: afterList,
    unit: 'ms',
    runs: loads.length,
    target: { value: LIST_ROWS_TARGET_MS, better: 'lower' },
    comparedWith: `slowest of ${loads.length}: ${round1(Math.max(...loads.map((load) => load.rowsAt - load.listAt)))} ms`,
  }
  return [navigation, afterData]
}

/** Counts requests to /api/ and waits until none is in flight and none started for a moment. */
function apiRequestLog(page: Page) {
  const paths: string[] = []
  let inFlight = 0
  let lastActivity = Date.now()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!url.pathname.startsWith('/api/')) return
    paths.push(`${request.method()} ${url.pathname}${url.search}`)
    inFlight += 1
    lastActivity = Date.now()
  })
  const settle = (request: { url: () => string }) => {
    if (!new URL(request.url()).pathname.startsWith('/api/')) return
    inFlight -= 1
    lastActivity = Date.now()
  }
  page.on('requestfinished', settle)
  page.on('requestfailed', settle)
  return {
    take(): string[] {
      return paths.splice(0)
    },
    /**
     * Network quiet: nothing in flight and nothing new for `quietMs`, counted from the call at the
     * earliest (a navigation's requests may not have started yet when it is called).
     */
    async quiet(quietMs = 500): Promise<void> {
      const calledAt = Date.now()
      const deadline = calledAt + 30_000
      while (inFlight > 0 || Date.now() - Math.max(lastActivity, calledAt) < quietMs) {
        if (Date.now() > deadline) throw new Error('the page kept requesting for 30 s')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}

/** GET of an organization's whole member list (not one member's `/users/{id}`). */
const isMembersList = (request: string) => /^GET \/api\/organizations\/[^/]+\/users(\?|$)/.test(request)

const PAGES: { name: string; path: string; away: string; withoutMembersList?: boolean }[] = [
  { name: 'organization list', path: '/organizations', away: `/organizations/${organization}` },
  { name: 'organization overview', path: `/organizations/${organization}`, away: '/organizations' },
  // Whether the caller is an admin: one member's answer, not the 10,000-member list (issue 12).
  {
    name: 'settings',
    path: `/organizations/${organization}/settings`,
    away: '/organizations',
    withoutMembersList: true,
  },
  {
    name: `members (${DEMO.largeOrganizationMembers.toLocaleString('en')})`,
    path: `/organizations/${organization}/members`,
    away: '/organizations',
  },
  { name: 'usage', path: `/organizations/${organization}/usage`, away: '/organizations' },
]

/**
 * First visit: a cold load of the page. Return: follow an in-app link away (the other page's own
 * requests are not counted), then Back, all within the stale time; the cache should answer.
 */
async function benchRequests(env: BrowserBenchEnvironment, staleTimeMs: number): Promise<Figure[]> {
  const figures: Figure[] = []
  for (const { name, path, away, withoutMembersList } of PAGES) {
    const { context, page } = await newSignedInPage(env)
    try {
      const log = apiRequestLog(page)
      const started = Date.now()
      await page.goto(env.webUrl + path)
      await page.locator('main').waitFor()
      await log.quiet()
      const first = log.take()
      await page.locator(`a[href="${away}"]`).filter({ visible: true }).first().click()
      await page.waitForURL(env.webUrl + away)
      await log.quiet()
      log.take()
      await page.goBack()
      await page.waitForURL(env.webUrl + path)
      await log.quiet()
      const back = log.take()
      const elapsed = Date.now() - started
      if (elapsed >= staleTimeMs)
        throw new Error(`${name}: the return came after the stale time (${elapsed} ms)`)
      const unique = (paths: string[]) => {
        // Grouped by path; the same path with other query strings (e.g. two ranges) is not a repeat.
        const byPath = new Map<string, string[]>()
        for (const entry of paths)
          byPath.set(entry.replace(/\?.*/, ''), [...(byPath.get(entry.replace(/\?.*/, '')) ?? []), entry])
        return [...byPath]
          .map(([path, entries]) => {
            if (entries.length === 1) return path
            const distinct = new Set(entries).size
            return `${path} (${entries.length}x${distinct === entries.length ? ', each with other parameters' : distinct === 1 ? ', the same request' : ''})`
          })
          .join(', ')
      }
      figures.push(
        {
          name: `requests: ${name}, first visit`,
          value: first.length,
          unit: 'requests',
          comparedWith: first.length ? unique(first) : 'none',
        },
        ...(withoutMembersList
          ? [
              {
                name: `requests: ${name}, member list downloads`,
                value: first.filter(isMembersList).length,
                unit: 'requests',
                target: { value: 0, better: 'lower' as const },
                comparedWith: 'GET /organizations/{name}/users on the first visit',
              } satisfies Figure,
            ]
          : []),
        {
          name: `requests: ${name}, return within the stale time`,
          value: back.length,
          unit: 'requests',
          target: { value: 0, better: 'lower' },
          comparedWith: `back after ${round1(elapsed / 1000)} s${back.length ? `: ${unique(back)}` : ''}`,
        },
      )
    } finally {
      await context.close()
    }
  }
  return figures
}

export async function benchBrowser(
  build: ProductionBuild,
  machine: Record<string, string>,
): Promise<SuiteResult> {
  const served = await serveBuild(build.outDir)
  const browser = await launchChromium()
  machine.chromium = browser.version()
  const env: BrowserBenchEnvironment = {
    browser,
    webUrl: served.webUrl,
    apiUrl: served.apiUrl,
    token: served.token,
  }
  const staleTimeMs = Number(createQueryClient().getDefaultOptions().queries?.staleTime ?? 0)
  const figures: Figure[] = []
  const notes = [
    `Chromium ${browser.version()} headless, launched as e2e/chromium.ts says (without its omnibox popups, which new headless Chromium otherwise builds for every new context while the page loads: about 100 ms of the 2 cores); production build served by server/cli/serve.ts (gzip/brotli) with the local API it starts, seeded; token of ${DEMO.adminEmail}.`,
  ]
  // Each part on its own: one that breaks is reported in the notes, the others still print.
  const part = async (label: string, run: () => Promise<Figure[]>) => {
    try {
      figures.push(...(await run()))
    } catch (error) {
      notes.push(`${label} FAILED: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  try {
    await part('organization list', () => benchOrganizationList(env))
    for (const [file, exportName] of [
      ['./members-list.ts', 'benchMembersList'],
      ['./usage-chart.ts', 'benchUsageChart'],
    ] as const) {
      const bench = await loadOptionalBench<[BrowserBenchEnvironment]>(
        new URL(file, import.meta.url).href,
        exportName,
      )
      if (bench) await part(exportName, () => bench(env))
      else notes.push(`${exportName}: not available (bench/${file.slice(2)} does not export it yet)`)
    }
    await part('requests', () => benchRequests(env, staleTimeMs))
    notes.push(
      `requests: API calls seen by the browser; the return visit follows a link away and comes Back within the ${staleTimeMs / 1000} s stale time.`,
    )
  } finally {
    await browser.close()
    await served.stop()
  }
  return { figures, notes }
}
