// "Why this day" in the browser: an organization whose project has 200 deployment versions over 366
// days by day (current generation), its usage page open on those 366 days; a day is chosen with the
// keyboard (the chart focused, the arrows, Enter) and the time is taken from that Enter to the
// panel's numbers on screen: the bucket against what is usual and the projects behind it (worked out
// from what the page holds), then the largest project's 200 versions (its usage over the day's
// window, one request). Measured in the page (event timestamps, MutationObserver), not with sleeps.
import { chromium } from '@playwright/test'
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { addDays } from '../domain/dates'
import { median, type Figure } from './figures'
import { random } from './usage-why'
import type { ProductionBuild } from './support/production-build'
import { pageSignal } from './support/page-signal'
import { newSignedInPage } from './support/signed-in-page'
import { round1, type SuiteResult } from './support/suite'
import { serveBuild, type ServedBuild } from './support/web-server'
import { demoAdminApi } from './support/demo-admin-api'

const VERSIONS = 200
const DAYS = 366
const LOADS = 5
const TARGET_MS = 100
/** The planted jump: version 7 runs twice as much from this many days before today. */
const JUMP_DAYS_AGO = 12

/**
 * An organization (current generation) with a project of 200 deployment versions (20 deployments of
 * 10) with credits every day of the last 366, weekdays three times weekends, version 7 doubling from
 * the jump day; and one light project beside it. The versions' credits are written into the served
 * database (migration 010's trigger adds them up into the project's and the organization's usage).
 */
async function organizationWithVersions(served: ServedBuild, today: string): Promise<string> {
  const call = demoAdminApi(served)
  const organization = `why-bench-${Date.now().toString(36)}`
  await call('POST', '/organizations', { name: organization, subscription: 'free' })
  for (const name of ['big', 'light'])
    await call('POST', '/projects', { name: `${organization}-${name}`, organization_name: organization })
  const db = new Database(served.dbPath)
  db.pragma('busy_timeout = 10000')
  try {
    const projects = db
      .prepare<[string], { id: string; name: string; organization_id: string }>(
        'SELECT projects.id, projects.name, organization_id FROM projects JOIN organizations ON organizations.id = organization_id WHERE organizations.name = ? ORDER BY projects.name',
      )
      .all(organization)
    const insertDeployment = db.prepare(
      'INSERT INTO deployments (id, project_id, name, deletion_date) VALUES (?, ?, ?, NULL)',
    )
    const insertVersion = db.prepare(
      'INSERT INTO deployment_versions (id, deployment_id, version, deletion_date) VALUES (?, ?, ?, NULL)',
    )
    const insertUsage = db.prepare(
      'INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value) VALUES (?, ?, ?, ?, ?)',
    )
    const next = random(366_200)
    const first = addDays(today, -(DAYS - 1))
    const jumpDay = addDays(today, -JUMP_DAYS_AGO)
    db.transaction(() => {
      for (const project of projects) {
        const versions = project.name.endsWith('-big') ? VERSIONS : 4
        let deploymentId = ''
        for (let v = 0; v < versions; v += 1) {
          if (v % 10 === 0) {
            deploymentId = randomUUID()
            insertDeployment.run(deploymentId, project.id, `model-${v / 10 + 1}`)
          }
          const versionId = randomUUID()
          insertVersion.run(versionId, deploymentId, `v${(v % 10) + 1}`)
          const weight = v === 7 ? 4 : 0.2 + next() * 5
          for (let d = 0; d < DAYS; d += 1) {
            const day = addDays(first, d)
            const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
            const rhythm = weekday === 0 || weekday === 6 ? 0.35 : 1
            const jump = v === 7 && project.name.endsWith('-big') && day >= jumpDay ? 2 : 1
            insertUsage.run(
              project.id,
              day,
              versionId,
              project.organization_id,
              Math.round(weight * rhythm * jump * (85 + next() * 30)) / 100,
            )
          }
        }
      }
    }).immediate()
  } finally {
    db.close()
  }
  return organization
}

declare global {
  interface Window {
    __whyBench?: { chosenAt?: number; pushedAt?: number; usualAt?: number; versionsAt?: number }
  }
}

/** What the instrument writes to the console once the largest project's versions are shown. */
const VERSIONS_SIGNAL = 'why-bench:versions'

/** Runs in the page before the app: the Enter that chooses a day, and when the panel's numbers appear. */
function instrument() {
  const bench: NonNullable<Window['__whyBench']> = {}
  window.__whyBench = bench
  const pushState = history.pushState.bind(history)
  history.pushState = (...args: Parameters<History['pushState']>) => {
    if (bench.chosenAt !== undefined && bench.pushedAt === undefined) bench.pushedAt = performance.now()
    pushState(...args)
  }
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && (event.target as Element).getAttribute('role') === 'application')
        bench.chosenAt = event.timeStamp
    },
    true,
  )
  new MutationObserver(() => {
    if (bench.chosenAt === undefined) return
    if (bench.usualAt === undefined && document.querySelector('[data-testid="why-usual"] td'))
      bench.usualAt = performance.now()
    if (bench.versionsAt === undefined && document.querySelector('.why-project table tbody td')) {
      bench.versionsAt = performance.now()
      // VERSIONS_SIGNAL, written out: this function runs in the page, apart from this module.
      console.debug('why-bench:versions')
    }
  }).observe(document, { childList: true, subtree: true })
}

interface Choice {
  usual: number
  versions: number
  largest: string
}

async function chooseOnce(
  env: Parameters<typeof newSignedInPage>[0],
  organization: string,
  today: string,
): Promise<Choice> {
  const { context, page } = await newSignedInPage(env, instrument)
  try {
    const start = addDays(today, -(DAYS - 1))
    await page.goto(
      `${env.webUrl}/organizations/${organization}/usage?range=custom&start=${start}&end=${addDays(today, 1)}`,
    )
    const chart = page.getByRole('application', { name: /^Credits/ })
    await chart.waitFor({ timeout: 60_000 })
    // The marks need the history before the range: wait until the chart has drawn them.
    await page.locator('.usage-chart__mark').first().waitFor({ timeout: 60_000 })
    await chart.focus()
    await page.keyboard.press('End')
    for (let step = 0; step < JUMP_DAYS_AGO; step += 1) await page.keyboard.press('ArrowLeft')
    const versionsShown = pageSignal(page, VERSIONS_SIGNAL)
    await page.keyboard.press('Enter')
    await versionsShown
    const bench = (await page.evaluate(() => window.__whyBench))!
    const largest =
      (await page.locator('.why-project table tbody tr').first().locator('th').textContent()) ?? ''
    if (process.env.WHY_BENCH_DEBUG)
      console.log(
        JSON.stringify({
          pushed: bench.pushedAt! - bench.chosenAt!,
          usual: bench.usualAt! - bench.chosenAt!,
          versions: bench.versionsAt! - bench.chosenAt!,
        }),
      )
    return { usual: bench.usualAt! - bench.chosenAt!, versions: bench.versionsAt! - bench.chosenAt!, largest }
  } finally {
    await context.close()
  }
}

export async function benchUsageWhyPage(build: ProductionBuild): Promise<SuiteResult> {
  const served = await serveBuild(build.outDir, 'current')
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const today = new Date().toISOString().slice(0, 10)
    const organization = await organizationWithVersions(served, today)
    const env = { browser, webUrl: served.webUrl, apiUrl: served.apiUrl, token: served.token }
    const warm = await chooseOnce(env, organization, today)
    if (!warm.largest.startsWith('model-1 v8'))
      throw new Error(`the panel did not name the planted version first (it named "${warm.largest}")`)
    const choices: Choice[] = []
    for (let run = 0; run < LOADS; run += 1) choices.push(await chooseOnce(env, organization, today))
    const figures: Figure[] = [
      {
        name: 'why this day (browser): Enter on a day to the bucket against usual and its projects shown',
        value: round1(median(choices.map((choice) => choice.usual))),
        unit: 'ms',
        runs: LOADS,
        target: { value: TARGET_MS, better: 'lower' },
        comparedWith: `${VERSIONS} deployment versions × ${DAYS} days by day, from what the page holds (the range and its 4 weeks before)`,
      },
      {
        name: 'why this day (browser): Enter on a day to the largest project’s versions shown',
        value: round1(median(choices.map((choice) => choice.versions))),
        unit: 'ms',
        runs: LOADS,
        target: { value: TARGET_MS, better: 'lower' },
        comparedWith: `one request: the project's ${VERSIONS} versions over the day's window (29 days), each load cold`,
      },
    ]
    return {
      figures,
      notes: [
        `why (browser): headless Chromium as e2e/chromium.ts launches it, the production build served by server/cli/serve.ts (current generation), each choice on a cold load; the planted version (model-1 v8, doubling ${JUMP_DAYS_AGO} days ago) was named first.`,
      ],
    }
  } finally {
    await browser.close()
    await served.stop()
  }
}
