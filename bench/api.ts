// The API server under load: throughput and latency of the reads a dashboard makes and of member
// writes, against our server, and the same reads from json-server and Prism.
import type autocannon from 'autocannon'
import { request as httpRequest } from 'node:http'
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib'
import { DEMO } from '../server/db/seed'
import { addDays, addMonths, utcToday as today } from '../domain/dates'
import { COMPRESS_THRESHOLD } from '../server/app'
import type { Figure } from './figures'
import { startJsonServer, startPrism, type ComparedReads, type FakeApi } from './support/fake-apis'
import { LOAD_DEFAULTS, measureLoad, measureLoads, type LoadFigures } from './support/http-load'
import { startLocalApi } from './support/local-api'
import { startWireLimit, type StoredAnswer } from './support/wire-limit'
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
  return (await wireAnswer(url, headers)).body.byteLength
}

/** One GET as it crosses the wire: status, headers and the bytes, not decompressed (fetch would). */
function wireAnswer(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      )
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

type Encoding = 'br' | 'gzip'

/**
 * Our answer for the wire limit to store: its bytes, tag, and the brotli and gzip bytes we send
 * for it (when we compress it), so that the wire limit sends exactly what we send.
 */
async function storedAnswer(url: string, headers: Record<string, string>): Promise<StoredAnswer> {
  const plain = await wireAnswer(url, headers)
  if (plain.status !== 200) throw new Error(`GET ${url}: ${plain.status}`)
  const compressed = async (encoding: Encoding) => {
    const answer = await wireAnswer(url, { ...headers, 'accept-encoding': encoding })
    return answer.headers['content-encoding'] === encoding ? answer.body : undefined
  }
  return {
    body: plain.body,
    etag: String(plain.headers.etag),
    br: await compressed('br'),
    gzip: await compressed('gzip'),
  }
}

/**
 * Why the members' brotli bytes are what they are: how many of them the ids take (the same answer
 * with every id the same, at brotli 11), and the random bits in those ids, which no compression
 * removes (RFC 9562: 122 in a v4 id).
 */
function whereTheBytesGo(body: Buffer): string {
  const members = JSON.parse(body.toString()) as { id: string }[]
  const best = (bytes: Buffer) =>
    brotliCompressSync(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      },
    }).byteLength
  const sameId = '00000000-0000-4000-8000-000000000000'
  const withoutIds = best(Buffer.from(JSON.stringify(members.map((member) => ({ ...member, id: sameId })))))
  const randomBits = members.length * 122
  const kb = (bytes: number) => `${formatNumber(bytes / 1000)} KB`
  return `where the members' brotli bytes go: the same answer with every id the same is ${kb(withoutIds)} at brotli 11 (${kb(best(body))} with the ids), so the ${formatNumber(members.length)} ids take the rest. Their random bits alone are ${kb(randomBits / 8)}, and brotli spends 4 bits on a random hex digit and more on each dash.`
}

/**
 * The bytes of one compressed form of an answer as the server sends it now (NaN when it sends it
 * uncompressed).
 */
async function compressedBytes(url: string, headers: Record<string, string>, encoding: Encoding) {
  const answer = await wireAnswer(url, { ...headers, 'accept-encoding': encoding })
  return answer.headers['content-encoding'] === encoding ? answer.body.byteLength : Number.NaN
}

/** What a browser sends: it accepts brotli and gzip. */
const BROWSER_ENCODINGS = 'gzip, deflate, br'

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

const WIRE_LIMIT = 'wire limit'
/**
 * Targets, at 10 connections, beside json-server in the same run. Every answer is built from the
 * database on every request (no answer cache): the 10,000 members stay ahead of json-server, which
 * holds its whole data in memory.
 */
const TARGETS = {
  membersTimesJsonServer: 1,
  membersP99Ms: 100,
  usageTimesJsonServer: 3,
}

export async function benchApi(): Promise<SuiteResult> {
  const notes: string[] = [
    `autocannon, ${LOAD_DEFAULTS.connections} connections, runs of ${LOAD_DEFAULTS.seconds} s (longer, up to ${LOAD_DEFAULTS.maxSeconds} s, for slow endpoints, to hold ${LOAD_DEFAULTS.minAnswersPerRun} answers) after a ${LOAD_DEFAULTS.warmUpSeconds} s warm-up, median of ${LOAD_DEFAULTS.runs} runs, the servers taking turns run by run; each server in its own process on loopback; latencies are whole milliseconds (0 ms = under 1 ms).`,
    'wire limit: a plain node:http server in its own process sending stored Buffers of the very bytes our API answered (and our brotli/gzip bytes, and a 304 for our ETag): the most any server could do with the same answers.',
  ]
  const reads = ourReads()
  const api = await startLocalApi()
  const headers = { Authorization: `Token ${api.token}` }
  const ours: Partial<Record<keyof ComparedReads, LoadFigures>> = {}
  const ourBytes: Partial<Record<keyof ComparedReads, number>> = {}
  let writes: LoadFigures
  const comparisons: Comparison[] = []
  const membersUrl = api.url + reads.members
  let members: {
    revalidation: LoadFigures[]
    revalidationNames: string[]
    compressed: LoadFigures[]
    compressionNames: string[]
    wire: {
      br: number
      gzip: number
      /** as the wire limit stored them */
      stored: Record<Encoding, number>
      plain: number
      jsonServerGzip?: number
    }
  }
  try {
    // The wire limit stores our answers; the comparison servers export them (json-server) or mock them.
    const stored: Record<string, StoredAnswer> = {}
    for (const start of [
      () => startJsonServer(api.url, api.token, reads),
      async (): Promise<FakeApi> => {
        for (const key of Object.keys(READ_LABELS) as (keyof ComparedReads)[])
          stored[reads[key]] = await storedAnswer(api.url + reads[key], headers)
        const wire = await startWireLimit(stored)
        return { name: WIRE_LIMIT, baseUrl: wire.baseUrl, headers: {}, paths: reads, stop: wire.stop }
      },
      () => startPrism(reads),
    ]) {
      const comparison = await startFake(start, notes)
      if (comparison) comparisons.push(comparison)
    }
    if (!stored[reads.members]) throw new Error('could not store our answers for the wire limit')
    // Each read on every server in turn, run after run (see measureLoads).
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

    // The members list again, as the dashboard asks for it: a revalidation with the ETag it holds
    // (304, no body), and a first fetch that accepts brotli. Prism has no ETags and does not compress.
    const etag = stored[reads.members]!.etag
    const others = comparisons.filter(({ api: fake }) => fake.name !== 'Prism')
    const jsonServer = others.find(({ api: fake }) => fake.name === 'json-server')
    const jsonServerTag = jsonServer
      ? (await wireAnswer(jsonServer.api.baseUrl + jsonServer.api.paths.members, {})).headers.etag
      : undefined
    const revalidating = [
      { name: 'ours', url: membersUrl, headers: { ...headers, 'if-none-match': etag }, expectStatus: 304 },
      ...others
        .filter(({ api: fake }) => fake.name !== 'json-server' || jsonServerTag)
        .map(({ api: fake }) => ({
          name: fake.name,
          url: fake.baseUrl + fake.paths.members,
          headers: {
            ...fake.headers,
            'if-none-match': fake.name === 'json-server' ? String(jsonServerTag) : etag,
          },
          expectStatus: 304,
        })),
    ]
    const compressing = [
      { name: 'ours', url: membersUrl, headers: { ...headers, 'accept-encoding': BROWSER_ENCODINGS } },
      ...others.map(({ api: fake }) => ({
        name: fake.name,
        url: fake.baseUrl + fake.paths.members,
        headers: { ...fake.headers, 'accept-encoding': BROWSER_ENCODINGS },
      })),
    ]
    const jsonServerGzip = jsonServer
      ? (
          await wireAnswer(jsonServer.api.baseUrl + jsonServer.api.paths.members, {
            'accept-encoding': BROWSER_ENCODINGS,
          })
        ).body.byteLength
      : undefined
    const revalidation = await measureLoads(revalidating)
    const compressed = await measureLoads(compressing)
    const storedMembers = stored[reads.members]!
    members = {
      revalidation,
      revalidationNames: revalidating.map((entry) => entry.name),
      compressed,
      compressionNames: compressing.map((entry) => entry.name),
      wire: {
        br: await compressedBytes(membersUrl, headers, 'br'),
        gzip: await compressedBytes(membersUrl, headers, 'gzip'),
        stored: {
          br: storedMembers.br?.byteLength ?? Number.NaN,
          gzip: storedMembers.gzip?.byteLength ?? Number.NaN,
        },
        plain: storedMembers.body.byteLength,
        jsonServerGzip,
      },
    }
    notes.push(whereTheBytesGo(storedMembers.body))
    writes = await measureLoad({ url: api.url, requests: memberWrites(`/v2.1${reads.members}`, headers) })
  } finally {
    for (const { api: fake } of comparisons) await fake.stop()
    await api.stop()
  }

  const figures: Figure[] = []
  const jsonServerFigure = (key: keyof ComparedReads) =>
    comparisons.find(({ api: fake }) => fake.name === 'json-server')?.figures[key]
  for (const key of Object.keys(READ_LABELS) as (keyof ComparedReads)[]) {
    const figure = ours[key]!
    const theirs = jsonServerFigure(key)
    const times =
      key === 'members'
        ? TARGETS.membersTimesJsonServer
        : key === 'usageDays' || key === 'usageMonths'
          ? TARGETS.usageTimesJsonServer
          : undefined
    figures.push(
      {
        name: `${READ_LABELS[key]}: throughput`,
        value: figure.requestsPerSecond,
        unit: 'req/s',
        runs: figure.runs,
        target: times && theirs ? { value: times * theirs.requestsPerSecond, better: 'higher' } : undefined,
        comparedWith:
          (times ? `target ${times}x json-server; ` : '') +
          compared(figure.requestsPerSecond, comparisons, key, (f) => f.requestsPerSecond, 'req/s', 'higher'),
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
        target: key === 'members' ? { value: TARGETS.membersP99Ms, better: 'lower' } : undefined,
        comparedWith: compared(figure.p99, comparisons, key, (f) => f.p99, 'ms', 'lower'),
      },
    )
  }

  // The members list revalidated and compressed: ours first, then each comparison in turn.
  const membersLabel = READ_LABELS.members
  const beside = (
    list: LoadFigures[],
    names: string[],
    pick: (f: LoadFigures) => number,
    unit: string,
    better: 'higher' | 'lower',
  ) =>
    list
      .slice(1)
      .map(
        (theirs, index) =>
          `${names[index + 1]} ${formatNumber(pick(theirs))} ${unit} (${ratioPhrase(pick(list[0]!), pick(theirs), better)})`,
      )
      .join('; ')
  const [revalidation] = members.revalidation
  figures.push(
    {
      name: `${membersLabel}, revalidation (304): latency p99`,
      value: revalidation!.p99,
      unit: 'ms',
      runs: revalidation!.runs,
      comparedWith: `p50 ${revalidation!.p50} ms (the answer is built and hashed, its bytes not sent); ${beside(members.revalidation, members.revalidationNames, (f) => f.p99, 'ms', 'lower')}`,
    },
    {
      name: `${membersLabel}, revalidation (304): throughput`,
      value: revalidation!.requestsPerSecond,
      unit: 'req/s',
      runs: revalidation!.runs,
      comparedWith: beside(
        members.revalidation,
        members.revalidationNames,
        (f) => f.requestsPerSecond,
        'req/s',
        'higher',
      ),
    },
  )
  const [compressedLoad] = members.compressed
  const { wire } = members
  const kilobytes = (bytes: number) => Math.round(bytes / 100) / 10
  figures.push(
    {
      name: `${membersLabel}, Accept-Encoding of a browser: throughput`,
      value: compressedLoad!.requestsPerSecond,
      unit: 'req/s',
      runs: compressedLoad!.runs,
      comparedWith: `p99 ${compressedLoad!.p99} ms; ${beside(members.compressed, members.compressionNames, (f) => f.requestsPerSecond, 'req/s', 'higher')}`,
    },
    {
      name: `${membersLabel}: bytes on the wire, brotli`,
      value: kilobytes(wire.br),
      unit: 'KB',
      comparedWith: [
        `KB = 1,000 bytes; @fastify/compress per request, brotli 4 / gzip 6, answers of ${formatNumber(COMPRESS_THRESHOLD)} bytes or more`,
        `gzip ${formatNumber(kilobytes(wire.gzip))} KB`,
        `uncompressed ${formatNumber(kilobytes(wire.plain))} KB`,
        `json-server (gzip, its compression middleware) ${wire.jsonServerGzip === undefined ? 'n/a' : `${formatNumber(kilobytes(wire.jsonServerGzip))} KB`}`,
        wire.stored.br === wire.br && wire.stored.gzip === wire.gzip
          ? 'the wire limit sends the same bytes'
          : `the wire limit sends other bytes: brotli ${formatNumber(kilobytes(wire.stored.br))} KB, gzip ${formatNumber(kilobytes(wire.stored.gzip))} KB`,
        'a revalidation sends none',
      ].join('; '),
    },
  )
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
  notes.push(
    'Every read of ours is built from the database on every request (no answer cache): token and membership checked, SQLite builds the members JSON itself (json_group_array), @fastify/etag hashes the answer and @fastify/compress compresses it when asked. The 2022 generation.',
  )
  return { figures, notes }
}
