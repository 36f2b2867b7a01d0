// The API server under load: throughput and latency of the reads a dashboard makes and of member
// writes, against our server, and the same reads from json-server and Prism.
import type autocannon from 'autocannon'
import { DEMO } from '../server/db/seed'
import { addDays, addMonths, utcToday as today } from '../domain/dates'
import type { Figure } from './figures'
import { startJsonServer, startPrism, type ComparedReads, type FakeApi } from './support/fake-apis'
import { LOAD_DEFAULTS, measureLoad, measureLoads, type LoadFigures } from './support/http-load'
import { startLocalApi } from './support/local-api'
import { formatNumber, ratioPhrase, type SuiteResult } from './support/suite'

const READ_LABELS: Record<keyof ComparedReads, string> = {
  organizations: 'GET /organizations',
  organization: 'GET /organizations/{name}',
  members: `GET members (${DEMO.largeOrganizationMembers.toLocaleString('en')})`,
  usageDays: 'GET usage, 366 days by day',
  usageMonths: 'GET usage, 10 years by month',
}

function ourReads(): ComparedReads {
  const organization = `/organizations/${DEMO.largeOrganization}`
  const end = addDays(today(), 1) // exclusive: the range ends with today
  const monthEnd = `${end.slice(0, 7)}-01`
  return {
    organizations: '/organizations',
    organization,
    members: `${organization}/users`,
    usageDays: `${organization}/usage?interval=day&start_date=${addDays(end, -366)}&end_date=${end}`,
    usageMonths: `${organization}/usage?interval=month&start_date=${addMonths(monthEnd, -120)}&end_date=${monthEnd}`,
  }
}

/** Creates a member with a unique email, then removes it, on every connection in turn. */
function memberWrites(membersPath: string, headers: Record<string, string>): autocannon.Request[] {
  let next = 0
  return [
    {
      method: 'POST',
      path: membersPath,
      headers: { ...headers, 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ email: `bench-${process.pid}-${(next += 1)}@example.com` }),
      }),
      onResponse: (_status, body, context) => {
        ;(context as { id?: string }).id = (JSON.parse(body) as { id: string }).id
      },
    },
    {
      method: 'DELETE',
      headers,
      setupRequest: (request, context) => ({
        ...request,
        path: `${membersPath}/${(context as { id: string }).id}`,
      }),
    },
  ]
}

async function answerBytes(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers })
  return (await response.arrayBuffer()).byteLength
}

interface Comparison {
  api: FakeApi
  figures: Partial<Record<keyof ComparedReads, LoadFigures>>
  bytes: Partial<Record<keyof ComparedReads, number>>
}

async function startFake(start: () => Promise<FakeApi>, notes: string[]): Promise<Comparison | null> {
  try {
    return { api: await start(), figures: {}, bytes: {} }
  } catch (error) {
    notes.push(`could not start a comparison server: ${(error as Error).message.split('\n')[0]}`)
    return null
  }
}

function compared(
  ours: number,
  comparisons: Comparison[],
  key: keyof ComparedReads,
  pick: (figures: LoadFigures) => number,
  unit: string,
  better: 'higher' | 'lower',
): string {
  return comparisons
    .map(({ api, figures }) => {
      const theirs = figures[key] && pick(figures[key])
      return theirs === undefined
        ? `${api.name}: n/a`
        : `${api.name} ${formatNumber(theirs)} ${unit} (${ratioPhrase(ours, theirs, better)})`
    })
    .join('; ')
}

export async function benchApi(): Promise<SuiteResult> {
  const notes: string[] = [
    `autocannon, ${LOAD_DEFAULTS.connections} connections, runs of ${LOAD_DEFAULTS.seconds} s (longer, up to ${LOAD_DEFAULTS.maxSeconds} s, for slow endpoints, to hold ${LOAD_DEFAULTS.minAnswersPerRun} answers) after a ${LOAD_DEFAULTS.warmUpSeconds} s warm-up, median of ${LOAD_DEFAULTS.runs} runs, the three servers taking turns run by run; each server in its own process on loopback; latencies are whole milliseconds (0 ms = under 1 ms).`,
  ]
  const reads = ourReads()
  const api = await startLocalApi()
  const headers = { Authorization: `Token ${api.token}` }
  const ours: Partial<Record<keyof ComparedReads, LoadFigures>> = {}
  const ourBytes: Partial<Record<keyof ComparedReads, number>> = {}
  let writes: LoadFigures
  const comparisons: Comparison[] = []
  try {
    for (const start of [() => startJsonServer(api.url, api.token, reads), () => startPrism(reads)]) {
      const comparison = await startFake(start, notes)
      if (comparison) comparisons.push(comparison)
    }
    // Each read on the three servers in turn, run after run (see measureLoads).
    for (const key of Object.keys(READ_LABELS) as (keyof ComparedReads)[]) {
      ourBytes[key] = await answerBytes(api.url + reads[key], headers)
      for (const { api: fake, bytes } of comparisons)
        bytes[key] = await answerBytes(fake.baseUrl + fake.paths[key], fake.headers)
      const [oursMeasured, ...theirs] = await measureLoads([
        { url: api.url + reads[key], headers },
        ...comparisons.map(({ api: fake }) => ({
          url: fake.baseUrl + fake.paths[key],
          headers: fake.headers,
        })),
      ])
      ours[key] = oursMeasured
      theirs.forEach((measured, index) => (comparisons[index]!.figures[key] = measured))
    }
    writes = await measureLoad({ url: api.url, requests: memberWrites(`/v2.1${reads.members}`, headers) })
  } finally {
    for (const { api: fake } of comparisons) await fake.stop()
    await api.stop()
  }

  const figures: Figure[] = []
  for (const key of Object.keys(READ_LABELS) as (keyof ComparedReads)[]) {
    const figure = ours[key]!
    figures.push(
      {
        name: `${READ_LABELS[key]}: throughput`,
        value: figure.requestsPerSecond,
        unit: 'req/s',
        runs: figure.runs,
        comparedWith: compared(
          figure.requestsPerSecond,
          comparisons,
          key,
          (f) => f.requestsPerSecond,
          'req/s',
          'higher',
        ),
      },
      {
        name: `${READ_LABELS[key]}: latency p50`,
        value: figure.p50,
        unit: 'ms',
        runs: figure.runs,
        comparedWith: compared(figure.p50, comparisons, key, (f) => f.p50, 'ms', 'lower'),
      },
      {
        name: `${READ_LABELS[key]}: latency p99`,
        value: figure.p99,
        unit: 'ms',
        runs: figure.runs,
        comparedWith: compared(figure.p99, comparisons, key, (f) => f.p99, 'ms', 'lower'),
      },
    )
  }
  figures.push(
    {
      name: 'POST + DELETE a member (alternating): throughput',
      value: writes.requestsPerSecond,
      unit: 'req/s',
      runs: writes.runs,
      comparedWith: 'no comparison: the fake APIs do not apply the membership rules',
    },
    { name: 'POST + DELETE a member: latency p50', value: writes.p50, unit: 'ms', runs: writes.runs },
    { name: 'POST + DELETE a member: latency p99', value: writes.p99, unit: 'ms', runs: writes.runs },
  )

  const sizes = (bytes: Partial<Record<keyof ComparedReads, number>>) =>
    (Object.keys(READ_LABELS) as (keyof ComparedReads)[])
      .map((key) => `${key} ${formatNumber((bytes[key] ?? 0) / 1024)} KB`)
      .join(', ')
  notes.push(`answer sizes, ours: ${sizes(ourBytes)}.`)
  for (const { api: fake, bytes } of comparisons) {
    notes.push(`answer sizes, ${fake.name}: ${sizes(bytes)}.`)
    if (fake.name === 'json-server')
      notes.push(
        'json-server serves a db.json exported from our answers (same organizations, members and usage; it pretty-prints, and its organization list carries the detail fields, one collection for both); members are filtered by ?organization=, usage answers are stored whole.',
      )
    if (fake.name === 'Prism')
      notes.push(
        'Prism mocks server/openapi.yaml: it validates the request and generates a small answer from the schema (not our data), so it does less work per request than a real list of 10,000 members.',
      )
  }
  return { figures, notes }
}
