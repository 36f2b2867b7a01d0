// A person's sign-in (shared/API.md, "Signing in"), step by step, against a real database and a
// fake clock: POST /oauth/sign-in, POST /authorize with and without the two-factor code, Bearer.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_AUTH_OPTIONS } from '../auth/authenticate'
import { totpCode } from '../auth/totp'
import { setUserCredentials } from '../auth/user-credentials'
import { credentialsRepository } from '../repositories/credentials'
import { createTestApi, uniqueEmail, type TestApi } from './helpers'

// Every sign-in runs the real scrypt (32 MiB, ~0.2 s on an idle core, several seconds per test
// when the machine is busy): more room than the server project's 20 s default.
vi.setConfig({ testTimeout: 60_000 })

const START = Date.parse('2026-11-30T12:00:00.000Z')
const clock = { now: START }
const logLines: string[] = []
let api: TestApi

beforeAll(async () => {
  api = await createTestApi({
    auth: {
      now: () => clock.now,
      signIn: { perPair: 4, perEmail: 4, emailPaceMs: 0, perAddress: 1000, windowMs: 60_000 },
    },
    logger: {
      level: 'trace',
      stream: new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk))
          done()
        },
      }),
    },
  })
})
afterAll(() => api.close())

/** Every answer's raw body, to check that none repeats a secret. */
const answers: string[] = []
async function post(path: string, body: unknown, ip = '127.0.0.1') {
  const response = await api.app.inject({
    method: 'POST',
    url: `/v2.1${path}`,
    payload: body as object,
    remoteAddress: ip,
  })
  answers.push(response.body, JSON.stringify(response.headers))
  return { status: response.statusCode, body: response.json(), headers: response.headers }
}
async function me(access: string) {
  const response = await api.app.inject({
    method: 'GET',
    url: '/v2.1/user',
    headers: { authorization: `Bearer ${access}` },
  })
  answers.push(response.body)
  return { status: response.statusCode, body: response.json() }
}

async function person(options: { totp?: boolean } = {}) {
  const email = uniqueEmail('person')
  const password = `pw-${email}`
  const result = await setUserCredentials(api.dbPath, { email, password, totp: options.totp ?? false })
  return { email, password, secret: result.totp?.secret ?? null }
}

describe('sign-in without two-factor authentication', () => {
  it('says the account signs in with ubiops, answers an access token, and Bearer names the person', async () => {
    const { email, password } = await person()
    expect(await post('/oauth/sign-in', { email })).toMatchObject({
      status: 200,
      body: { provider: 'ubiops', url: null },
    })
    const signedIn = await post('/authorize', { email: email.toUpperCase(), password })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.access).toMatch(/^[0-9a-f]{64}$/)
    expect(await me(signedIn.body.access)).toMatchObject({ status: 200, body: { email } })
    // The same endpoints as with an API token.
    const organizations = await api.app.inject({
      method: 'GET',
      url: '/v2.1/organizations',
      headers: { authorization: `Bearer ${signedIn.body.access}` },
    })
    expect(organizations.statusCode).toBe(200)
  })

  it('stores access tokens hashed', async () => {
    const { email, password } = await person()
    const { body } = await post('/authorize', { email, password })
    const rows = api.app.db.prepare('SELECT hash FROM access_tokens').all() as { hash: string }[]
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((row) => row.hash)).not.toContain(body.access)
    const dump = JSON.stringify(api.app.db.prepare('SELECT * FROM users WHERE email = ?').get(email))
    expect(dump).not.toContain(password)
    expect(dump).toMatch(/scrypt\$32768\$8\$3\$/)
  })

  it('refuses a wrong password, and an unknown email, with the same sentence', async () => {
    const { email } = await person()
    const wrong = await post('/authorize', { email, password: 'not-the-password' })
    const unknown = await post('/authorize', { email: uniqueEmail('nobody'), password: 'whatever-it-is' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
    expect(wrong.body.error).toBe('The email or password is not right.')
    // /oauth/sign-in does not tell an unknown email apart either.
    expect((await post('/oauth/sign-in', { email: uniqueEmail('nobody') })).body).toEqual({
      provider: 'ubiops',
      url: null,
    })
  })

  it('refuses a user who has no password (API-token users) like a wrong password', async () => {
    const tokenUser = api.user()
    const response = await post('/authorize', { email: tokenUser.email, password: 'anything-at-all' })
    expect(response).toMatchObject({ status: 401, body: { error: 'The email or password is not right.' } })
  })

  it('tells an external identity provider apart, and does not sign its accounts in here', async () => {
    const { email, password } = await person()
    credentialsRepository(api.app.db).setProvider(email, 'azure-ad', 'https://login.example/sso')
    expect((await post('/oauth/sign-in', { email })).body).toEqual({
      provider: 'azure-ad',
      url: 'https://login.example/sso',
    })
    expect((await post('/authorize', { email, password })).status).toBe(401)
  })

  it('checks the body: missing and mistyped fields are a 400 naming them', async () => {
    const response = await post('/authorize', { email: 5 })
    expect(response.status).toBe(400)
    expect(response.body.error).toMatch(/email/)
    expect(response.body.error).toMatch(/password/)
    expect((await post('/oauth/sign-in', {})).status).toBe(400)
  })
})

describe('two-factor authentication', () => {
  it('asks for the code, then takes the right one, once', async () => {
    const { email, password, secret } = await person({ totp: true })
    const asked = await post('/authorize', { email, password })
    expect(asked.status).toBe(401)
    expect(asked.body.error).toContain('two factor authentication')

    const code = await totpCode(secret!, clock.now)
    const signedIn = await post('/authorize', { email, password, token: code })
    expect(signedIn.status).toBe(200)
    expect((await me(signedIn.body.access)).status).toBe(200)

    // The same code again (a replay), even within its 30 seconds: refused.
    clock.now += 5_000
    const replayed = await post('/authorize', { email, password, token: code })
    expect(replayed.status).toBe(401)
    expect(replayed.body.error).toContain('two factor authentication code is not right')
    // The next step's code is fine.
    clock.now += 30_000
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now) })).status,
    ).toBe(200)
  })

  it('refuses a wrong code, and a code with a wrong password says nothing about the code', async () => {
    const { email, password, secret } = await person({ totp: true })
    const code = await totpCode(secret!, clock.now)
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    expect((await post('/authorize', { email, password, token: wrongCode })).status).toBe(401)
    expect((await post('/authorize', { email, password, token: 'abcdef' })).status).toBe(401)
    const wrongPassword = await post('/authorize', { email, password: 'wrong-password', token: code })
    expect(wrongPassword.body.error).toBe('The email or password is not right.')
    // The right one still works after those.
    expect((await post('/authorize', { email, password, token: code })).status).toBe(200)
  })

  it('allows one step of clock drift either way, not two', async () => {
    const { email, password, secret } = await person({ totp: true })
    const stepMs = 30_000
    // The phone is one step behind, then one ahead: both accepted (each a new step).
    clock.now += 10 * stepMs
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now - stepMs) }))
        .status,
    ).toBe(200)
    clock.now += 10 * stepMs
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now + stepMs) }))
        .status,
    ).toBe(200)
    // Two steps away either way: refused.
    clock.now += 10 * stepMs
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now - 2 * stepMs) }))
        .status,
    ).toBe(401)
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now + 2 * stepMs) }))
        .status,
    ).toBe(401)
  })

  it('after a code ahead of the clock was used, an older step is not accepted either', async () => {
    const { email, password, secret } = await person({ totp: true })
    clock.now += 300_000
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now + 30_000) }))
        .status,
    ).toBe(200)
    expect(
      (await post('/authorize', { email, password, token: await totpCode(secret!, clock.now) })).status,
    ).toBe(401)
  })
})

describe('access tokens', () => {
  it('expire 12 hours after issue: every call is then a 401 that says so', async () => {
    const { email, password } = await person()
    const { body } = await post('/authorize', { email, password })
    clock.now += DEFAULT_AUTH_OPTIONS.accessTokenLifetimeMs - 1
    expect((await me(body.access)).status).toBe(200)
    clock.now += 1
    const expired = await me(body.access)
    expect(expired.status).toBe(401)
    expect(expired.body.error).toMatch(/expired/)
    // Signing in again gives a new one.
    const again = await post('/authorize', { email, password })
    expect((await me(again.body.access)).status).toBe(200)
  })

  it('refuses an unknown access token, and an API token sent as Bearer', async () => {
    expect((await me('f'.repeat(64))).status).toBe(401)
    const tokenUser = api.user()
    expect((await me(tokenUser.token)).status).toBe(401)
    // API tokens keep working as before.
    expect((await api.call(tokenUser, 'GET', '/user')).status).toBe(200)
  })
})

describe('sessions that end', () => {
  it('a new password (npm run api:user) makes every access token issued before it a 401', async () => {
    const { email, password } = await person()
    const first = await post('/authorize', { email, password })
    const second = await post('/authorize', { email, password }, '10.0.6.1')
    expect((await me(first.body.access)).status).toBe(200)
    await setUserCredentials(api.dbPath, { email, password: `${password}-new` })
    expect((await me(first.body.access)).status).toBe(401)
    expect((await me(second.body.access)).status).toBe(401)
    expect((await post('/authorize', { email, password: `${password}-new` })).status).toBe(200)
  })

  it("a removed user's access tokens are a 401", async () => {
    const { email, password } = await person()
    const { body } = await post('/authorize', { email, password })
    api.app.db.prepare('DELETE FROM users WHERE email = ?').run(email)
    expect((await me(body.access)).status).toBe(401)
  })

  it('POST /oauth/sign-out ends the session: the token is a 401 after it, other sessions go on', async () => {
    const { email, password } = await person()
    const ending = (await post('/authorize', { email, password })).body.access
    const other = (await post('/authorize', { email, password })).body.access
    const signOut = await api.app.inject({
      method: 'POST',
      url: '/v2.1/oauth/sign-out',
      headers: { authorization: `Bearer ${ending}` },
    })
    expect(signOut.statusCode).toBe(204)
    expect((await me(ending)).status).toBe(401)
    expect((await me(other)).status).toBe(200)
    const withApiToken = await api.call(api.user(), 'POST', '/oauth/sign-out')
    expect(withApiToken.status).toBe(400)
    expect(withApiToken.body.error).toMatch(/API token/)
  })
})

describe('limits on failed sign-ins', () => {
  it('answer 429 with Retry-After after 4 failures of one email from one address, until the window passes', async () => {
    const { email, password } = await person()
    for (let attempt = 0; attempt < 4; attempt += 1)
      expect((await post('/authorize', { email, password: 'wrong-password' }, '10.0.0.9')).status).toBe(401)
    const limited = await post('/authorize', { email, password }, '10.0.0.9')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.body.error).toMatch(/Too many failed sign-ins/)
    clock.now += 60_001
    expect((await post('/authorize', { email, password }, '10.0.0.9')).status).toBe(200)
  })

  it('let the right password from an address that has not failed in while an attack on the email goes on', async () => {
    const { email, password } = await person()
    const burst = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post('/authorize', { email, password: `guess-${i}` }, `10.0.2.${i % 3}`),
      ),
    )
    expect(burst.filter((answer) => answer.status === 429)).toHaveLength(3)
    expect((await post('/authorize', { email, password }, '10.0.3.1')).status).toBe(200)
  })

  it('hold under a burst: 60 wrong passwords at once are refused past the limit', async () => {
    const { email } = await person()
    const statuses = (
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => post('/authorize', { email, password: `g${i}` }, '10.0.4.1')),
      )
    ).map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(4)
    expect(statuses.filter((status) => status === 429)).toHaveLength(56)
  })

  it('hold under a burst: 60 wrong codes with the right password at once are refused past the limit', async () => {
    const { email, password, secret } = await person({ totp: true })
    const code = await totpCode(secret!, clock.now)
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const statuses = (
      await Promise.all(
        Array.from({ length: 60 }, () =>
          post('/authorize', { email, password, token: wrongCode }, '10.0.5.1'),
        ),
      )
    ).map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(4)
    expect(statuses.filter((status) => status === 429)).toHaveLength(56)
  })

  it('limit an unknown email exactly like a known one', async () => {
    const email = uniqueEmail('nobody')
    for (let attempt = 0; attempt < 4; attempt += 1)
      expect((await post('/authorize', { email, password: 'wrong-password' })).status).toBe(401)
    expect((await post('/authorize', { email, password: 'wrong-password' })).status).toBe(429)
  })

  it('limit one address across emails', async () => {
    const limited = await createTestApi({
      auth: { signIn: { perEmail: 100, perAddress: 3, windowMs: 60_000 } },
    })
    try {
      const call = (email: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/v2.1/authorize',
          payload: { email, password: 'wrong-password' },
          remoteAddress: '192.0.2.7',
        })
      for (let attempt = 0; attempt < 3; attempt += 1)
        expect((await call(uniqueEmail('guess'))).statusCode).toBe(401)
      const refused = await call(uniqueEmail('guess'))
      expect(refused.statusCode).toBe(429)
      expect(refused.headers['retry-after']).toBeDefined()
      const other = await limited.app.inject({
        method: 'POST',
        url: '/v2.1/authorize',
        payload: { email: uniqueEmail('guess'), password: 'wrong-password' },
        remoteAddress: '192.0.2.8',
      })
      expect(other.statusCode).toBe(401)
    } finally {
      await limited.close()
    }
  })
})

describe('secrets stay secret', () => {
  it('no answer and no log line contains a password, a code or a token', async () => {
    const { email, password, secret } = await person({ totp: true })
    clock.now += 3_600_000
    await post('/authorize', { email, password: `${password}-wrong` })
    await post('/authorize', { email, password })
    const code = await totpCode(secret!, clock.now)
    const { body } = await post('/authorize', { email, password, token: code })
    await post('/authorize', { email, password, token: code })
    await me(body.access)
    await me(`${body.access.slice(0, 60)}beef`)
    const secrets = [password, `${password}-wrong`, code, secret!, body.access]
    const everything = [...answers.filter((answer) => !answer.includes('"access"')), ...logLines].join('\n')
    expect(logLines.length).toBeGreaterThan(0)
    for (const value of secrets) expect(everything).not.toContain(value)
  })
})
