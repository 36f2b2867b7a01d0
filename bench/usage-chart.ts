// How fast the usage page draws a 366-day, day-by-day view with every series, how fast its tooltip
// follows the pointer, and how much code the page adds when it is opened. Measured in the page
// itself (performance.now, MutationObserver, event timestamps), not with wall-clock sleeps.
//
// From bench/run.ts: benchUsageChart(env). Alone, against a production build and a seeded API:
//   npx vite build && UBIOPS_API_URL=http://127.0.0.1:8793/v2.1 npx vite preview --port 5193 &
//   WEB_URL=http://127.0.0.1:5193 API_URL=http://127.0.0.1:8793/v2.1 TOKEN=... tsx bench/usage-chart.ts
import type { Page } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { DEMO } from '../server/db/seed'
import { median, type BrowserBenchEnvironment, type Figure } from './figures'
import { pageSignal } from './support/page-signal'
import { newSignedInPage } from './support/signed-in-page'
import { runBrowserBenchAlone } from './support/run-alone'

const LOADS = 7
const HOVER_MOVES = 12
const DAYS = 366
/** Five series over three charts: credits (1), input volume (2), output volume (2). */
const AREA_COUNT = 5
const organization = DEMO.organizations[0]

declare global {
  interface Window {
    __usageBench?: { drawnAt?: number; moveAt?: number }
  }
}

/** What the usage benches' instrument writes to the console once the charts are drawn. */
export const DRAWN_SIGNAL = 'usage-bench:drawn'

/**
 * Runs in the page before the app: notes when all `areaCount` areas of the charts (five over three
 * charts here) have a path, and says so on the console ({@link DRAWN_SIGNAL}). When the usage answer
 * of the measured range arrived is read afterwards ({@link drawTime}).
 */
export function instrument({ areaCount }: { areaCount: number }) {
  const bench: NonNullable<Window['__usageBench']> = {}
  window.__usageBench = bench
  new MutationObserver((_records, observer) => {
    const areas = document.querySelectorAll('.usage-chart .recharts-area-area')
    if (areas.length === areaCount && [...areas].every((area) => (area.getAttribute('d') ?? '').length > 0)) {
      bench.drawnAt = performance.now()
      observer.disconnect()
      // DRAWN_SIGNAL, written out: this function runs in the page, apart from this module.
      console.debug('usage-bench:drawn')
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['d'] })
  document.addEventListener('mousemove', (event) => (bench.moveAt = event.timeStamp), true)
}

/**
 * From the usage answer of the range starting on `start` fully arrived (its last byte: the Resource
 * Timing `responseEnd`, before JSON parsing; the organization's or a project's) to the charts drawn,
 * in ms. Read after {@link DRAWN_SIGNAL}: the answer is not read or copied in the page, which would
 * add its own time (a project's answer is megabytes).
 */
export async function drawTime(page: Page, start: string): Promise<number> {
  const { responseAt, drawnAt } = await page.evaluate((rangeStart) => {
    const answers = performance
      .getEntriesByType('resource')
      .filter((entry) => /\/usage\?/.test(entry.name) && entry.name.includes(`start_date=${rangeStart}`))
    const answer = answers.at(-1) as PerformanceResourceTiming | undefined
    return { responseAt: answer?.responseEnd, drawnAt: window.__usageBench?.drawnAt }
  }, start)
  if (responseAt === undefined || drawnAt === undefined) throw new Error('no usage answer or no chart drawn')
  return drawnAt - responseAt
}

function rangeOf366Days(): { start: string; end: string } {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
  const start = new Date(Date.parse(`${tomorrow}T00:00:00Z`) - DAYS * 86_400_000).toISOString().slice(0, 10)
  return { start, end: tomorrow }
}

async function loadOnce(env: BrowserBenchEnvironment, measureHover: boolean) {
  const { start, end } = rangeOf366Days()
  const { context, page } = await newSignedInPage(env, [instrument, { areaCount: AREA_COUNT }])
  try {
    const drawn = pageSignal(page, DRAWN_SIGNAL)
    await page.goto(
      `${env.webUrl}/organizations/${organization}/usage?range=custom&start=${start}&end=${end}`,
    )
    await drawn
    const draw = await drawTime(page, start)
    const buckets = await page.getByText(`by day (${DAYS} buckets)`).count()
    if (buckets !== 1) throw new Error(`expected a ${DAYS}-bucket view`)
    return { draw, hovers: measureHover ? await measureHovers(page) : [] }
  } finally {
    await context.close()
  }
}

/** For each pointer move over the credits chart: from the mousemove event to the tooltip naming the new bucket. */
async function measureHovers(page: Page): Promise<number[]> {
  const surface = page.getByTestId('usage-plot-credits').locator('.recharts-surface')
  await surface.scrollIntoViewIfNeeded()
  const box = (await surface.boundingBox())!
  // Enter the chart and show a first tooltip (recharts tracks the pointer from its first move inside).
  await page.mouse.move(box.x + 100, box.y + 100)
  await page.mouse.move(box.x + 110, box.y + 100)
  await page.getByTestId('usage-plot-credits').locator('.usage-tooltip').waitFor()
  const times: number[] = []
  for (let move = 0; move < HOVER_MOVES; move += 1) {
    await page.evaluate(() => {
      // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
      const plot = document.querySelector('[data-testid="usage-plot-credits"]')!
      const before = plot.querySelector('.usage-tooltip')?.getAttribute('data-bucket-start')
      ;(window as unknown as { __tooltipMoved: Promise<number> }).__tooltipMoved = new Promise(
        (resolve, reject) => {
          const observer = new MutationObserver(() => {
            if (plot.querySelector('.usage-tooltip')?.getAttribute('data-bucket-start') === before) return
            observer.disconnect()
            resolve(performance.now())
          })
          observer.observe(plot, { childList: true, subtree: true, attributes: true })
          setTimeout(() => reject(new Error(`the tooltip stayed on ${before}`)), 10_000)
        },
      )
    })
    // 70 px apart: about 25 buckets on a 366-day chart 1 000 px wide, so each move changes the bucket.
    await page.mouse.move(box.x + 150 + move * 70, box.y + 90 + (move % 2) * 20)
    const movedAt = await page.evaluate(
      () => (window as unknown as { __tooltipMoved: Promise<number> }).__tooltipMoved,
    )
    const moveAt = await page.evaluate(() => window.__usageBench!.moveAt!)
    times.push(movedAt - moveAt)
  }
  return times
}

/**
 * The JS and CSS the usage page adds: load the organization overview, then open the Usage tab and
 * gzip (level 9, as bundle reports do) every script and stylesheet that only then arrives.
 * Also checks that recharts is not among what the overview loaded.
 */
async function measureChunks(env: BrowserBenchEnvironment) {
  const { context, page } = await newSignedInPage(env)
  try {
    const loaded = new Map<string, Buffer>()
    page.on('response', (response) => {
      const url = response.url()
      if (/\.(js|css)(\?|$)/.test(url) && url.startsWith(env.webUrl))
        void response.body().then((body) => loaded.set(url, body))
    })
    await page.goto(`${env.webUrl}/organizations/${organization}`)
    await page.getByRole('link', { name: 'Usage', exact: true }).waitFor()
    await page.waitForLoadState('networkidle')
    const before = new Map(loaded)
    const rechartsUpFront = [...before.values()].some((body) => body.includes('recharts-surface'))
    // By keyboard: a click leaves the pointer where the charts may draw, and a chart under the
    // pointer loads its tooltip (a chunk of its own, only needed on hover) within the page's opening.
    await page.getByRole('link', { name: 'Usage', exact: true }).press('Enter')
    await page.locator('.usage-chart .recharts-area-area').first().waitFor()
    await page.waitForLoadState('networkidle')
    const added = [...loaded].filter(([url]) => !before.has(url))
    const sizes = added.map(([url, body]) => ({ url, gzip: gzipSync(body, { level: 9 }).length }))
    return { sizes, rechartsUpFront }
  } finally {
    await context.close()
  }
}

const round = (value: number) => Math.round(value * 10) / 10
const kb = (bytes: number) => round(bytes / 1000)

export async function benchUsageChart(env: BrowserBenchEnvironment): Promise<Figure[]> {
  await loadOnce(env, false) // warm-up: server caches; each measured load is a fresh browser context
  const draws: number[] = []
  const hovers: number[] = []
  for (let run = 0; run < LOADS; run += 1) {
    const result = await loadOnce(env, true)
    draws.push(result.draw)
    hovers.push(...result.hovers)
  }
  const { sizes, rechartsUpFront } = await measureChunks(env)
  if (rechartsUpFront) throw new Error('recharts is loaded before the usage page is opened')
  const total = sizes.reduce((sum, size) => sum + size.gzip, 0)
  const largest = [...sizes].sort((a, b) => b.gzip - a.gzip)[0]
  return [
    {
      name: `usage page: ${DAYS}-day chart (5 series, 3 charts) drawn after the usage response`,
      value: round(median(draws)),
      unit: 'ms',
      runs: draws.length,
      target: { value: 300, better: 'lower' },
      comparedWith: `slowest of ${draws.length} cold loads: ${round(Math.max(...draws))} ms`,
    },
    {
      name: `usage page: pointer move until the tooltip shows the new bucket (${DAYS} days)`,
      value: round(median(hovers)),
      unit: 'ms',
      runs: hovers.length,
      target: { value: 50, better: 'lower' },
      comparedWith: `slowest of ${hovers.length} moves: ${round(Math.max(...hovers))} ms`,
    },
    {
      name: 'usage page: JS and CSS it adds when opened (gzip)',
      value: kb(total),
      unit: 'KB',
      target: { value: 130, better: 'lower' },
      comparedWith: `${sizes.length} files, largest ${largest ? `${largest.url.split('/').pop()} ${kb(largest.gzip)} KB` : 'none'}; recharts not loaded before the page opens`,
    },
  ]
}

// Run alone: `tsx bench/usage-chart.ts` with WEB_URL, API_URL and TOKEN of running servers.
if (import.meta.url === `file://${process.argv[1]}`) await runBrowserBenchAlone(benchUsageChart)
