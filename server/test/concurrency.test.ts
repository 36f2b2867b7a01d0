// The last-admin rule under real concurrency: two admins demoting (or removing) each other at the
// same instant, through one server and through two server processes sharing the database file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app'
import { issueToken } from '../auth/issue-token'
import { removeDatabase, temporaryDatabasePath, uniqueEmail, uniqueName } from './helpers'
import { request, startServerProcess, type ServerProcess } from './process-helpers'

const ROUNDS = 8

/** An organization with exactly two admins; returns their tokens and ids. */
async function twoAdmins(url: string, dbPath: string) {
  const [emailA, emailB] = [uniqueEmail('a'), uniqueEmail('b')]
  const tokenA = issueToken(dbPath, emailA)
  const tokenB = issueToken(dbPath, emailB)
  const name = uniqueName('race')
  expect((await request(`${url}/organizations`, tokenA, 'POST', { name, subscription: 'free' })).status).toBe(
    201,
  )
  const added = await request(`${url}/organizations/${name}/users`, tokenA, 'POST', {
    email: emailB,
    admin: true,
  })
  expect(added.status).toBe(201)
  const me = await request(`${url}/user`, tokenA)
  return { name, tokenA, tokenB, idA: me.body.id as string, idB: added.body.id as string }
}

async function raceRound(
  urlA: string,
  urlB: string,
  dbPath: string,
  action: 'demote' | 'remove',
  actors: 'each other' | 'two staff',
) {
  const { name, tokenA, tokenB, idA, idB } = await twoAdmins(urlA, dbPath)
  // Staff pass every access check, so only the last-admin check inside the transaction can stop them.
  const [actorA, actorB] =
    actors === 'each other'
      ? [tokenA, tokenB]
      : [
          issueToken(dbPath, uniqueEmail('staff'), { staff: true }),
          issueToken(dbPath, uniqueEmail('staff'), { staff: true }),
        ]
  const act = (url: string, token: string, target: string) =>
    action === 'demote'
      ? request(`${url}/organizations/${name}/users/${target}`, token, 'PATCH', { admin: false })
      : request(`${url}/organizations/${name}/users/${target}`, token, 'DELETE')
  const results = await Promise.all([act(urlA, actorA, idB), act(urlB, actorB, idA)])
  const statuses = results.map((r) => r.status).sort()
  const staff = issueToken(dbPath, uniqueEmail('checker'), { staff: true })
  const members = await request(`${urlA}/organizations/${name}/users`, staff)
  const admins = (members.body as { admin: boolean }[]).filter((m) => m.admin)
  return {
    statuses,
    admins: admins.length,
    loser: results.find((r) => r.status >= 400)?.body.error as string,
  }
}

/**
 * Exactly one request wins. When the admins act on each other, the loser may also be refused
 * because the winner already took its right (403) or its membership (404); both leave one admin.
 */
function expectOneWinner(
  outcome: { statuses: number[]; admins: number; loser: string },
  action: 'demote' | 'remove',
  actors: 'each other' | 'two staff',
) {
  const success = action === 'demote' ? 200 : 204
  expect(outcome.statuses[0]).toBe(success)
  if (actors === 'two staff') expect(outcome.statuses[1]).toBe(400)
  else expect([400, 403, 404]).toContain(outcome.statuses[1])
  if (outcome.statuses[1] === 400) expect(outcome.loser).toMatch(/is the last admin/)
  expect(outcome.admins).toBe(1)
}

const CASES = [
  ['demote', 'each other'],
  ['remove', 'each other'],
  ['demote', 'two staff'],
  ['remove', 'two staff'],
] as const

describe('two admins demoting each other at once', () => {
  describe('through one server', () => {
    const dbPath = temporaryDatabasePath('race-one')
    const app = buildApp({ dbPath })
    let url = ''
    beforeAll(async () => {
      url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/v2.1`
    })
    afterAll(async () => {
      await app.close()
      removeDatabase(dbPath)
    })

    it.each(CASES)('%s by %s: exactly one wins and one admin is left', async (action, actors) => {
      for (let round = 0; round < ROUNDS; round += 1)
        expectOneWinner(await raceRound(url, url, dbPath, action, actors), action, actors)
    })
  })

  describe('through two server processes on one database file', () => {
    const dbPath = temporaryDatabasePath('race-two')
    let servers: ServerProcess[] = []
    beforeAll(async () => {
      // One first, so that the migrations run once before the second opens the file.
      servers = [await startServerProcess(dbPath)]
      servers.push(await startServerProcess(dbPath))
    }, 60_000)
    afterAll(async () => {
      for (const server of servers) server.child.kill('SIGTERM')
      await Promise.all(servers.map((server) => server.exited))
      removeDatabase(dbPath)
    })

    it('two creators of one name at once: one 201, one 400 that says the name is taken', async () => {
      const [first, second] = servers as [ServerProcess, ServerProcess]
      for (let round = 0; round < ROUNDS; round += 1) {
        const name = uniqueName('same')
        const [a, b] = [issueToken(dbPath, uniqueEmail('a')), issueToken(dbPath, uniqueEmail('b'))]
        const results = await Promise.all([
          request(`${first.url}/organizations`, a, 'POST', { name, subscription: 'free' }),
          request(`${second.url}/organizations`, b, 'POST', { name, subscription: 'free' }),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([201, 400])
        expect(results.find((r) => r.status === 400)!.body.error).toContain('already exists')
      }
    })

    it.each(CASES)('%s by %s: exactly one wins and one admin is left', async (action, actors) => {
      const [first, second] = servers as [ServerProcess, ServerProcess]
      for (let round = 0; round < ROUNDS; round += 1)
        expectOneWinner(await raceRound(first.url, second.url, dbPath, action, actors), action, actors)
    })
  })
})
