// Model-based testing of who may do what, across arbitrary sequences of state changes: random
// sequences of creates, renames, member additions, promotions, demotions and removals by four users
// and one staff member are run against the server (app.inject(), a real SQLite file) and against a
// tiny model of shared/API.md's rules. Every answer must be the one the model predicts, and every
// read must show exactly the model's state. The fuzz test resets its world after each success;
// this one follows the consequences: a demoted admin loses their rights at once, a removed member
// sees a 404, an old name is a 404 after a rename, the last admin can neither leave nor step down.
//
// MODEL_RUNS=500 npx vitest run server/test/hardening-model.test.ts   (default 150 sequences)
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrityProblems, organizationsWithoutAdmin } from './hardening-fixtures'
import { createTestApi, type Caller, type TestApi } from './helpers'

const RUNS = Number(process.env.MODEL_RUNS ?? 150)
const USERS = 4 // actors 0..3 are ordinary users; actor 4 is platform staff
const STAFF = USERS
const NAMES = ['alpha', 'beta', 'gamma'] as const

interface ModelOrganization {
  name: string
  /** user index → admin */
  members: Map<number, boolean>
}

interface Model {
  organizations: ModelOrganization[]
}

interface Real {
  api: TestApi
  /** Index 0..3 the users, 4 the staff member; fresh users for every sequence. */
  callers: Caller[]
  /** Unique per sequence, so that sequences do not meet in the shared database. */
  prefix: string
  requests: { count: number }
}

type Command = fc.AsyncCommand<Model, Real>

const byName = (model: Model, name: string) => model.organizations.find((o) => o.name === name)

/** The organization as `actor` may see it at `access`, or the status the server must answer. */
function access(
  model: Model,
  actor: number,
  name: string,
  level: 'member' | 'admin',
): ModelOrganization | 404 | 403 {
  const organization = byName(model, name)
  if (!organization) return 404
  if (actor === STAFF) return organization
  if (!organization.members.has(actor)) return 404
  if (level === 'admin' && !organization.members.get(actor)) return 403
  return organization
}

const adminCount = (organization: ModelOrganization) =>
  [...organization.members.values()].filter(Boolean).length

async function send(
  real: Real,
  actor: number,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) {
  real.requests.count += 1
  return real.api.call(real.callers[actor]!, method, path, body)
}

const fullName = (real: Real, name: string) => `${real.prefix}-${name}`

class Create implements Command {
  constructor(
    readonly actor: number,
    readonly name: string,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const response = await send(real, this.actor, 'POST', '/organizations', {
      name: fullName(real, this.name),
      subscription: 'free',
    })
    const expected = byName(model, this.name) ? 400 : 201
    expect(response.status, `${this} → ${response.raw}`).toBe(expected)
    if (expected === 201)
      model.organizations.push({ name: this.name, members: new Map([[this.actor, true]]) })
  }
  toString = () => `create(${this.actor}, ${this.name})`
}

class Rename implements Command {
  constructor(
    readonly actor: number,
    readonly from: string,
    readonly to: string,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const response = await send(real, this.actor, 'PATCH', `/organizations/${fullName(real, this.from)}`, {
      name: fullName(real, this.to),
    })
    const found = access(model, this.actor, this.from, 'admin')
    const holder = byName(model, this.to)
    const expected = typeof found === 'number' ? found : holder && holder !== found ? 400 : 200
    expect(response.status, `${this} → ${response.raw}`).toBe(expected)
    if (expected === 200) (found as ModelOrganization).name = this.to
  }
  toString = () => `rename(${this.actor}, ${this.from} → ${this.to})`
}

class AddMember implements Command {
  constructor(
    readonly actor: number,
    readonly name: string,
    readonly target: number,
    readonly admin: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const response = await send(
      real,
      this.actor,
      'POST',
      `/organizations/${fullName(real, this.name)}/users`,
      {
        email: real.callers[this.target]!.email.toUpperCase(), // emails compare case-insensitively
        admin: this.admin,
      },
    )
    const found = access(model, this.actor, this.name, 'admin')
    const expected = typeof found === 'number' ? found : found.members.has(this.target) ? 400 : 201
    expect(response.status, `${this} → ${response.raw}`).toBe(expected)
    if (expected === 201) {
      expect(response.body).toMatchObject({ id: real.callers[this.target]!.id, admin: this.admin })
      ;(found as ModelOrganization).members.set(this.target, this.admin)
    }
  }
  toString = () => `add(${this.actor}, ${this.name}, user ${this.target}, admin ${this.admin})`
}

class SetAdmin implements Command {
  constructor(
    readonly actor: number,
    readonly name: string,
    readonly target: number,
    readonly admin: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const path = `/organizations/${fullName(real, this.name)}/users/${real.callers[this.target]!.id}`
    const response = await send(real, this.actor, 'PATCH', path, { admin: this.admin })
    const found = access(model, this.actor, this.name, 'admin')
    let expected: number
    if (typeof found === 'number') expected = found
    else if (!found.members.has(this.target)) expected = 404
    else if (found.members.get(this.target) && !this.admin && adminCount(found) <= 1) expected = 400
    else expected = 200
    expect(response.status, `${this} → ${response.raw}`).toBe(expected)
    if (expected === 400) expect(response.body.error).toMatch(/last admin/)
    if (expected === 200) (found as ModelOrganization).members.set(this.target, this.admin)
  }
  toString = () => `${this.admin ? 'promote' : 'demote'}(${this.actor}, ${this.name}, user ${this.target})`
}

class Remove implements Command {
  constructor(
    readonly actor: number,
    readonly name: string,
    readonly target: number,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const path = `/organizations/${fullName(real, this.name)}/users/${real.callers[this.target]!.id}`
    const response = await send(real, this.actor, 'DELETE', path)
    const found = access(model, this.actor, this.name, 'admin')
    let expected: number
    if (typeof found === 'number') expected = found
    else if (!found.members.has(this.target)) expected = 404
    else if (found.members.get(this.target) && adminCount(found) <= 1) expected = 400
    else expected = 204
    expect(response.status, `${this} → ${response.raw}`).toBe(expected)
    if (expected === 204) (found as ModelOrganization).members.delete(this.target)
  }
  toString = () => `remove(${this.actor}, ${this.name}, user ${this.target})`
}

/** Reads by one actor: what they may see, and that it is exactly the model's state. */
class Read implements Command {
  constructor(
    readonly actor: number,
    readonly name: string,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const found = access(model, this.actor, this.name, 'member')
    const detail = await send(real, this.actor, 'GET', `/organizations/${fullName(real, this.name)}`)
    const members = await send(real, this.actor, 'GET', `/organizations/${fullName(real, this.name)}/users`)
    const expected = typeof found === 'number' ? 404 : 200
    expect(detail.status, `${this} detail → ${detail.raw}`).toBe(expected)
    expect(members.status, `${this} members → ${members.raw}`).toBe(expected)
    if (typeof found !== 'number') {
      const seen = (members.body as { id: string; admin: boolean }[]).map((m) => `${m.id}:${m.admin}`).sort()
      const modelled = [...found.members].map(([user, admin]) => `${real.callers[user]!.id}:${admin}`).sort()
      expect(seen, `${this} members`).toEqual(modelled)
    }
    if (this.actor !== STAFF) {
      const listed = await send(real, this.actor, 'GET', '/organizations')
      const mine = (listed.body as { name: string }[])
        .map((o) => o.name)
        .filter((name) => name.startsWith(`${real.prefix}-`))
      const modelled = model.organizations
        .filter((o) => o.members.has(this.actor))
        .map((o) => fullName(real, o.name))
        .sort()
      expect(mine, `${this} list`).toEqual(modelled)
    }
  }
  toString = () => `read(${this.actor}, ${this.name})`
}

const actor = fc.integer({ min: 0, max: STAFF })
const user = fc.integer({ min: 0, max: USERS - 1 })
const name = fc.constantFrom(...NAMES)
const commands = [
  fc.tuple(user, name).map(([a, n]) => new Create(a, n)),
  fc.tuple(user, name).map(([a, n]) => new Create(a, n)),
  fc.tuple(actor, name, name).map(([a, from, to]) => new Rename(a, from, to)),
  fc.tuple(actor, name, user, fc.boolean()).map(([a, n, t, admin]) => new AddMember(a, n, t, admin)),
  fc.tuple(actor, name, user, fc.boolean()).map(([a, n, t, admin]) => new SetAdmin(a, n, t, admin)),
  fc.tuple(actor, name, user, fc.boolean()).map(([a, n, t, admin]) => new SetAdmin(a, n, t, admin)),
  fc.tuple(actor, name, user).map(([a, n, t]) => new Remove(a, n, t)),
  fc.tuple(actor, name).map(([a, n]) => new Read(a, n)),
]

let api: TestApi
let staff: Caller
beforeAll(async () => {
  api = await createTestApi()
  staff = api.user({ staff: true })
})
afterAll(async () => api.close())

describe('who may do what, after any sequence of changes', () => {
  it(`matches a model of the rules on every answer (${RUNS} random sequences)`, async () => {
    const requests = { count: 0 }
    let sequence = 0
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 60, size: '+1' }), async (run) => {
        sequence += 1
        const setup = () => ({
          model: { organizations: [] } as Model,
          real: {
            api,
            callers: [...Array.from({ length: USERS }, () => api.user()), staff],
            prefix: `m${sequence}-${Math.random().toString(36).slice(2, 8)}`,
            requests,
          },
        })
        await fc.asyncModelRun(setup, run)
      }),
      { numRuns: RUNS },
    )
    console.log(`model: ${RUNS} sequences, ${requests.count} requests, every answer as the model predicted`)
    expect(organizationsWithoutAdmin(api.app.db)).toEqual([])
    expect(integrityProblems(api.app.db)).toEqual([])
  }, 120_000)
})
