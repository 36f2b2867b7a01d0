// Crash safety: the real server process (node --import tsx server/server.ts) is killed with SIGKILL
// in the middle of a burst of concurrent writes, several times over one database file. After each
// kill the file must pass PRAGMA integrity_check, and every write the server answered 2xx must be
// there: acknowledged means durable. Writes cut off by the kill may or may not have landed; the
// test only requires that they left nothing half-done (the integrity and last-admin checks).
import Database from 'better-sqlite3'
import { randomInt } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { issueToken } from '../auth/issue-token'
import { integrityProblems, organizationsWithoutAdmin } from './hardening-fixtures'
import { removeDatabase, temporaryDatabasePath, uniqueEmail, uniqueName } from './helpers'
import { startServerProcess, type ServerProcess } from './process-helpers'

const KILLS = 4
const CLIENTS = 12

/** What the server acknowledged (2xx), and what it was asked that it may or may not have done. */
interface Ledger {
  /** Organization id → every name it was asked to take, in order, and how many of them were acknowledged. */
  organizations: Map<string, { names: string[]; acknowledged: number }>
  /** Acknowledged member additions (not removed since). */
  members: { organizationId: string; email: string; id: string }[]
  /** Acknowledged member removals. */
  removed: { organizationId: string; email: string }[]
  acknowledgedWrites: number
}

interface Round {
  acknowledged: number
  inFlightAtKill: number
}

async function write(
  server: ServerProcess,
  token: string,
  method: string,
  path: string,
  body: unknown,
  inFlight: { count: number },
): Promise<{ status: number; body: { id?: string } } | null> {
  inFlight.count += 1
  try {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Token ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : {} }
  } catch {
    return null // the server died with this request in flight: its outcome is unknown
  } finally {
    inFlight.count -= 1
  }
}

/**
 * One client: creates an organization, adds members, renames it, removes a member, adds another,
 * and starts over, until the server stops answering. Every step waits for the previous one, so
 * every acknowledged step is recorded before the next is sent.
 */
async function client(
  server: ServerProcess,
  token: string,
  ledger: Ledger,
  round: { acknowledged: number },
  inFlight: { count: number },
): Promise<void> {
  const acknowledge = () => {
    ledger.acknowledgedWrites += 1
    round.acknowledged += 1
  }
  for (;;) {
    let name = uniqueName('crash')
    const created = await write(
      server,
      token,
      'POST',
      '/organizations',
      { name, subscription: 'free' },
      inFlight,
    )
    if (!created) return
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const organizationId = created.body.id!
    const entry = { names: [name], acknowledged: 1 }
    ledger.organizations.set(organizationId, entry)
    acknowledge()

    for (const step of ['member', 'member', 'rename', 'remove', 'member'] as const) {
      if (step === 'remove') {
        // The first member added above leaves. Until the answer comes, its presence is unknown.
        const index = ledger.members.findIndex((m) => m.organizationId === organizationId)
        const [leaving] = ledger.members.splice(index, 1)
        const removed = await write(
          server,
          token,
          'DELETE',
          `/organizations/${name}/users/${leaving!.id}`,
          undefined,
          inFlight,
        )
        if (!removed) return
        expect(removed.status, JSON.stringify(removed.body)).toBe(204)
        ledger.removed.push({ organizationId, email: leaving!.email })
      } else if (step === 'rename') {
        const next = uniqueName('renamed')
        entry.names.push(next)
        const renamed = await write(
          server,
          token,
          'PATCH',
          `/organizations/${name}`,
          { name: next },
          inFlight,
        )
        if (!renamed) return
        expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
        entry.acknowledged = entry.names.length
        name = next
      } else {
        const email = uniqueEmail('crash')
        const added = await write(
          server,
          token,
          'POST',
          `/organizations/${name}/users`,
          { email, admin: randomInt(2) === 1 },
          inFlight,
        )
        if (!added) return
        expect(added.status, JSON.stringify(added.body)).toBe(201)
        ledger.members.push({ organizationId, email, id: added.body.id! })
      }
      acknowledge()
    }
  }
}

/** Every acknowledged write is in the file; the file is sound; every organization kept an admin. */
function checkDatabase(dbPath: string, ledger: Ledger): void {
  const db = new Database(dbPath)
  try {
    expect(integrityProblems(db)).toEqual([])
    expect(organizationsWithoutAdmin(db)).toEqual([])
    const nameOf = db.prepare('SELECT name FROM organizations WHERE id = ?').pluck()
    for (const [id, { names, acknowledged }] of ledger.organizations) {
      const name = nameOf.get(id) as string | undefined
      // The last acknowledged name, or a later one whose answer the kill cut off.
      expect(names.slice(acknowledged - 1), `organization ${id}`).toContain(name)
    }
    const member = db.prepare(
      'SELECT 1 FROM memberships JOIN users ON users.id = memberships.user_id WHERE organization_id = ? AND users.email = ?',
    )
    for (const { organizationId, email } of ledger.members)
      expect(member.get(organizationId, email), `${email} in ${organizationId}`).toBeTruthy()
    for (const { organizationId, email } of ledger.removed)
      expect(member.get(organizationId, email), `${email} removed from ${organizationId}`).toBeUndefined()
  } finally {
    db.close()
  }
}

const dbPath = temporaryDatabasePath('crash')
const running: ServerProcess[] = []
afterAll(async () => {
  for (const server of running)
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  await Promise.all(running.map((server) => server.exited))
  removeDatabase(dbPath)
})

describe('SIGKILL during a burst of concurrent writes', () => {
  it(`loses no acknowledged write and leaves a sound database, over ${KILLS} kills`, async () => {
    const tokens = Array.from({ length: CLIENTS }, () => issueToken(dbPath, uniqueEmail('writer')))
    const ledger: Ledger = { organizations: new Map(), members: [], removed: [], acknowledgedWrites: 0 }
    const rounds: Round[] = []

    for (let kill = 0; kill < KILLS; kill += 1) {
      const server = await startServerProcess(dbPath)
      running.push(server)
      const round = { acknowledged: 0, inFlightAtKill: 0 }
      const inFlight = { count: 0 }
      // Kill at a random point once the burst is well under way, while requests are in flight.
      const killAfter = 30 + randomInt(60)
      const killer = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (round.acknowledged < killAfter || inFlight.count === 0) return
          clearInterval(check)
          round.inFlightAtKill = inFlight.count
          server.child.kill('SIGKILL')
          resolve()
        }, 1)
      })
      const clients = Promise.all(tokens.map((token) => client(server, token, ledger, round, inFlight)))
      // A client that fails an expectation ends the test here rather than leaving the killer waiting.
      await Promise.race([
        killer,
        clients.then(() => Promise.reject(new Error('the clients stopped before the kill'))),
      ])
      await clients
      expect((await server.exited).signal).toBe('SIGKILL')
      rounds.push(round)
      checkDatabase(dbPath, ledger)
    }

    // A last start on the same file: the server opens it, and serves every acknowledged write.
    const server = await startServerProcess(dbPath)
    running.push(server)
    const staff = issueToken(dbPath, uniqueEmail('auditor'), { staff: true })
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Token ${staff}` } })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    for (const [id, { names, acknowledged }] of ledger.organizations) {
      const candidates = names.slice(acknowledged - 1)
      const found = await Promise.all(candidates.map((name) => get(`/organizations/${name}`)))
      const hit = found.find((answer) => answer.status === 200)
      expect(hit, `organization ${id} (${candidates.join(' or ')})`).toBeDefined()
      expect((hit!.body as { id: string }).id).toBe(id)
    }
    const membersByOrganization = new Map<string, Set<string>>()
    for (const [id, { names, acknowledged }] of ledger.organizations) {
      for (const name of names.slice(acknowledged - 1)) {
        const answer = await get(`/organizations/${name}/users`)
        if (answer.status === 200)
          membersByOrganization.set(id, new Set((answer.body as { email: string }[]).map((m) => m.email)))
      }
    }
    for (const { organizationId, email } of ledger.members)
      expect(membersByOrganization.get(organizationId)?.has(email), email).toBe(true)
    for (const { organizationId, email } of ledger.removed)
      expect(membersByOrganization.get(organizationId)?.has(email), `${email} removed`).toBe(false)
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })

    const cutOff = rounds.reduce((sum, round) => sum + round.inFlightAtKill, 0)
    const renames = [...ledger.organizations.values()].reduce((sum, o) => sum + o.acknowledged - 1, 0)
    console.log(
      `crash safety: ${ledger.acknowledgedWrites} acknowledged writes (${ledger.organizations.size} organizations, ` +
        `${ledger.members.length} members added, ${ledger.removed.length} removed, ${renames} renames) across ${KILLS} SIGKILLs; per round ${rounds.map((r) => r.acknowledged).join('/')} ` +
        `acknowledged, ${cutOff} requests in flight at the kills; integrity_check ok and all present`,
    )
    expect(rounds.every((round) => round.inFlightAtKill > 0)).toBe(true)
  }, 120_000)
})
