// The access matrix at the scale the issue names (10,000 members × 40 projects): the model alone
// (build, a filter keystroke, the CSV), then the page in headless Chromium against the production
// build and the seeded local API with the large organization grown to 40 projects, in both API
// generations: first rows after the data, cells filled after the last answer, a search keystroke,
// requests and the most in flight at once; and the requests of one member's panel, beside what
// reading every project's whole list (the panel's way before) takes on the same data.
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { DEMO } from '../server/db/seed'
import type { RoleAssignment } from '../src/api/model'
import type { Member } from '../src/api/types'
import {
  accessToCsv,
  buildAccessMatrix,
  filterAccessMatrix,
  NO_FILTER,
  type ProjectRoles,
} from '../src/features/access/lib/access-matrix'
import { median, type Figure } from './figures'
import type { ProductionBuild } from './support/production-build'
import { measureKeystrokes } from './support/keystrokes'
import { newSignedInPage } from './support/signed-in-page'
import { round1, type SuiteResult } from './support/suite'
import { serveBuild, type ServedBuild } from './support/web-server'
import { demoAdminApi } from './support/demo-admin-api'

const MEMBERS = 10_000
const PROJECTS = 40
const MODEL_ROUNDS = 15
const LOADS = 3
/** The targets: first rows within 300 ms of the data, a filter keystroke within 50 ms, 6 in flight. */
const FIRST_ROWS_TARGET_MS = 300
const KEYSTROKE_TARGET_MS = 50
const IN_FLIGHT_TARGET = 6
/** Project users given roles in each project the bench adds to the large organization. */
const TEAM = 16
const organization = DEMO.largeOrganization
const SEARCH = 'jansen'

/** Deterministic members and assignments: two thirds of the members hold a role in 1 to 4 projects. */
function syntheticOrganization() {
  const members: Member[] = Array.from({ length: MEMBERS }, (_, index) => ({
    id: `u-${index}`,
    email: `${['ada', 'jan', 'vera', 'noor'][index % 4]}.${['jansen', 'bakker', 'visser'][index % 3]}.${index}@scale.example`,
    name: `Name${index % 97}`,
    surname: `Surname${index % 89}`,
    admin: index < 5,
  }))
  const projects = Array.from({ length: PROJECTS }, (_, index) => `project-${String(index).padStart(2, '0')}`)
  const roles = ['project-admin', 'project-editor', 'project-viewer']
  const assignments: RoleAssignment[] = []
  members.forEach((member, index) => {
    if (index % 3 === 2 && index >= 5) return
    for (let k = 0; k <= index % 4; k += 1) {
      const projectName = projects[(index * 7 + k * 13) % PROJECTS]!
      assignments.push({
        id: `a-${index}-${k}`,
        projectName,
        userId: member.id,
        role: roles[(index + k) % 3]!,
      })
    }
  })
  return { members, projects, assignments }
}

function timed(rounds: number, run: () => void): number[] {
  run() // warm-up, not kept
  return Array.from({ length: rounds }, () => {
    const started = performance.now()
    run()
    return performance.now() - started
  })
}

function benchModel(): Figure[] {
  const { members, projects, assignments } = syntheticOrganization()
  // Every project's answer in, as the page holds them once the last arrives.
  const answers = projects.map((project): ProjectRoles => ({
    project,
    state: 'ready',
    assignments: assignments.filter((assignment) => assignment.projectName === project),
  }))
  const build = timed(MODEL_ROUNDS, () => buildAccessMatrix(members, answers))
  const matrix = buildAccessMatrix(members, answers)
  const texts = [...SEARCH].map((_, index) => SEARCH.slice(0, index + 1))
  const keystrokes: number[] = []
  for (let round = 0; round < MODEL_ROUNDS; round += 1)
    for (const q of texts) keystrokes.push(...timed(1, () => filterAccessMatrix(matrix, { ...NO_FILTER, q })))
  const byRole = timed(MODEL_ROUNDS, () =>
    filterAccessMatrix(matrix, { ...NO_FILTER, role: 'project-admin' }),
  )
  const csv = timed(5, () => accessToCsv(filterAccessMatrix(matrix, NO_FILTER)))
  const scale = `${MEMBERS.toLocaleString('en')} members × ${PROJECTS} projects, ${assignments.length.toLocaleString('en')} role assignments`
  return [
    {
      name: 'model: build the matrix',
      value: round1(median(build)),
      unit: 'ms',
      runs: build.length,
      target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
      comparedWith: `${scale}; slowest ${round1(Math.max(...build))} ms; part of the first rows' budget`,
    },
    {
      name: 'model: a search keystroke (filter)',
      value: round1(median(keystrokes)),
      unit: 'ms',
      runs: keystrokes.length,
      target: { value: KEYSTROKE_TARGET_MS, better: 'lower' },
      comparedWith: `"${SEARCH}" typed a letter at a time over all rows; slowest ${round1(Math.max(...keystrokes))} ms`,
    },
    {
      name: 'model: the role filter (project-admin)',
      value: round1(median(byRole)),
      unit: 'ms',
      runs: byRole.length,
      target: { value: KEYSTROKE_TARGET_MS, better: 'lower' },
      comparedWith: `slowest ${round1(Math.max(...byRole))} ms`,
    },
    {
      name: 'model: the CSV of the whole matrix',
      value: round1(median(csv)),
      unit: 'ms',
      runs: csv.length,
      comparedWith: `${scale}; on a click, not while typing`,
    },
  ]
}

/** Runs `tasks` with at most `limit` at once. */
async function bounded(tasks: (() => Promise<unknown>)[], limit: number) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) await tasks[next++]!()
    }),
  )
}

/**
 * Grows the large organization to PROJECTS projects (each new one with TEAM members holding a
 * role) and returns how many project users each project has: what reading every project's whole
 * list of roles costs in requests.
 */
async function growOrganization(served: ServedBuild, generation: string) {
  const call = demoAdminApi(served)
  const members = await call<Member[]>('GET', `/organizations/${organization}/users`)
  const existing = await call<{ name: string }[]>('GET', `/projects?organization=${organization}`)
  const roles = ['project-admin', 'project-editor', 'project-viewer']
  const added: string[] = []
  for (let index = existing.length; index < PROJECTS; index += 1) {
    const name = `bench-${generation === 'current' ? 'c' : 'o'}-${index}`
    await call('POST', '/projects', { name, organization_name: organization })
    added.push(name)
  }
  await bounded(
    added.flatMap((project, p) =>
      Array.from({ length: TEAM }, (_, k) => () => {
        const user = members[(p * 251 + k * 613) % members.length]!
        const role = roles[(p + k) % 3]!
        const body =
          generation === 'current'
            ? { assignee: user.id, assignee_type: 'user', role }
            : { user_id: user.id, role, object_type: 'project', object_name: project }
        return call('POST', `/projects/${project}/role-assignments`, body).catch((error: Error) => {
          if (!/already/i.test(error.message)) throw error
        })
      }),
    ),
    8,
  )
  const projects = await call<{ name: string }[]>('GET', `/projects?organization=${organization}`)
  const users = await Promise.all(
    projects.map((project) => call<unknown[]>('GET', `/projects/${project.name}/users`)),
  )
  return {
    members,
    projects: projects.map((project) => project.name),
    users: users.map((list) => list.length),
  }
}

declare global {
  interface Window {
    __matrixBench?: {
      inFlight: number
      maxInFlight: number
      /** the paths in flight when the most were */
      atMost: string[]
      inFlightPaths: string[]
      requests: number
      dataAt: number
      lastAnswerAt: number
      firstRowsAt?: number
      filledAt?: number
    }
  }
}

/** Runs in the page before the app: counts API fetches and notes when rows and every cell appear. */
function instrument() {
  const bench: NonNullable<Window['__matrixBench']> = {
    inFlight: 0,
    maxInFlight: 0,
    atMost: [],
    inFlightPaths: [],
    requests: 0,
    dataAt: 0,
    lastAnswerAt: 0,
  }
  window.__matrixBench = bench
  const originalFetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.includes('/api/')) return originalFetch(input, init)
    bench.requests += 1
    bench.inFlight += 1
    const path = new URL(url, location.href).pathname.replace(/[0-9a-f-]{36}/g, '{id}')
    bench.inFlightPaths.push(path)
    if (bench.inFlight > bench.maxInFlight) {
      bench.maxInFlight = bench.inFlight
      bench.atMost = [...bench.inFlightPaths]
    }
    try {
      const response = await originalFetch(input, init)
      const text = await response.text()
      const at = performance.now()
      // The members and the projects lists: the data the rows wait for.
      if (/\/organizations\/[^/]+\/users(\?|$)/.test(url) || /\/projects\?organization=/.test(url))
        bench.dataAt = Math.max(bench.dataAt, at)
      else bench.lastAnswerAt = Math.max(bench.lastAnswerAt, at)
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    } finally {
      bench.inFlight -= 1
      bench.inFlightPaths.splice(bench.inFlightPaths.indexOf(path), 1)
    }
  }
  // Checked every frame's worth of time; no named helper inside (tsx would wrap it in a __name()
  // that the page does not have).
  new MutationObserver((_records, observer) => {
    if (document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) {
      bench.firstRowsAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
  const timer = setInterval(() => {
    const loading = [...document.querySelectorAll('p[role="status"]')].some((p) =>
      p.textContent?.startsWith('Loading roles'),
    )
    if (bench.firstRowsAt !== undefined && !loading) {
      bench.filledAt = performance.now()
      clearInterval(timer)
    }
  }, 10)
}

/**
 * For each letter of SEARCH, whether typing it changes how many members are shown (the page's
 * search: email, name and surname, any case): only those keystrokes change the count to time.
 */
function keysThatChangeCount(members: readonly Member[]): boolean[] {
  const keys = members.map((member) => `${member.email}\n${member.name} ${member.surname}`.toLowerCase())
  let count = keys.length
  return [...SEARCH].map((_, index) => {
    const q = SEARCH.slice(0, index + 1)
    const next = keys.filter((key) => key.includes(q)).length
    const changes = next !== count
    count = next
    return changes
  })
}

interface Load {
  firstRows: number
  filled: number
  total: number
  requests: number
  maxInFlight: number
  atMost: string[]
  keystrokes: number[]
}

/** What the typing after a load times: the count beside the box, or the count and the grid both. */
type Typing = { keys: readonly boolean[]; until: 'count' | 'grid' } | null

/** The grid's wrapper while it still shows the rows of an earlier keystroke (access-page.tsx). */
const STALE_GRID = '.access-page__grid.is-stale'

async function loadMatrixOnce(env: Parameters<typeof newSignedInPage>[0], typing: Typing): Promise<Load> {
  const { context, page } = await newSignedInPage(env, instrument)
  try {
    await page.goto(`${env.webUrl}/organizations/${organization}/access`)
    await page.waitForFunction(() => window.__matrixBench?.filledAt !== undefined, undefined, {
      timeout: 120_000,
    })
    const bench = (await page.evaluate(() => window.__matrixBench))!
    return {
      firstRows: bench.firstRowsAt! - bench.dataAt,
      filled: bench.filledAt! - bench.lastAnswerAt,
      total: bench.filledAt!,
      requests: bench.requests,
      maxInFlight: bench.maxInFlight,
      atMost: bench.atMost,
      keystrokes: typing
        ? await measureKeystrokes(
            page,
            [...SEARCH],
            typing.keys,
            typing.until === 'grid' ? STALE_GRID : undefined,
          )
        : [],
    }
  } finally {
    await context.close()
  }
}

/** API requests while one member's panel lists their project roles (after the members list is in). */
async function panelRequests(env: Parameters<typeof newSignedInPage>[0], memberId: string) {
  const { context, page } = await newSignedInPage(env)
  try {
    await page.goto(`${env.webUrl}/organizations/${organization}/members`)
    await page.locator('[role="grid"] [role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 })
    const paths: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) paths.push(request.url())
    })
    const started = Date.now()
    await page.evaluate((href) => {
      history.pushState(null, '', href)
      dispatchEvent(new PopStateEvent('popstate'))
    }, `/organizations/${organization}/members/${memberId}`)
    const region = page.getByRole('region', { name: 'Project roles' })
    await region.waitFor({ timeout: 60_000 })
    await page
      .getByText('Loading this member’s project roles')
      .waitFor({ state: 'detached', timeout: 120_000 })
    const roleRequests = paths.filter((url) =>
      /role-assignments|\/projects\/[^/?]+(\/users)?(\?|$)/.test(url),
    )
    return { all: paths.length, roles: roleRequests.length, ms: Date.now() - started }
  } finally {
    await context.close()
  }
}

async function benchPage(
  build: ProductionBuild,
  generation: string,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const served = await serveBuild(build.outDir, generation)
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const grown = await growOrganization(served, generation)
    const env = { browser, webUrl: served.webUrl, apiUrl: served.apiUrl, token: served.token }
    await loadMatrixOnce(env, null) // warm-up: the server's first answers, the browser's first start
    const timedKeys = keysThatChangeCount(grown.members)
    const loads: Load[] = []
    for (let run = 0; run < LOADS; run += 1)
      loads.push(
        await loadMatrixOnce(env, run < 2 ? { keys: timedKeys, until: run === 0 ? 'count' : 'grid' } : null),
      )
    const member = grown.members.find((candidate) => !candidate.admin)!
    const panel = await panelRequests(env, member.id)
    const projectCount = grown.projects.length
    const projectUsers = grown.users.reduce((sum, count) => sum + count, 0)
    // Reading every project's whole list, as the panel did: per project its detail (the generation),
    // then in 2022 its users and one request per user, now one request.
    const wholeLists = generation === 'current' ? 2 * projectCount : 2 * projectCount + projectUsers
    const label = `${generation}, ${MEMBERS.toLocaleString('en')} members × ${projectCount} projects`
    const keys = loads[0]!.keystrokes
    const gridKeys = loads[1]!.keystrokes
    return {
      figures: [
        {
          name: `page (${generation}): first rows after the members and projects arrived`,
          value: round1(median(loads.map((load) => load.firstRows))),
          unit: 'ms',
          runs: LOADS,
          target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
          comparedWith: `${label}; cold loads of the production build; the roles come after the rows`,
        },
        {
          name: `page (${generation}): every cell filled after the last answer`,
          value: round1(median(loads.map((load) => load.filled))),
          unit: 'ms',
          runs: LOADS,
          target: { value: FIRST_ROWS_TARGET_MS, better: 'lower' },
          comparedWith: `all roles in ${round1(median(loads.map((load) => load.total)) / 1000)} s from navigation`,
        },
        {
          name: `page (${generation}): a search keystroke`,
          value: round1(median(keys)),
          unit: 'ms',
          runs: keys.length,
          target: { value: KEYSTROKE_TARGET_MS, better: 'lower' },
          comparedWith: `keydown to the shown count changing, "${SEARCH}" typed; slowest ${round1(Math.max(...keys))} ms`,
        },
        {
          name: `page (${generation}): a search keystroke, the grid too`,
          value: round1(median(gridKeys)),
          unit: 'ms',
          runs: gridKeys.length,
          target: { value: KEYSTROKE_TARGET_MS, better: 'lower' },
          comparedWith: `keydown to the count changed and the grid showing the new rows (not dimmed as stale), "${SEARCH}" typed on another load; slowest ${round1(Math.max(...gridKeys))} ms`,
        },
        {
          name: `page (${generation}): API requests of a cold load`,
          value: median(loads.map((load) => load.requests)),
          unit: 'requests',
          comparedWith:
            generation === 'current'
              ? `members, projects, and one list of role assignments per project (${projectCount})`
              : `members, projects, and per project its users and one list per project user (${projectUsers} project users)`,
        },
        {
          name: `page (${generation}): the most API requests in flight at once`,
          value: Math.max(...loads.map((load) => load.maxInFlight)),
          unit: 'requests',
          target: { value: IN_FLIGHT_TARGET, better: 'lower' },
          comparedWith: `the most of any load, counted in the page (fetch): ${loads
            .reduce((most, load) => (load.maxInFlight > most.maxInFlight ? load : most))
            .atMost.join(', ')}`,
        },
        {
          name: `member panel (${generation}): requests for one member's project roles`,
          value: panel.roles,
          unit: 'requests',
          comparedWith: `reading every project's whole list, as the panel did before: ${wholeLists} requests; ${panel.all} requests in all while the panel opened (${round1(panel.ms / 1000)} s)`,
        },
      ],
      notes: [],
    }
  } finally {
    await browser.close()
    await served.stop()
  }
}

export async function benchMatrix(build: ProductionBuild): Promise<SuiteResult> {
  const figures = benchModel()
  const notes = [
    'model: in this process (Node), synthetic data; page: headless Chromium as e2e/chromium.ts launches it, the production build served by server/cli/serve.ts with the seeded local API, the large demo organization grown to 40 projects through the API.',
  ]
  for (const generation of ['2022', 'current']) {
    try {
      const page = await benchPage(build, generation)
      figures.push(...page.figures)
      notes.push(...page.notes)
    } catch (error) {
      notes.push(`page (${generation}) FAILED: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  const { benchBytes } = await import('./bytes')
  const bytes = await benchBytes(build)
  figures.push(...bytes.figures.filter((figure) => /access/.test(figure.name)))
  return { figures, notes }
}
