// How our reads grow with the data: the usage query as the rollup table grows from 10 thousand to
// 10 million rows (over many organizations) for a fixed 366-day range, and then with the range on
// the largest table; the members list from 100 to 100,000 members. Measured through app.inject()
// (routing, token check, membership check, query, bucketing, JSON, ETag), in this process, no
// network, no compression (bench/api.ts measures the answers over HTTP, compressed or not).
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

/** One thing to time: a GET through app.inject(), optionally with the SQL range read alone beside it. */
interface Subject {
  app: FastifyInstance
  token: string
  url: string
  /** timed this many times per round (cheap requests get more samples) */
  repeat: number
  /** the repository's range read for the same request: SQLite alone, no HTTP, no bucketing */
  query?: () => unknown
  times: number[]
  queryTimes: number[]
  bytes: number
  /** more request headers (e.g. If-None-Match) and the status they get, when not 200 */
  headers?: Record<string, string>
  status?: number
}

function subject(
  app: FastifyInstance,
  token: string,
  url: string,
  repeat = 1,
  query?: () => unknown,
): Subject {
  return { app, token, url, repeat, query, times: [], queryTimes: [], bytes: 0 }
}

async function timeOnce(target: Subject): Promise<number> {
  const started = performance.now()
  const response = await target.app.inject({
    method: 'GET',
    url: target.url,
    headers: { authorization: `Token ${target.token}`, ...target.headers },
  })
  const elapsed = performance.now() - started
  if (response.statusCode !== (target.status ?? 200))
    throw new Error(`GET ${target.url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
  target.bytes = response.rawPayload.byteLength
  return elapsed
}

/**
 * Round-robin over the subjects: a burst of other work on the machine then slows every point of
 * the curve alike instead of bending it. The first `warmUp` rounds are not kept.
 */
async function interleave(subjects: Subject[], rounds: number, warmUp: number): Promise<void> {
  for (let round = -warmUp; round < rounds; round += 1)
    for (const target of subjects)
      for (let repeat = 0; repeat < target.repeat; repeat += 1) {
        const elapsed = await timeOnce(target)
        if (round >= 0) target.times.push(elapsed)
        if (!target.query) continue
        const started = performance.now()
        target.query()
        if (round >= 0) target.queryTimes.push(performance.now() - started)
      }
}

interface OpenApp {
  app: FastifyInstance
  token: string
}

async function openApp(database: ScaleDatabase): Promise<OpenApp> {
  const token = issueToken(database.path, BENCH_EMAIL)
  const app = buildApp({ dbPath: database.path })
  await app.ready()
  return { app, token }
}

const builtNote = (label: string, database: ScaleDatabase) =>
  database.builtInMs === null
    ? `${label}: reused the cached ${database.path}`
    : `${label}: generated ${database.path} in ${formatNumber(database.builtInMs / 1000)} s (cached for the next run)`

function rangeQuery(app: FastifyInstance, query: string): () => unknown {
  const params = new URLSearchParams(query)
  const { id } = app.db
    .prepare<[string], { id: string }>('SELECT id FROM organizations WHERE name = ?')
    .get(TARGET_ORGANIZATION)!
  return () => app.repositories.usage.daily(id, params.get('start_date')!, params.get('end_date')!)
}

async function usageCurves(figures: Figure[], notes: string[]): Promise<void> {
  const usagePath = `/v2.1/organizations/${TARGET_ORGANIZATION}/usage?`
  const opened: OpenApp[] = []
  try {
    for (const rows of USAGE_TABLE_SIZES) {
      const database = usageDatabase(rows)
      notes.push(builtNote(`usage table of ${formatNumber(rows)} rows`, database))
      opened.push(await openApp(database))
    }
    const query = USAGE_RANGES[RANGE_FOR_SIZES]
    const bySize = opened.map(({ app, token }) =>
      subject(app, token, usagePath + query, 1, rangeQuery(app, query)),
    )
    await interleave(bySize, 40, 5)
    const smallest = median(bySize[0]!.times)
    bySize.forEach((timed, index) => {
      const rows = USAGE_TABLE_SIZES[index]!
      const ms = median(timed.times)
      figures.push({
        name: `usage ${RANGE_FOR_SIZES}, table of ${formatNumber(rows)} rows (${formatNumber(rows / ROWS_PER_ORGANIZATION)} orgs)`,
        value: round2(ms),
        unit: 'ms',
        runs: timed.times.length,
        comparedWith: `${round2(ms / smallest)}x the ${formatNumber(USAGE_TABLE_SIZES[0]!)}-row table; the SQL range read alone ${round2(median(timed.queryTimes))} ms`,
      })
    })
    const [first, last] = [bySize[0]!, bySize.at(-1)!]
    figures.push({
      name: `usage ${RANGE_FOR_SIZES}: time at ${formatNumber(USAGE_TABLE_SIZES.at(-1)!)} rows / at ${formatNumber(USAGE_TABLE_SIZES[0]!)} rows`,
      value: round2(median(last.times) / median(first.times)),
      unit: 'x',
      // Flat means flat: within 2x over a 1,000-fold table (the index is a few pages deeper).
      target: { value: 2, better: 'lower' },
      comparedWith: `table grew ${formatNumber(USAGE_TABLE_SIZES.at(-1)! / USAGE_TABLE_SIZES[0]!)}x; SQL read alone ${round2(median(last.queryTimes) / median(first.queryTimes))}x`,
    })

    // On the largest table, the time should follow the range instead.
    const { app, token } = opened.at(-1)!
    const byRange = Object.values(USAGE_RANGES).map((range) => subject(app, token, usagePath + range))
    await interleave(byRange, 30, 3)
    Object.keys(USAGE_RANGES).forEach((label, index) => {
      const timed = byRange[index]!
      figures.push({
        name: `usage ${label}, table of ${formatNumber(USAGE_TABLE_SIZES.at(-1)!)} rows`,
        value: round2(median(timed.times)),
        unit: 'ms',
        runs: timed.times.length,
        comparedWith: `answer ${formatNumber(timed.bytes / 1024)} KB`,
      })
    })
  } finally {
    for (const { app } of opened) await app.close()
  }
}

/** The members list from 100 to 100,000 members, and a revalidation of the 10,000. */
export async function membersCurve(figures: Figure[], notes: string[]): Promise<void> {
  const database = membersDatabase()
  notes.push(builtNote('members', database))
  const { app, token } = await openApp(database)
  try {
    const byCount = MEMBER_COUNTS.map((count) =>
      // The small lists take a millisecond: more samples per round for them.
      subject(
        app,
        token,
        `/v2.1/organizations/${membersOrganization(count)}/users`,
        count >= 100_000 ? 1 : 3,
      ),
    )
    // A revalidation of the 10,000: the answer is built and hashed as for a 200, and no body sent.
    const tenThousandUrl = `/v2.1/organizations/${membersOrganization(10_000)}/users`
    const first = await app.inject({ url: tenThousandUrl, headers: { authorization: `Token ${token}` } })
    const revalidation = {
      ...subject(app, token, tenThousandUrl),
      headers: { 'if-none-match': String(first.headers.etag) },
      status: 304,
    }
    await interleave([...byCount, revalidation], 11, 2)
    byCount.forEach((timed, index) => {
      const previous = byCount[index - 1]
      const ms = median(timed.times)
      figures.push({
        name: `members list of ${formatNumber(MEMBER_COUNTS[index]!)} members`,
        value: round2(ms),
        unit: 'ms',
        runs: timed.times.length,
        comparedWith: `answer ${formatNumber(timed.bytes / 1024)} KB${previous ? `; ${round2(ms / median(previous.times))}x the previous (10x the members)` : ''}`,
      })
    })
    // Linear growth: 10 times the members in at most 12 times the time.
    const [tenThousand, hundredThousand] = [MEMBER_COUNTS.indexOf(10_000), MEMBER_COUNTS.indexOf(100_000)]
    figures.push(
      {
        name: 'members list: time at 100,000 members / at 10,000',
        value: round2(median(byCount[hundredThousand]!.times) / median(byCount[tenThousand]!.times)),
        unit: 'x',
        target: { value: 12, better: 'lower' },
        comparedWith: '10x the members; read in email order from an index (migration 008), no sort',
      },
      {
        name: 'members list of 10,000, revalidation (304), server time',
        value: round2(median(revalidation.times)),
        unit: 'ms',
        runs: revalidation.times.length,
        comparedWith: `the 200 takes ${round2(median(byCount[tenThousand]!.times))} ms: a 304 saves the bytes, not the work (no answer cache)`,
      },
    )
  } finally {
    await app.close()
  }
}

/** Only the members curve (`npm run bench -- members`): no usage tables to build. */
export async function benchMembersScale(): Promise<SuiteResult> {
  const figures: Figure[] = []
  const notes: string[] = [
    'measured through app.inject() against the real app and a file database (warm OS cache), no HTTP socket; the points are timed in turn, round after round; medians.',
  ]
  await membersCurve(figures, notes)
  return { figures, notes }
}

export async function benchScale(): Promise<SuiteResult> {
  const figures: Figure[] = []
  const notes: string[] = [
    'measured through app.inject() against the real app and a file database (warm OS cache), no HTTP socket; the points of each curve are timed in turn, round after round; medians.',
  ]
  await usageCurves(figures, notes)
  await membersCurve(figures, notes)
  return { figures, notes }
}
