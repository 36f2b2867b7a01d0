// The API server under mixed load: many concurrent clients, each a user with a token, reading and
// writing for a bounded time against a real server process on loopback. The writes are chosen to
// collide: clients create organizations from a small pool of names, rename theirs into that pool,
// promote, demote, add and remove each other in a few shared organizations. Afterwards the
// last-admin rule and name uniqueness must still hold (checked through the API and in the file).
//
// From bench/run.ts: benchLoad(). Alone: `npx tsx bench/load.ts [seconds] [clients]`.
// A short bounded run is also a test: server/test/hardening-load.test.ts.
import Database from 'better-sqlite3'
import { randomInt } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueToken } from '../server/auth/issue-token'
import type { Figure } from './figures'
import { freePort, spawnService } from './support/processes'

export interface LoadOptions {
  durationMs: number
  clients: number
  /** Organizations every client is a member of (the first few clients are their admins). */
  sharedOrganizations?: number
  /** Share of requests that write (the rest read). */
  writeShare?: number
}

/** Answers the rules allow under contention: taken names, the last admin, rights lost meanwhile. */
export const EXPECTED_STATUSES = new Set([200, 201, 204, 400, 403, 404])

export interface LoadResult {
  durationMs: number
  clients: number
  requests: number
  reads: number
  writes: number
  byStatus: Record<string, number>
  /** Why the 400s were refused: proof that the writes really collided on the rules. */
  refusals: Record<string, number>
  /** 5xx, network failures, and any status outside EXPECTED_STATUSES, with a sample of each. */
  unexpected: { what: string; count: number; sample: string }[]
  latencyMs: { p50: number; p99: number; max: number; readP99: number; writeP99: number }
  invariants: {
    organizations: number
    /** Organizations with no admin, through the API (as platform staff) and in the database. */
    withoutAdminByApi: string[]
    withoutAdminInDatabase: string[]
    /** Names held by more than one organization, through the API and in the database. */
    duplicateNamesByApi: string[]
    duplicateNamesInDatabase: string[]
    integrity: string
  }
}

interface Client {
  id: string
  token: string
  email: string
  /** Organizations this client created, by id, with the name it last gave them. */
  own: Map<string, string>
}

interface Recorder {
  latencies: number[]
  readLatencies: number[]
  writeLatencies: number[]
  byStatus: Map<string, number>
  refusals: Map<string, number>
  unexpected: Map<string, { count: number; sample: string }>
}

function emptyRecorder(): Recorder {
  return {
    latencies: [],
    readLatencies: [],
    writeLatencies: [],
    byStatus: new Map(),
    refusals: new Map(),
    unexpected: new Map(),
  }
}

const REFUSALS: [RegExp, string][] = [
  [/is the last admin/, 'last admin'],
  [/already exists/, 'name taken'],
  [/already a member/, 'already a member'],
]

const POOL = 24 // contested organization names: pool-0 ... pool-23
const poolName = () => `pool-${randomInt(POOL)}`
const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!
const pickAny = <T>(items: readonly T[]): T | undefined => (items.length ? pick(items) : undefined)

async function call(
  url: string,
  recorder: Recorder,
  client: Client,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const started = performance.now()
  let status: number
  let parsed: unknown = undefined
  let key: string
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Token ${client.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    status = response.status
    key = String(status)
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      parsed = text
    }
    if (status === 400) {
      const reason = REFUSALS.find(([pattern]) => pattern.test(text))?.[1] ?? `other: ${text.slice(0, 120)}`
      recorder.refusals.set(reason, (recorder.refusals.get(reason) ?? 0) + 1)
    }
    if (!EXPECTED_STATUSES.has(status))
      note(recorder, `${status} on ${method} ${path.replace(/\/[^/]+$/, '/…')}`, text)
  } catch (error) {
    status = 0
    key = 'network error'
    note(recorder, `network error on ${method}`, String((error as Error).cause ?? error))
  }
  const elapsed = performance.now() - started
  recorder.latencies.push(elapsed)
  ;(method === 'GET' ? recorder.readLatencies : recorder.writeLatencies).push(elapsed)
  recorder.byStatus.set(key, (recorder.byStatus.get(key) ?? 0) + 1)
  return { status, body: parsed }
}

function note(recorder: Recorder, what: string, sample: string): void {
  const entry = recorder.unexpected.get(what) ?? { count: 0, sample: sample.slice(0, 300) }
  entry.count += 1
  recorder.unexpected.set(what, entry)
}

interface World {
  url: string
  clients: Client[]
  shared: string[]
  /** Members of the shared organizations, by organization name, as the last list read showed them. */
  members: Map<string, { id: string; admin: boolean }[]>
}

async function readOnce(world: World, recorder: Recorder, client: Client): Promise<void> {
  const organization = pick(world.shared)
  const end = new Date().toISOString().slice(0, 10)
  const start = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)
  const paths = [
    '/user',
    '/organizations',
    `/organizations/${organization}`,
    `/organizations/${organization}/resources`,
    `/organizations/${organization}/usage`,
    `/organizations/${organization}/usage?interval=day&start_date=${start}&end_date=${end}`,
  ]
  if (randomInt(4) === 0) {
    const members = await call(world.url, recorder, client, 'GET', `/organizations/${organization}/users`)
    if (members.status === 200)
      world.members.set(organization, members.body as { id: string; admin: boolean }[])
    return
  }
  await call(world.url, recorder, client, 'GET', pick(paths))
}

async function writeOnce(world: World, recorder: Recorder, client: Client): Promise<void> {
  const organization = pick(world.shared)
  const known = world.members.get(organization) ?? []
  const memberId = (admin?: boolean) =>
    pickAny(
      known.filter((member) => admin === undefined || member.admin === admin).map((member) => member.id),
    ) ?? '00000000-0000-4000-8000-000000000000'
  switch (randomInt(6)) {
    case 0: {
      // Names from a small pool: clients race for them.
      const created = await call(world.url, recorder, client, 'POST', '/organizations', {
        name: poolName(),
        subscription: 'free',
      })
      if (created.status === 201) {
        const { id, name } = created.body as { id: string; name: string }
        client.own.set(id, name)
      }
      return
    }
    case 1: {
      const own = [...client.own]
      if (own.length === 0) return readOnce(world, recorder, client)
      const [id, name] = pick(own)
      const renamed = await call(world.url, recorder, client, 'PATCH', `/organizations/${name}`, {
        name: poolName(),
      })
      if (renamed.status === 200) client.own.set(id, (renamed.body as { name: string }).name)
      return
    }
    case 2: {
      // Promote a member, or demote an admin (perhaps the last one): the last-admin rule under contention.
      const promote = randomInt(2) === 0
      await call(
        world.url,
        recorder,
        client,
        'PATCH',
        `/organizations/${organization}/users/${memberId(!promote)}`,
        {
          admin: promote,
        },
      )
      return
    }
    case 3: {
      // Step down, or leave, where this client was admin at the last look: refused to the last admin.
      const where =
        pickAny(
          [...world.members]
            .filter(([, members]) => members.some((m) => m.id === client.id && m.admin))
            .map(([name]) => name),
        ) ?? organization
      const path = `/organizations/${where}/users/${client.id}`
      if (randomInt(3) === 0) await call(world.url, recorder, client, 'DELETE', path)
      else await call(world.url, recorder, client, 'PATCH', path, { admin: false })
      return
    }
    case 4:
      await call(world.url, recorder, client, 'POST', `/organizations/${organization}/users`, {
        email: pick(world.clients).email,
        admin: randomInt(3) === 0,
      })
      return
    default:
      await call(world.url, recorder, client, 'DELETE', `/organizations/${organization}/users/${memberId()}`)
  }
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

const round = (value: number) => Math.round(value * 10) / 10

/** Checks the rules at the end, as platform staff through the API, and in the database file. */
async function checkInvariants(
  url: string,
  dbPath: string,
  staff: Client,
  clients: Client[],
  recorder: Recorder,
): Promise<LoadResult['invariants']> {
  const db = new Database(dbPath, { readonly: true })
  let names: string[]
  let inDatabase: Omit<LoadResult['invariants'], 'withoutAdminByApi' | 'duplicateNamesByApi'>
  try {
    names = db.prepare('SELECT name FROM organizations ORDER BY name').pluck().all() as string[]
    inDatabase = {
      organizations: names.length,
      withoutAdminInDatabase: db
        .prepare(
          `SELECT name FROM organizations WHERE NOT EXISTS
             (SELECT 1 FROM memberships WHERE organization_id = organizations.id AND admin = 1)`,
        )
        .pluck()
        .all() as string[],
      duplicateNamesInDatabase: db
        .prepare('SELECT name FROM organizations GROUP BY name HAVING count(*) > 1')
        .pluck()
        .all() as string[],
      integrity: (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown',
    }
  } finally {
    db.close()
  }
  const withoutAdminByApi: string[] = []
  const idsByName = new Map<string, Set<string>>()
  for (const name of names) {
    const detail = await call(url, recorder, staff, 'GET', `/organizations/${name}`)
    if (detail.status === 200) {
      const ids = idsByName.get(name) ?? new Set<string>()
      ids.add((detail.body as { id: string }).id)
      idsByName.set(name, ids)
    }
    const members = await call(url, recorder, staff, 'GET', `/organizations/${name}/users`)
    if (members.status !== 200 || !(members.body as { admin: boolean }[]).some((member) => member.admin))
      withoutAdminByApi.push(name)
  }
  // Every client lists its organizations: across all the lists, no name may stand for two ids.
  for (const client of clients) {
    const listed = await call(url, recorder, client, 'GET', '/organizations')
    for (const { id, name } of (listed.body as { id: string; name: string }[] | undefined) ?? []) {
      const ids = idsByName.get(name) ?? new Set<string>()
      ids.add(id)
      idsByName.set(name, ids)
    }
  }
  const duplicateNamesByApi = [...idsByName].filter(([, ids]) => ids.size > 1).map(([name]) => name)
  return { ...inDatabase, withoutAdminByApi, duplicateNamesByApi }
}

/** Starts a server process on a fresh database, runs the clients for `durationMs`, checks the rules. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const folder = mkdtempSync(join(tmpdir(), 'ubiops-load-'))
  const dbPath = join(folder, 'load.db')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/v2.1`
  const service = await spawnService({
    name: 'local API (load)',
    command: process.execPath,
    args: ['--import', 'tsx', 'server/server.ts'],
    env: { DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', SKIP_SEED: '1' },
    readyUrl: `${url}/status`,
    timeoutMs: 60_000,
  })
  const recorder = emptyRecorder()
  try {
    const setup: Recorder = emptyRecorder()
    const clients: Client[] = []
    for (let index = 0; index < options.clients; index += 1) {
      const email = `load-${index}@example.com`
      const client: Client = { id: '', email, token: issueToken(dbPath, email), own: new Map() }
      client.id = ((await call(url, setup, client, 'GET', '/user')).body as { id: string }).id
      clients.push(client)
    }
    const staff: Client = {
      id: '',
      email: 'load-staff@example.com',
      token: issueToken(dbPath, 'load-staff@example.com', { staff: true }),
      own: new Map(),
    }

    // The shared organizations: created by client 0, everyone a member, the first three admins.
    const shared = Array.from({ length: options.sharedOrganizations ?? 4 }, (_, index) => `shared-${index}`)
    for (const name of shared) {
      const created = await call(url, setup, clients[0]!, 'POST', '/organizations', {
        name,
        subscription: 'free',
      })
      if (created.status !== 201)
        throw new Error(`setting up ${name}: ${created.status} ${JSON.stringify(created.body)}`)
      for (const [index, client] of clients.entries())
        if (index > 0)
          await call(url, setup, clients[0]!, 'POST', `/organizations/${name}/users`, {
            email: client.email,
            admin: index < 3,
          })
    }
    const world: World = { url, clients, shared, members: new Map() }
    for (const name of shared) {
      const members = await call(url, setup, clients[0]!, 'GET', `/organizations/${name}/users`)
      world.members.set(name, members.body as { id: string; admin: boolean }[])
    }

    const writeShare = options.writeShare ?? 0.5
    const deadline = performance.now() + options.durationMs
    const started = performance.now()
    let reads = 0
    let writes = 0
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          if (Math.random() < writeShare) {
            writes += 1
            await writeOnce(world, recorder, client)
          } else {
            reads += 1
            await readOnce(world, recorder, client)
          }
        }
      }),
    )
    // The finale: every client at once tries to step down in one shared organization, and to
    // create one same name. Whatever the timed part happened to hit, both rules meet a real race.
    const finale = `finale-${randomInt(1_000_000)}`
    await Promise.all(
      clients.flatMap((client) => [
        call(url, recorder, client, 'PATCH', `/organizations/${shared[0]}/users/${client.id}`, {
          admin: false,
        }),
        call(url, recorder, client, 'POST', '/organizations', { name: finale, subscription: 'free' }),
      ]),
    )
    const durationMs = performance.now() - started
    const requests = recorder.latencies.length
    const latencyMs = {
      p50: round(percentile(recorder.latencies, 0.5)),
      p99: round(percentile(recorder.latencies, 0.99)),
      max: round(Math.max(...recorder.latencies)),
      readP99: round(percentile(recorder.readLatencies, 0.99)),
      writeP99: round(percentile(recorder.writeLatencies, 0.99)),
    }
    const byStatus = Object.fromEntries([...recorder.byStatus].sort())
    const invariants = await checkInvariants(url, dbPath, staff, clients, recorder)
    return {
      durationMs: round(durationMs),
      clients: options.clients,
      requests,
      reads,
      writes,
      byStatus,
      refusals: Object.fromEntries([...recorder.refusals].sort()),
      unexpected: [...recorder.unexpected].map(([what, entry]) => ({ what, ...entry })),
      latencyMs,
      invariants,
    }
  } finally {
    await service.stop()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The figures of one run, in the form bench/run.ts reports. */
export function loadFigures(result: LoadResult): Figure[] {
  const label = `API mixed load (${result.clients} clients, ${Math.round((result.writes / Math.max(1, result.writes + result.reads)) * 100)}% writes, ${round(result.durationMs / 1000)} s)`
  const unexpected = result.unexpected.reduce((sum, entry) => sum + entry.count, 0)
  const rules = result.invariants
  const broken =
    rules.withoutAdminByApi.length +
    rules.withoutAdminInDatabase.length +
    rules.duplicateNamesByApi.length +
    rules.duplicateNamesInDatabase.length
  return [
    {
      name: `${label}: throughput`,
      value: Math.round(result.requests / (result.durationMs / 1000)),
      unit: 'req/s',
      comparedWith: `${result.requests} requests; by status ${JSON.stringify(result.byStatus)}; 400s: ${JSON.stringify(result.refusals)}`,
    },
    { name: `${label}: p50 latency`, value: result.latencyMs.p50, unit: 'ms' },
    {
      name: `${label}: p99 latency`,
      value: result.latencyMs.p99,
      unit: 'ms',
      comparedWith: `reads p99 ${result.latencyMs.readP99} ms, writes p99 ${result.latencyMs.writeP99} ms, max ${result.latencyMs.max} ms`,
    },
    {
      name: `${label}: 5xx, network errors and unexpected statuses`,
      value: unexpected,
      unit: 'requests',
      target: { value: 0, better: 'lower' },
      comparedWith: unexpected ? JSON.stringify(result.unexpected) : 'none',
    },
    {
      name: `${label}: organizations breaking the last-admin rule or name uniqueness afterwards`,
      value: broken,
      unit: 'x',
      target: { value: 0, better: 'lower' },
      comparedWith: `${rules.organizations} organizations checked through the API and the file; integrity_check ${rules.integrity}`,
    },
  ]
}

export async function benchLoad(): Promise<Figure[]> {
  return loadFigures(await runLoad({ durationMs: 10_000, clients: 24 }))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.argv[2] ?? 10)
  const clients = Number(process.argv[3] ?? 24)
  const result = await runLoad({ durationMs: seconds * 1000, clients })
  for (const figure of loadFigures(result))
    console.log(
      `${figure.name}: ${figure.value} ${figure.unit}${figure.comparedWith ? ` (${figure.comparedWith})` : ''}`,
    )
}
