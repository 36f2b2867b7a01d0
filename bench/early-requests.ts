// Does public/early-requests.js help? The organization list, cold, from the same production build
// served twice by `npm run serve`: as built, and with the early-requests script taken out of
// index.html; the two take turns, load after load, so other work on the machine hits both alike.
//   npx tsx bench/early-requests.ts
import { chromium, type Browser } from '@playwright/test'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { median } from './figures'
import { ProductionBuilds } from './support/production-build'
import { temporaryFolder } from './support/processes'
import { serveBuild, type ServedBuild } from './support/web-server'

const LOADS = Number(process.env.LOADS || 11)
const EARLY_SCRIPT = '<script src="/early-requests.js"></script>'

/** One cold load: when the first row linking to an organization appeared, and when the list had arrived. */
async function coldLoad(browser: Browser, served: ServedBuild): Promise<{ rowsAt: number; listAt: number }> {
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
    await page.goto(`${served.webUrl}/organizations`)
    await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined)
    return await page.evaluate(() => {
      let listAt = 0
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        if (/\/api\/organizations(\?|$)/.test(entry.name)) listAt = entry.responseEnd
      return { rowsAt: (window as unknown as { __rowsAt: number }).__rowsAt, listAt }
    })
  } finally {
    await context.close()
  }
}

const builds = new ProductionBuilds()
const without = temporaryFolder('ubiops-bench-no-early-')
const build = await builds.get()
cpSync(build.outDir, without.path, { recursive: true })
const html = join(without.path, 'index.html')
const original = readFileSync(html, 'utf8')
if (!original.includes(EARLY_SCRIPT)) throw new Error(`index.html has no ${EARLY_SCRIPT}`)
writeFileSync(html, original.replace(EARLY_SCRIPT, ''))
const variants = {
  'with early requests': await serveBuild(build.outDir),
  without: await serveBuild(without.path),
}
const browser = await chromium.launch(chromiumLaunchOptions)
const loads: Record<string, { rowsAt: number; listAt: number }[]> = {}
try {
  for (let run = -1; run < LOADS; run += 1)
    for (const [name, served] of Object.entries(variants)) {
      const load = await coldLoad(browser, served)
      if (run >= 0) (loads[name] ??= []).push(load)
    }
} finally {
  await browser.close()
  for (const served of Object.values(variants)) await served.stop()
  without.remove()
  await builds.dispose()
}
for (const [name, measured] of Object.entries(loads))
  console.log(
    `${name}: rows ${Math.round(median(measured.map((load) => load.rowsAt)))} ms after navigation, GET /organizations in at ${Math.round(median(measured.map((load) => load.listAt)))} ms (medians of ${measured.length} cold loads)`,
  )
