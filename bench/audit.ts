// The organization's audit trail (/organizations/:name/audit) at 40 projects × 2,000 audit events:
// how soon the first rows show after the first answers, how fluent scrolling is (frame times while
// the feed scrolls and reads on), and the most requests in flight. The production build served as
// people serve it, with the events written straight into the served database in one transaction
// (the API has no endpoint that makes events without making their writes 80,000 times).
import { chromium } from '@playwright/test'
import Database from 'better-sqlite3'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { auditEventsRepository } from '../server/repositories/audit-events'
import { AUDIT_FIRST_PAGE_SIZE, AUDIT_PAGE_SIZE } from '../src/features/audit/lib/audit-trail'
import { median, type Figure } from './figures'
import type { ProductionBuild } from './support/production-build'
import { newSignedInPage } from './support/signed-in-page'
import { round1, type SuiteResult } from './support/suite'
import { serveBuild, type ServedBuild } from './support/web-server'
import { demoAdminApi } from './support/demo-admin-api'

const PROJECTS = 40
const EVENTS = 2000
const LOADS = 3
const FIRST_ROWS_TARGET_MS = 300
const IN_FLIGHT_TARGET = 6
/** A frame of a 60 Hz display: longer ones are what a reader sees as a stutter. */
const FRAME_MS = 1000 / 60

async function organizationWithEvents(served: ServedBuild): Promise<string> {
  const call = demoAdminApi(served)
  const organization = `audit-bench-${Date.now().toString(36)}`
  await call('POST', '/organizations', { name: organization, subscription: 'free' })
  const names = Array.from({ length: PROJECTS }, (_, index) => `${organization}-p${index}`)
  for (const name of names) await call('POST', '/projects', { name, organization_name: organization })
  const db = new Database(served.dbPath)
  db.pragma('busy_timeout = 10000')
  try {
    const projects = db
      .prepare<[string], { id: string; name: string }>(
        'SELECT projects.id, projects.name FROM projects JOIN organizations ON organizations.id = organization_id WHERE organizations.name = ?',
      )
      .all(organization)
    const audit = auditEventsRepository(db)
    const user = db
      .prepare<[], { id: string }>("SELECT id FROM users WHERE email = 'admin@example.com'")
      .get()!
    const start = Date.parse('2026-01-01T00:00:00Z')
    db.transaction(() => {
      projects.forEach((project, p) => {
        for (let e = 0; e < EVENTS; e += 1)
          audit.record({
            projectId: project.id,
            userId: user.id,
            action: e % 3 === 0 ? 'delete' : 'create',
            objectType: 'role_assignment',
            objectName: `person-${e % 97}@example.com`,
            event: `Gave person-${e % 97}@example.com the role project-viewer on the project`,
            // Projects interleave: every project's events spread over the same months.
            date: `${new Date(start + e * 3_600_000 + p * 61_000).toISOString().slice(0, 23)}000Z`,
          })
      })
    }).immediate()
  } finally {
    db.close()
  }
  return organization
}

declare global {
  interface Window {
    __auditBench?: {
      inFlight: number
      maxInFlight: number
      requests: number
      firstAnswerAt?: number
      /** when each audit answer came, in order: the first forty are the projects' first pages */
      auditAnswersAt: number[]
      firstRowsAt?: number
    }
  }
}

/** Runs in the page before the app: counts the API's fetches and notes the first answer and row. */
function instrument() {
  const bench: NonNullable<Window['__auditBench']> = {
    inFlight: 0,
    maxInFlight: 0,
    requests: 0,
    auditAnswersAt: [],
  }
  window.__auditBench = bench
  const originalFetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.includes('/api/')) return originalFetch(input, init)
    bench.requests += 1
    bench.inFlight += 1
    bench.maxInFlight = Math.max(bench.maxInFlight, bench.inFlight)
    try {
      const response = await originalFetch(input, init)
      const text = await response.text()
      if (url.includes('/audit?')) bench.auditAnswersAt.push(performance.now())
      if (url.includes('/audit?') && bench.firstAnswerAt === undefined)
        bench.firstAnswerAt = performance.now()
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    } finally {
      bench.inFlight -= 1
    }
  }
  new MutationObserver((_records, observer) => {
    if (document.querySelector('[role="feed"] article')) {
      bench.firstRowsAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
}

interface Load {
  firstRows: number
  /** from the first project's first page to the last project's */
  firstPages: number
  maxInFlight: number
  requests: number
  frames: number[]
  rowsAfterScroll: number
}

async function loadOnce(env: Parameters<typeof newSignedInPage>[0], organization: string): Promise<Load> {
  const { context, page } = await newSignedInPage(env, instrument)
  try {
    await page.goto(`${env.webUrl}/organizations/${organization}/audit`)
    await page.waitForFunction(() => window.__auditBench?.firstRowsAt !== undefined, undefined, {
      timeout: 120_000,
    })
    const feed = page.getByRole('feed')
    await feed.hover()
    // Frame times while the wheel scrolls the feed for about four seconds, reading on as it goes.
    // A string, not a function: tsx would wrap a named inner function in a __name() the page lacks.
    const frames = page.evaluate<number[]>(`new Promise((resolve) => {
      const times = []
      let last = performance.now()
      const step = (now) => {
        times.push(now - last)
        last = now
        if (times.length < 240) requestAnimationFrame(step)
        else resolve(times)
      }
      requestAnimationFrame(step)
    })`)
    for (let wheel = 0; wheel < 80; wheel += 1) {
      await page.mouse.wheel(0, 600)
      await page.waitForTimeout(40)
    }
    const frameTimes = await frames
    const bench = (await page.evaluate(() => window.__auditBench))!
    const shown = await page
      .getByRole('status')
      .filter({ hasText: /events/ })
      .first()
      .textContent()
    return {
      firstRows: bench.firstRowsAt! - bench.firstAnswerAt!,
      firstPages: bench.auditAnswersAt[PROJECTS - 1]! - bench.firstAnswerAt!,
      maxInFlight: bench.maxInFlight,
      requests: bench.requests,
      frames: frameTimes,
      rowsAfterScroll: Number((shown ?? '').match(/^[\d,]+/)?.[0].replaceAll(',', '') ?? 0),
    }
  } finally {
    await context.close()
  }
}

export async function benchAudit(build: ProductionBuild): Promise<SuiteResult> {
  const served = await serveBuild(build.outDir, '2022')
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const organization = await organizationWithEvents(served)
    const env = { browser, webUrl: served.webUrl, apiUrl: served.apiUrl, token: served.token }
    await loadOnce(env, organization) // warm-up
    const loads: Load[] = []
    for (let run = 0; run < LOADS; run += 1) loads.push(await loadOnce(env, organization))
    const frames = loads.flatMap((load) => load.frames).sort((a, b) => a - b)
    const p95 = frames[Math.floor(frames.length * 0.95)]!
    const long = frames.filter((frame) => frame > 2 * FRAME_MS).length
    const figures: Figure[] = [
      {
        name: 'audit trail: first rows after the first audit answer',
        value: round1(median(loads.map((load) => load.firstRows))),
        unit: 'ms',
        runs: LOADS,
        target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
        comparedWith: `${PROJECTS} projects × ${EVENTS.toLocaleString('en')} events; rows wait for every project's first page (${PROJECTS} requests of ${AUDIT_FIRST_PAGE_SIZE} events, six at a time)`,
      },
      {
        name: 'audit trail: the first audit answer to the last project’s first page',
        value: round1(median(loads.map((load) => load.firstPages))),
        unit: 'ms',
        runs: LOADS,
        comparedWith: `the part of the first rows' wait spent on the API's answers; the rest is the page's own work`,
      },
      {
        name: 'audit trail: frame time while scrolling (95th percentile)',
        value: round1(p95),
        unit: 'ms',
        runs: frames.length,
        target: { value: round1(2 * FRAME_MS), better: 'lower' },
        comparedWith: `median ${round1(median(frames))} ms; ${long} of ${frames.length} frames over ${round1(2 * FRAME_MS)} ms; ${median(loads.map((load) => load.rowsAfterScroll))} rows read after 80 wheel turns`,
      },
      {
        name: 'audit trail: the most API requests in flight at once',
        value: Math.max(...loads.map((load) => load.maxInFlight)),
        unit: 'requests',
        target: { value: IN_FLIGHT_TARGET, better: 'lower' },
        comparedWith: `${median(loads.map((load) => load.requests))} requests per load (projects list, organization, user, a first page of ${AUDIT_FIRST_PAGE_SIZE} events per project, later pages of ${AUDIT_PAGE_SIZE})`,
      },
    ]
    return {
      figures,
      notes: [
        'audit: headless Chromium as e2e/chromium.ts launches it, the production build served by server/cli/serve.ts (2022 generation); the events written into the served database directly.',
      ],
    }
  } finally {
    await browser.close()
    await served.stop()
  }
}
