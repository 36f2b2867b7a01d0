// A project's usage (/organizations/:org/projects/:project/usage) at 200 deployment versions over
// 366 days by day: how soon the chart of credits per deployment version is drawn after its answer
// has arrived, in headless Chromium against the production build served as people serve it (the
// current generation's API). The versions' credits are written straight into the served database
// in one transaction (the API has no endpoint that records usage); the range is fixed dates, so
// the figure does not depend on the day it runs.
import { chromium } from '@playwright/test'
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { median, type Figure } from './figures'
import type { ProductionBuild } from './support/production-build'
import { newSignedInPage } from './support/signed-in-page'
import { DRAWN_SIGNAL, drawTime, instrument } from './usage-chart'
import { pageSignal } from './support/page-signal'
import { round1, type SuiteResult } from './support/suite'
import { serveBuild, type ServedBuild } from './support/web-server'
import { demoAdminApi } from './support/demo-admin-api'

const DEPLOYMENTS = 10
const VERSIONS_PER_DEPLOYMENT = 20
const VERSIONS = DEPLOYMENTS * VERSIONS_PER_DEPLOYMENT
/** 366 days by day, the longest range the API answers by day; `end` exclusive. */
const RANGE = { start: '2025-01-01', end: '2026-01-02', days: 366 }
const LOADS = 7
const TARGET_MS = 300
/** The top five versions, "Other versions (195)": six stacked areas. */
const AREAS = 6

const DAY_MS = 86_400_000
const dayOf = (index: number) =>
  new Date(Date.parse(`${RANGE.start}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10)

/** An organization with one project of 200 deployment versions, each with credits on each of the 366 days. */
async function projectWithVersions(served: ServedBuild): Promise<{ organization: string; project: string }> {
  const post = demoAdminApi(served)
  const call = (path: string, body: unknown) => post('POST', path, body)
  const organization = `drill-bench-${Date.now().toString(36)}`
  const project = `${organization}-p`
  await call('/organizations', { name: organization, subscription: 'free' })
  await call('/projects', { name: project, organization_name: organization })
  const db = new Database(served.dbPath)
  db.pragma('busy_timeout = 10000')
  try {
    const { projectId, organizationId } = db
      .prepare<[string], { projectId: string; organizationId: string }>(
        'SELECT projects.id AS projectId, organization_id AS organizationId FROM projects WHERE name = ?',
      )
      .get(project)!
    const insertDeployment = db.prepare('INSERT INTO deployments (id, project_id, name) VALUES (?, ?, ?)')
    const insertVersion = db.prepare(
      'INSERT INTO deployment_versions (id, deployment_id, version) VALUES (?, ?, ?)',
    )
    const insertUsage = db.prepare(
      'INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value) VALUES (?, ?, ?, ?, ?)',
    )
    db.transaction(() => {
      for (let d = 0; d < DEPLOYMENTS; d += 1) {
        const deploymentId = randomUUID()
        insertDeployment.run(deploymentId, projectId, `model-${d}`)
        for (let v = 0; v < VERSIONS_PER_DEPLOYMENT; v += 1) {
          const versionId = randomUUID()
          insertVersion.run(versionId, deploymentId, `v${v}`)
          // Each version its own size and a weekly rhythm, so that the top five are a real choice.
          const size = 1 + ((d * VERSIONS_PER_DEPLOYMENT + v) % 37)
          for (let day = 0; day < RANGE.days; day += 1)
            insertUsage.run(
              projectId,
              dayOf(day),
              versionId,
              organizationId,
              size * (day % 7 < 5 ? 1.5 : 0.6),
            )
        }
      }
    }).immediate()
  } finally {
    db.close()
  }
  return { organization, project }
}

async function loadOnce(env: Parameters<typeof newSignedInPage>[0], organization: string, project: string) {
  const { context, page } = await newSignedInPage(env, [instrument, { areaCount: AREAS }])
  try {
    const drawn = pageSignal(page, DRAWN_SIGNAL)
    await page.goto(
      `${env.webUrl}/organizations/${organization}/projects/${project}/usage?range=custom&start=${RANGE.start}&end=${RANGE.end}`,
    )
    await drawn
    const draw = await drawTime(page, RANGE.start)
    if ((await page.getByText(`by day (${RANGE.days} buckets)`).count()) !== 1)
      throw new Error(`expected a ${RANGE.days}-bucket view`)
    // The per-version table is built in a render after the chart's.
    const rows = page
      .getByRole('table', { name: 'Credits per deployment version, most first' })
      .locator('tbody tr')
    await rows.first().waitFor()
    const versions = await rows.count()
    return { draw, versions }
  } finally {
    await context.close()
  }
}

export async function benchUsageDrill(build: ProductionBuild): Promise<SuiteResult> {
  const served = await serveBuild(build.outDir, 'current')
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const { organization, project } = await projectWithVersions(served)
    const env = { browser, webUrl: served.webUrl, apiUrl: served.apiUrl, token: served.token }
    await loadOnce(env, organization, project) // warm-up: server caches; each measured load is a fresh context
    const loads = []
    for (let run = 0; run < LOADS; run += 1) loads.push(await loadOnce(env, organization, project))
    const draws = loads.map((load) => load.draw)
    const figures: Figure[] = [
      {
        name: `project usage: ${RANGE.days}-day chart of ${VERSIONS} deployment versions drawn after the project's usage answer`,
        value: round1(median(draws)),
        unit: 'ms',
        runs: LOADS,
        target: { value: TARGET_MS, better: 'lower' },
        comparedWith: `slowest of ${LOADS} cold loads: ${round1(Math.max(...draws))} ms; ${AREAS} areas (top 5, Other versions); the per-version table lists ${loads[0]!.versions} rows`,
      },
    ]
    return {
      figures,
      notes: [
        `drill: headless Chromium as e2e/chromium.ts launches it, the production build served by server/cli/serve.ts (current generation); ${VERSIONS} versions × ${RANGE.days} days written into the served database directly; ${RANGE.start} to ${RANGE.end} (exclusive).`,
      ],
    }
  } finally {
    await browser.close()
    await served.stop()
  }
}
