// The real commands: `npm run api` (server/server.ts) and `npm run api:token` (server/cli/token.ts).
import { afterAll, describe, expect, it } from 'vitest'
import { totpCode } from '../auth/totp'
import { DEMO } from '../db/seed'
import { removeDatabase, temporaryDatabasePath, uniqueEmail, uniqueName } from './helpers'
import { request, runToCompletion, startServerProcess } from './process-helpers'

const databases: string[] = []
function database(label: string): string {
  const path = temporaryDatabasePath(label)
  databases.push(path)
  return path
}
afterAll(() => databases.forEach(removeDatabase))

/** A POST without credentials (the sign-in endpoints). */
async function post(url: string, body: unknown): Promise<{ status: number; body: { error?: string } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as { error?: string } }
}

async function token(dbPath: string, email: string, staff = false): Promise<string> {
  const result = await runToCompletion(
    'server/cli/token.ts',
    ['--email', email, ...(staff ? ['--staff'] : [])],
    {
      DATABASE_PATH: dbPath,
    },
  )
  expect(result.code, result.stderr).toBe(0)
  return result.stdout.trim().split('\n').at(-1)!
}

describe('npm run api', () => {
  it('keeps what was written after the process is killed (SIGKILL), and restarts on it', async () => {
    const dbPath = database('restart')
    const first = await startServerProcess(dbPath)
    const admin = await token(dbPath, uniqueEmail('admin'))
    const name = uniqueName('durable')
    expect(
      (await request(`${first.url}/organizations`, admin, 'POST', { name, subscription: 'free' })).status,
    ).toBe(201)
    const member = uniqueEmail('member')
    expect(
      (await request(`${first.url}/organizations/${name}/users`, admin, 'POST', { email: member })).status,
    ).toBe(201)
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')

    const second = await startServerProcess(dbPath)
    try {
      const detail = await request(`${second.url}/organizations/${name}`, admin)
      expect(detail.status).toBe(200)
      const members = await request(`${second.url}/organizations/${name}/users`, admin)
      expect(members.body.map((m: { email: string }) => m.email)).toContain(member)
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })

  it('speaks the generation of --api-generation or API_GENERATION (default 2022), and refuses another', async () => {
    for (const [options, expected] of [
      [{}, '2022'],
      [{ env: { API_GENERATION: 'current' } }, 'current'],
      [{ args: ['--api-generation', 'current'], env: { API_GENERATION: '2022' } }, 'current'],
    ] as const) {
      const server = await startServerProcess(database('generation'), options)
      try {
        expect(server.output()).toContain(`(the ${expected} generation of v2.1)`)
        const document = (await request(`${server.url}/openapi.json`, '')).body
        expect(document.info['x-api-generation']).toBe(expected)
      } finally {
        server.child.kill('SIGTERM')
        await server.exited
      }
    }
    const refused = await runToCompletion('server/server.ts', ['--api-generation', '2024'], {
      DATABASE_PATH: database('generation-refused'),
      PORT: '0',
    })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('API generation: use "2022" or "current" (got "2024")')
    // Four processes started one after another: seconds each under load, more than the default 20 s.
  }, 60_000)

  it.each(['SIGTERM', 'SIGINT'] as const)('shuts down cleanly on %s', async (signal) => {
    const server = await startServerProcess(database('signal'))
    server.child.kill(signal)
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(server.output()).toContain(`${signal}: closing the API server`)
  })

  // Two child processes, one of which seeds, and several scrypt hashes (about 0.2 s each on an idle
  // core, seconds under load): more than the default 20 s on a busy machine.
  it('seeds an empty database on first start and prints how to sign in as the demo admin', async () => {
    const dbPath = database('seeded')
    const server = await startServerProcess(dbPath, { seed: true })
    try {
      expect(server.output()).toContain(`Sign in as the demo admin (${DEMO.adminEmail})`)
      const demoToken = /with this API token:\s+(\S+)/.exec(server.output())![1]!
      const organizations = await request(`${server.url}/organizations`, demoToken)
      expect(organizations.body.map((o: { name: string }) => o.name)).toEqual([...DEMO.organizations].sort())

      // The printed demo password signs the admin in; the member needs a code from the printed secret.
      const password = new RegExp(`Sign in with a password: ${DEMO.adminEmail} / (\\S+)`).exec(
        server.output(),
      )![1]!
      const signedIn = await post(`${server.url}/authorize`, { email: DEMO.adminEmail, password })
      expect(signedIn.status).toBe(200)
      const [, memberPassword, secret] = /: \S+ \/ (\S+), codes from secret (\S+)/.exec(server.output())!
      const asked = await post(`${server.url}/authorize`, {
        email: DEMO.memberEmail,
        password: memberPassword,
      })
      expect(asked.body.error).toContain('two factor authentication')
      const code = await totpCode(secret!, Date.now())
      const withCode = await post(`${server.url}/authorize`, {
        email: DEMO.memberEmail,
        password: memberPassword,
        token: code,
      })
      expect(withCode.status).toBe(200)
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
    // The second start finds data and does not seed again.
    const again = await startServerProcess(dbPath, { seed: true })
    again.child.kill('SIGTERM')
    await again.exited
    expect(again.output()).not.toContain('Seeded demo data')
    // The demo password is still printed on later starts, as long as it is still the password.
    expect(again.output()).toContain(`Sign in with a password: ${DEMO.adminEmail} / `)
    expect(again.output()).toContain(`npm run api:token -- --email ${DEMO.adminEmail}`)
  }, 60_000)

  it('does not seed with SKIP_SEED=1', async () => {
    const dbPath = database('unseeded')
    const server = await startServerProcess(dbPath)
    try {
      const staff = await token(dbPath, uniqueEmail('staff'), true)
      const response = await request(`${server.url}/organizations/${DEMO.largeOrganization}`, staff)
      expect(response.status).toBe(404)
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  })
})

describe('npm run api:user', () => {
  it('creates a user who signs in with the password; --totp prints the URI and the secret last', async () => {
    const dbPath = database('user')
    const server = await startServerProcess(dbPath)
    try {
      const email = uniqueEmail('person')
      const created = await runToCompletion(
        'server/cli/user.ts',
        ['--email', email, '--password', 'first-password', '--totp'],
        { DATABASE_PATH: dbPath },
      )
      expect(created.code, created.stderr).toBe(0)
      const lines = created.stdout.trim().split('\n')
      const [uri, secret] = lines.slice(-2) as [string, string]
      expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=/)
      expect(uri).toContain(`secret=${secret}`)
      expect(created.stdout).not.toContain('first-password')
      const code = await totpCode(secret, Date.now())
      const signedIn = await post(`${server.url}/authorize`, {
        email,
        password: 'first-password',
        token: code,
      })
      expect(signedIn.status).toBe(200)

      // Again, without --totp: the password changes, two-factor authentication stays.
      const updated = await runToCompletion(
        'server/cli/user.ts',
        ['--email', email, '--password', 'second-password'],
        {
          DATABASE_PATH: dbPath,
        },
      )
      expect(updated.code, updated.stderr).toBe(0)
      expect(updated.stdout).toContain(`Updated ${email}`)
      expect((await post(`${server.url}/authorize`, { email, password: 'first-password' })).status).toBe(401)
      const asked = await post(`${server.url}/authorize`, { email, password: 'second-password' })
      expect(asked.body.error).toContain('two factor authentication')
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
    // Three processes and four scrypt hashes: as the seeded start above, more than 20 s under load.
  }, 60_000)

  it('refuses a short password and a bad email, with the field named', async () => {
    const dbPath = database('user-bad')
    const short = await runToCompletion(
      'server/cli/user.ts',
      ['--email', uniqueEmail(), '--password', 'short'],
      {
        DATABASE_PATH: dbPath,
      },
    )
    expect(short.code).toBe(1)
    expect(short.stderr).toMatch(/^password: /)
    const bad = await runToCompletion(
      'server/cli/user.ts',
      ['--email', 'nope', '--password', 'long-enough-1'],
      {
        DATABASE_PATH: dbPath,
      },
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^email: /)
    const missing = await runToCompletion('server/cli/user.ts', ['--email', uniqueEmail()], {
      DATABASE_PATH: dbPath,
    })
    expect(missing.code).toBe(2)
  })
})

describe('npm run api:token', () => {
  it('prints a working bare token as the last line, while the server has the database open', async () => {
    const dbPath = database('token')
    const server = await startServerProcess(dbPath)
    try {
      const email = uniqueEmail('cli')
      const bare = await token(dbPath, email, true)
      expect(bare).toMatch(/^[0-9a-f]{64}$/)
      const me = await request(`${server.url}/user`, bare)
      expect(me.body).toMatchObject({ email, staff: true })
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  })

  it('explains itself without --email or with a bad email', async () => {
    const missing = await runToCompletion('server/cli/token.ts', [], { DATABASE_PATH: database('usage') })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Usage: npm run api:token -- --email <email> [--staff]')
    const bad = await runToCompletion('server/cli/token.ts', ['--email', 'nope'], {
      DATABASE_PATH: database('usage'),
    })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('email: "nope" is not a valid email address.')
  })
})
