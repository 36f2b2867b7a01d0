// No stale answer, ever, across two server processes that share one database file: writes go
// through one process or the other (or around both, straight into the file), while readers keep
// asking both, revalidating with the ETag of what they last saw. Every read that starts after a
// write was acknowledged must show that write (or a later one); a 304 counts as the answer the
// reader had, so a 304 for a changed answer is a stale answer too. Bounded: a fixed number of
// writes, readers that stop when the writes are done.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueToken } from '../auth/issue-token'
import { removeDatabase, temporaryDatabasePath, uniqueEmail, uniqueName } from './helpers'
import { request, startServerProcess, type ServerProcess } from './process-helpers'

const WRITES = 24
const READERS_PER_PROCESS = 2

const dbPath = temporaryDatabasePath('consistency')
let servers: ServerProcess[] = []

beforeAll(async () => {
  servers = await Promise.all([startServerProcess(dbPath), startServerProcess(dbPath)])
}, 60_000)

afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM')
    await server.exited
  }
  removeDatabase(dbPath)
})

/**
 * The states the answer goes through, in order: `states[k]` is what every read that starts after
 * the k-th acknowledged write must show, or a later state.
 */
class History {
  readonly states: string[] = []
  acknowledged = 0
  readonly problems: string[] = []
  reads = 0
  notModified = 0

  constructor(initial: string) {
    this.states.push(initial)
  }

  acknowledge(state: string): void {
    this.states.push(state)
    this.acknowledged = this.states.length - 1
  }

  check(reader: string, startedAt: number, seen: string): void {
    this.reads += 1
    const index = this.states.lastIndexOf(seen)
    // Unknown (a state of a write not acknowledged yet is fine only if it is the next one).
    if (index === -1 && seen === this.pending) return
    if (index < startedAt)
      this.problems.push(
        `${reader} started after write ${startedAt} but saw ${index === -1 ? 'an unknown state' : `the state after write ${index}`}`,
      )
  }

  /** The state of the write in flight, which a read may see before the write is acknowledged. */
  pending: string | null = null
}

interface Reader {
  url: string
  token: string
  /** the answer reduced to what identifies its state */
  state: (body: unknown) => string
  name: string
}

/** Reads in a loop until `done()`, revalidating with the last ETag, checking each answer against `history`. */
async function readUntil(reader: Reader, history: History, done: () => boolean): Promise<void> {
  let etag: string | null = null
  let last: string | null = null
  while (!done()) {
    const startedAt = history.acknowledged
    const response: Response = await fetch(reader.url, {
      headers: { authorization: `Token ${reader.token}`, ...(etag ? { 'if-none-match': etag } : {}) },
    })
    if (response.status === 304) {
      history.notModified += 1
      history.check(reader.name, startedAt, last!)
      continue
    }
    if (response.status !== 200) {
      history.problems.push(`${reader.name}: ${response.status} ${await response.text()}`)
      return
    }
    etag = response.headers.get('etag')
    last = reader.state(await response.json())
    history.check(reader.name, startedAt, last)
  }
}

function readers(path: string, token: string, state: Reader['state']): Reader[] {
  return servers.flatMap((server, serverIndex) =>
    Array.from({ length: READERS_PER_PROCESS }, (_, index) => ({
      url: server.url + path,
      token,
      state,
      name: `reader ${index + 1} of process ${serverIndex + 1}`,
    })),
  )
}

describe('two processes, one database file', () => {
  it('never answers an old member list after a write through either process', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const adminEmail = uniqueEmail('admin')
    const token = issueToken(dbPath, adminEmail)
    const name = uniqueName('consistency')
    expect(
      (await request(`${a.url}/organizations`, token, 'POST', { name, subscription: 'free' })).status,
    ).toBe(201)

    const members = new Map<string, string>() // email → id
    const stateOf = () => [adminEmail, ...members.keys()].sort().join(',')
    const history = new History(stateOf())
    let finished = false
    const reading = readers(`/organizations/${name}/users`, token, (body) =>
      (body as { email: string }[])
        .map((member) => member.email)
        .sort()
        .join(','),
    ).map((reader) => readUntil(reader, history, () => finished))

    try {
      for (let write = 0; write < WRITES; write += 1) {
        const via = write % 2 === 0 ? a : b
        // Mostly additions, every third write a removal, so a list can also shrink.
        if (write % 3 === 2) {
          const [email, id] = [...members][0]!
          members.delete(email)
          history.pending = stateOf()
          const removed = await request(`${via.url}/organizations/${name}/users/${id}`, token, 'DELETE')
          expect(removed.status).toBe(204)
        } else {
          const email = uniqueEmail(`w${write}`)
          members.set(email, '')
          history.pending = stateOf()
          const added = await request(`${via.url}/organizations/${name}/users`, token, 'POST', { email })
          expect(added.status).toBe(201)
          members.set(email, added.body.id)
        }
        history.acknowledge(stateOf())
        history.pending = null
        // Each write is read back through both processes before the next one.
        for (const server of servers) {
          const list = await request(`${server.url}/organizations/${name}/users`, token)
          history.check(
            'the writer',
            history.acknowledged,
            (list.body as { email: string }[])
              .map((m) => m.email)
              .sort()
              .join(','),
          )
        }
      }
    } finally {
      finished = true
      await Promise.all(reading)
    }
    expect(history.problems).toEqual([])
    expect(history.reads).toBeGreaterThan(WRITES * 2)
  }, 60_000)

  it('never answers old usage after a write straight into the file', async () => {
    const [a] = servers as [ServerProcess, ServerProcess]
    const token = issueToken(dbPath, uniqueEmail('admin'))
    const name = uniqueName('usage')
    expect(
      (await request(`${a.url}/organizations`, token, 'POST', { name, subscription: 'free' })).status,
    ).toBe(201)
    // An import job beside the servers: its own connection, its own transactions.
    const db = new Database(dbPath)
    db.pragma('busy_timeout = 5000')
    const { id } = db
      .prepare<[string], { id: string }>('SELECT id FROM organizations WHERE name = ?')
      .get(name)!
    // Usage belongs to a project (migration 002).
    const projectId = randomUUID()
    db.prepare(
      "INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, 'p', '2024-01-01')",
    ).run(projectId, id)
    const rollup = db.prepare(
      `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
       VALUES (?, ?, ?, 'deployment_version', 'credits', ?)
       ON CONFLICT (organization_id, day, project_id, object_type, metric) DO UPDATE SET value = excluded.value`,
    )
    const upsert = {
      run: (organization: string, day: string, value: number) =>
        rollup.run(organization, day, projectId, value),
    }
    const total = (body: unknown) =>
      String(
        (body as { metric: string; usage: { value: number }[] }[])[0]!.usage.reduce(
          (sum, b) => sum + b.value,
          0,
        ),
      )
    const history = new History('0')
    let finished = false
    const path = `/organizations/${name}/usage?start_date=2024-01-01&end_date=2024-02-01&interval=day`
    const reading = readers(path, token, total).map((reader) => readUntil(reader, history, () => finished))
    let sum = 0
    try {
      for (let write = 1; write <= WRITES; write += 1) {
        // Day `write` of January gets `write` credits: the total says which writes an answer shows.
        sum += write
        history.pending = String(sum)
        upsert.run(id, `2024-01-${String(write).padStart(2, '0')}`, write)
        history.acknowledge(String(sum))
        history.pending = null
        for (const server of servers)
          history.check(
            'the writer',
            history.acknowledged,
            total((await request(server.url + path, token)).body),
          )
      }
    } finally {
      finished = true
      await Promise.all(reading)
      db.close()
    }
    expect(history.problems).toEqual([])
    expect(history.reads).toBeGreaterThan(WRITES * 2)
  }, 60_000)
})
