// How our reads grow with the data: the usage query as the rollup table grows from 10 thousand to
// 10 million rows (over many organizations) for a fixed 366-day range, and then with the range on
// the largest table; the members list from 100 to 100,000 members. Measured through app.inject()
// (routing, token check, membership check, query, bucketing, JSON), in this process, no network.
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../server/app'
import { issueToken } from '../server/auth/issue-token'
import { median, type Figure } from './figures'
import {
  BENCH_EMAIL,
  MEMBER_COUNTS,
  ROWS_PER_ORGANIZATION,
  TARGET_ORGANIZATION,
  membersDatabase,
  membersOrganization,
  usageDatabase,
  type ScaleDatabase,
} from './support/scale-data'
import { formatNumber, type SuiteResult } from './support/suite'

export const USAGE_TABLE_SIZES = [10_000, 100_000, 1_000_000, 10_000_000]
const USAGE_RANGES = {
  '30 days by day': 'interval=day&start_date=2024-06-01&end_date=2024-07-01',
  '366 days by day': 'interval=day&start_date=2024-01-01&end_date=2025-01-01',
  '10 years by month': 'interval=month&start_date=2016-01-01&end_date=2026-01-01',
}
const RANGE_FOR_SIZES = '366 days by day'

const round2 = (value: number) => Math.round(value * 100) / 100

/** The repository's range read alone (SQLite, no HTTP, no bucketing): median of 50 after 5. */
function timeQuery(app: FastifyInstance, query: string): number {
  const params = new URLSearchParams(query)
  const { id } = app.db
    .prepare<[string], { id: string }>('SELECT id FROM organizations WHERE name = ?')
    .get(TARGET_ORGANIZATION)!
  const times: number[] = []
  for (let run = -5; run < 50; run += 1) {
    const started = performance.now()
    app.repositories.usage.daily(id, params.get('start_date')!, params.get('end_date')!)
    if (run >= 0) times.push(performance.now() - started)
  }
  return round2(median(times))
}

interface Timing {
  ms: number
  runs: number
  bytes: number
}

/** Median time of `runs` requests after `warmUp` unmeasured ones; each must answer 200. */
async function time(
  app: FastifyInstance,
  url: string,
  token: string,
  runs: number,
  warmUp = 5,
): Promise<Timing> {
  const times: number[] = []
  let bytes = 0
  for (let run = -warmUp; run < runs; run += 1) {
    const started = performance.now()
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Token ${token}` } })
    const elapsed = performance.now() - started
    if (response.statusCode !== 200)
      throw new Error(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
    bytes = response.rawPayload.byteLength
    if (run >= 0) times.push(elapsed)
  }
  return { ms: round2(median(times)), runs, bytes }
}

async function withApp<T>(
  database: ScaleDatabase,
  use: (app: FastifyInstance, token: string) => Promise<T>,
): Promise<T> {
  const token = issueToken(database.path, BENCH_EMAIL)
  const app = buildApp({ dbPath: database.path })
  await app.ready()
  try {
    return await use(app, token)
  } finally {
    await app.close()
  }
}

const builtNote = (label: string, database: ScaleDatabase) =>
  database.builtInMs === null
    ? `${label}: reused the cached ${database.path}`
    : `${label}: generated ${database.path} in ${formatNumber(database.builtInMs / 1000)} s (cached for the next run)`

export async function benchScale(): Promise<SuiteResult> {
  const figures: Figure[] = []
  const notes: string[] = [
    'measured through app.inject() against the real app and a file database (warm OS cache), median of the runs; no HTTP socket.',
  ]
  const usagePath = `/v2.1/organizations/${TARGET_ORGANIZATION}/usage?`
  let smallest: number | undefined
  for (const rows of USAGE_TABLE_SIZES) {
    const database = usageDatabase(rows)
    notes.push(builtNote(`usage table of ${formatNumber(rows)} rows`, database))
    const largest = rows === USAGE_TABLE_SIZES.at(-1)
    await withApp(database, async (app, token) => {
      const timing = await time(app, usagePath + USAGE_RANGES[RANGE_FOR_SIZES], token, 30)
      const queryAlone = timeQuery(app, USAGE_RANGES[RANGE_FOR_SIZES])
      smallest ??= timing.ms
      figures.push({
        name: `usage ${RANGE_FOR_SIZES}, table of ${formatNumber(rows)} rows (${formatNumber(rows / ROWS_PER_ORGANIZATION)} orgs)`,
        value: timing.ms,
        unit: 'ms',
        runs: timing.runs,
        comparedWith: `${round2(timing.ms / smallest)}x the ${formatNumber(USAGE_TABLE_SIZES[0]!)}-row table; the SQL range read alone ${queryAlone} ms`,
      })
      if (!largest) return
      // On the largest table: the time should follow the range instead.
      for (const [label, query] of Object.entries(USAGE_RANGES)) {
        const byRange = await time(app, usagePath + query, token, 30)
        figures.push({
          name: `usage ${label}, table of ${formatNumber(rows)} rows`,
          value: byRange.ms,
          unit: 'ms',
          runs: byRange.runs,
          comparedWith: `answer ${formatNumber(byRange.bytes / 1024)} KB`,
        })
      }
    })
  }
  const [first, last] = [figures[0]!, figures[USAGE_TABLE_SIZES.length - 1]!]
  figures.push({
    name: `usage ${RANGE_FOR_SIZES}: time at ${formatNumber(USAGE_TABLE_SIZES.at(-1)!)} rows / at ${formatNumber(USAGE_TABLE_SIZES[0]!)} rows`,
    value: round2(last.value / first.value),
    unit: 'x',
    // Flat means flat: within 2x over a 1,000-fold table (an index scan adds a few page reads).
    target: { value: 2, better: 'lower' },
    comparedWith: `table grew ${formatNumber(USAGE_TABLE_SIZES.at(-1)! / USAGE_TABLE_SIZES[0]!)}x`,
  })

  const members = membersDatabase()
  notes.push(builtNote('members', members))
  await withApp(members, async (app, token) => {
    let previous: Timing | undefined
    for (const count of MEMBER_COUNTS) {
      const timing = await time(
        app,
        `/v2.1/organizations/${membersOrganization(count)}/users`,
        token,
        count >= 100_000 ? 7 : 21,
        count >= 100_000 ? 1 : 5,
      )
      figures.push({
        name: `members list of ${formatNumber(count)} members`,
        value: timing.ms,
        unit: 'ms',
        runs: timing.runs,
        comparedWith: `answer ${formatNumber(timing.bytes / 1024)} KB${previous ? `; ${round2(timing.ms / previous.ms)}x the previous (10x the members)` : ''}`,
      })
      previous = timing
    }
  })
  return { figures, notes }
}
