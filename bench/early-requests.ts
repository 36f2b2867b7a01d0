// What public/early-requests.js buys: the organization list, cold, from the same production build
// served three times by `npm run serve`: as built (the first page's API requests and route code
// start before the app has run), without the route preloads (the build's ROUTE_FILES emptied, as
// before vite-plugins/route-preloads.ts), and without the script at all. The three take turns, load
// after load, so that other work on the machine hits them alike.
// Each is loaded over loopback as it is, and again with 40 ms added to every request's round trip
// (Chromium's network emulation), nearer what a person far from the server waits: on loopback the
// network costs next to nothing, so what the script saves, waits that overlap, hardly shows.
//   npx tsx bench/early-requests.ts            (LOADS=11 cold loads each, after one warm-up)
//   LATENCIES=0,40,100 npx tsx bench/early-requests.ts
import { chromium, type Browser } from '@playwright/test'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { withoutRouteFiles } from '../vite-plugins/route-preloads'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { median } from './figures'
import { ProductionBuilds } from './support/production-build'
import { temporaryFolder } from './support/processes'
import { serveBuild, type ServedBuild } from './support/web-server'

const LOADS = Number(process.env.LOADS || 11)
/** Milliseconds added to each request's round trip, one series of loads per value. */
const LATENCIES = (process.env.LATENCIES || '0,40').split(',').map(Number)
const EARLY_SCRIPT = '<script src="/early-requests.js"></script>'

/** Milliseconds from the navigation's start, read in the page. */
interface ColdLoad {
  /** the first row linking to an organization in the DOM */
  rowsAt: number
  /** GET /organizations fully arrived */
  listAt: number
  /** the list route's chunk (src/app/routes/organizations.tsx) requested, and arrived */
  routeStart: number
  routeAt: number
  /** the entry script arrived */
  entryAt: number
}

async function coldLoad(browser: Browser, served: ServedBuild, latencyMs: number): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    await context.addInitScript((token) => window.sessionStorage.setItem('ubiops.token', token), served.token)
    await context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('table tbody tr a[href^="/organizations/"]')) {
          ;(window as unknown as { __rowsAt: number }).__rowsAt = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    const page = await context.newPage()
    if (latencyMs > 0) {
      const devtools = await context.newCDPSession(page)
      await devtools.send('Network.enable')
      await devtools.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: latencyMs,
        downloadThroughput: -1,
        uploadThroughput: -1,
      })
    }
    await page.goto(`${served.webUrl}/organizations`)
    await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined)
    // No named helpers inside: tsx would wrap them in a __name() that the page does not have.
    return await page.evaluate(() => {
      const load = {
        rowsAt: (window as unknown as { __rowsAt: number }).__rowsAt,
        listAt: 0,
        routeStart: 0,
        routeAt: 0,
        entryAt: 0,
      }
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (/\/api\/organizations(\?|$)/.test(entry.name)) load.listAt = entry.responseEnd
        if (/\/assets\/organizations-[\w-]+\.js$/.test(entry.name)) {
          load.routeStart = entry.startTime
          load.routeAt = entry.responseEnd
        }
        if (/\/assets\/index-[\w-]+\.js$/.test(entry.name)) load.entryAt = entry.responseEnd
      }
      return load
    })
  } finally {
    await context.close()
  }
}

/** A copy of the build with index.html or early-requests.js changed by `edit`. */
function variantOf(outDir: string, file: 'index.html' | 'early-requests.js', edit: (text: string) => string) {
  const folder = temporaryFolder('ubiops-bench-early-')
  cpSync(outDir, folder.path, { recursive: true })
  const path = join(folder.path, file)
  const original = readFileSync(path, 'utf8')
  const edited = edit(original)
  if (edited === original) throw new Error(`${file}: nothing to take out`)
  writeFileSync(path, edited)
  return folder
}

const builds = new ProductionBuilds()
const build = await builds.get()
const copies = [
  variantOf(build.outDir, 'early-requests.js', withoutRouteFiles),
  variantOf(build.outDir, 'index.html', (html) => html.replace(EARLY_SCRIPT, '')),
]
const variants: Record<string, ServedBuild> = {
  'as built': await serveBuild(build.outDir),
  'without route preloads': await serveBuild(copies[0]!.path),
  'without early-requests.js': await serveBuild(copies[1]!.path),
}
const browser = await chromium.launch(chromiumLaunchOptions)
const loads: Record<string, ColdLoad[]> = {}
try {
  for (const latencyMs of LATENCIES)
    for (let run = -1; run < LOADS; run += 1)
      for (const [name, served] of Object.entries(variants)) {
        const load = await coldLoad(browser, served, latencyMs)
        if (run >= 0)
          (loads[`${name}, ${latencyMs ? `+${latencyMs} ms a round trip` : 'loopback'}`] ??= []).push(load)
      }
} finally {
  await browser.close()
  for (const served of Object.values(variants)) await served.stop()
  for (const copy of copies) copy.remove()
  await builds.dispose()
}
const ms = (measured: ColdLoad[], key: keyof ColdLoad) =>
  Math.round(median(measured.map((load) => load[key])))
for (const [name, measured] of Object.entries(loads))
  console.log(
    `${name}: rows ${ms(measured, 'rowsAt')} ms after navigation; entry script in at ${ms(measured, 'entryAt')} ms, list route's chunk asked at ${ms(measured, 'routeStart')} and in at ${ms(measured, 'routeAt')} ms, GET /organizations in at ${ms(measured, 'listAt')} ms (medians of ${measured.length} cold loads)`,
  )
