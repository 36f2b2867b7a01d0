import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import { issueToken } from '../server/auth/issue-token'
import { setUserCredentials } from '../server/auth/user-credentials'
import { openDatabase } from '../server/db/open'
import type { ApiGeneration } from '../domain/generation'
import { e2eEnvironment } from './environment'

/** The API generation of the running test's Playwright project (playwright.config.ts). */
export function apiGeneration(): ApiGeneration {
  return (test.info().project.metadata as { generation?: ApiGeneration }).generation ?? '2022'
}

/** The API and database of the running test's project. */
const environment = () => e2eEnvironment(apiGeneration())
const run = promisify(execFile)

/** A name no other test (or earlier run) uses, valid as an organization name. */
export function uniqueName(prefix = 'org'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.com`
}

export interface TestUser {
  email: string
  token: string
}

/** A user with a fresh token, written straight into the e2e database as `npm run api:token` would. */
export function createUser(options: { staff?: boolean; email?: string } = {}): TestUser {
  const email = options.email ?? uniqueEmail(options.staff ? 'staff' : 'user')
  return { email, token: issueToken(environment().databasePath, email, { staff: options.staff ?? false }) }
}

export interface PasswordUser {
  email: string
  password: string
  /** The Base32 TOTP secret, as `npm run api:user -- --totp` prints it; null without 2FA. */
  secret: string | null
}

/**
 * A user who signs in with a password, written into the e2e database. With `totp`, through
 * `npm run api:user -- --totp` itself, and the secret is the last line it prints.
 */
export async function createPasswordUser(options: { totp?: boolean } = {}): Promise<PasswordUser> {
  const email = uniqueEmail(options.totp ? 'two-factor' : 'person')
  const password = `pw-${randomBytes(6).toString('hex')}`
  if (!options.totp) {
    await setUserCredentials(environment().databasePath, { email, password })
    return { email, password, secret: null }
  }
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'server/cli/user.ts', '--email', email, '--password', password, '--totp'],
    { env: { ...process.env, DATABASE_PATH: environment().databasePath } },
  )
  const lines = stdout.trim().split('\n')
  expect(lines.at(-2)).toMatch(/^otpauth:\/\/totp\//)
  return { email, password, secret: lines.at(-1)! }
}

/**
 * Ends every session of this person now, as 12 hours passing would: the access tokens' expiry
 * is moved to the past in the e2e database, so the next call with one is the server's real 401.
 */
export function expireSessions(email: string): void {
  const db = openDatabase(environment().databasePath)
  try {
    const { changes } = db
      .prepare(
        'UPDATE access_tokens SET expires_at = 0 WHERE user_id = (SELECT id FROM users WHERE email = ?)',
      )
      .run(email)
    if (changes === 0) throw new Error(`${email} has no session to expire`)
  } finally {
    db.close()
  }
}

/** Makes the account one of an external identity provider, as an account service would. */
export function setSignInProvider(email: string, provider: string, url: string): void {
  const db = openDatabase(environment().databasePath)
  try {
    db.prepare('UPDATE users SET sign_in_provider = ?, sign_in_url = ? WHERE email = ?').run(
      provider,
      url,
      email,
    )
  } finally {
    db.close()
  }
}

/**
 * Gives a user a name and surname. The API has no endpoint for it (names come from the account),
 * so this writes the e2e database directly, as an account service would.
 */
export function setUserName(email: string, name: string, surname: string): void {
  const db = openDatabase(environment().databasePath)
  try {
    db.prepare('UPDATE users SET name = ?, surname = ? WHERE email = ?').run(name, surname, email)
  } finally {
    db.close()
  }
}

/**
 * Changes a stored address, as one stored before today's email rule (domain/email.ts) would be:
 * the rule refuses new input only, so the dashboard must still show what is stored.
 */
export function setUserEmail(email: string, storedEmail: string): void {
  const db = openDatabase(environment().databasePath)
  try {
    db.prepare('UPDATE users SET email = ? WHERE email = ?').run(storedEmail, email)
  } finally {
    db.close()
  }
}

/**
 * Moves an organization's creation and its subscription's start back in time, as one created
 * earlier would be (the API starts both today), in the e2e database. The API has no endpoint for
 * the creation day, and only platform staff could move the subscription's start.
 */
export function backdateOrganization(
  name: string,
  dates: { createdOn: string; subscriptionStart: string },
): void {
  const db = openDatabase(environment().databasePath)
  try {
    const { changes } = db
      .prepare('UPDATE organizations SET creation_date = ?, subscription_start_date = ? WHERE name = ?')
      .run(`${dates.createdOn}T09:00:00.000000Z`, dates.subscriptionStart, name)
    if (changes === 0) throw new Error(`no organization ${name}`)
  } finally {
    db.close()
  }
}

/**
 * Records daily credits of deployment versions in one new project of the organization, as the
 * metering would (the API has no endpoint to write usage), in the e2e database: both generations
 * read these rows (2022 per object type and metric, current per project).
 */
export function recordCredits(name: string, days: readonly { day: string; credits: number }[]): void {
  const db = openDatabase(environment().databasePath)
  try {
    const { id } = db.prepare('SELECT id FROM organizations WHERE name = ?').get(name) as { id: string }
    const projectId = randomUUID()
    db.prepare('INSERT INTO projects (id, organization_id, name, creation_date) VALUES (?, ?, ?, ?)').run(
      projectId,
      id,
      uniqueName('project'),
      new Date().toISOString(),
    )
    const insert = db.prepare(
      `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value)
       VALUES (?, ?, ?, 'deployment_version', 'credits', ?)`,
    )
    db.transaction(() => {
      for (const { day, credits } of days) insert.run(id, day, projectId, credits)
    })()
  } finally {
    db.close()
  }
}

/** Calls the real API as `user`; throws with the server's message when it does not answer 2xx. */
export async function callApi<T = unknown>(
  request: APIRequestContext,
  user: TestUser,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request.fetch(`${environment().apiUrl}${path}`, {
    method,
    headers: { Authorization: `Token ${user.token}` },
    data: body,
  })
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`)
  return (response.status() === 204 ? undefined : await response.json()) as T
}

/** One bucket of usage as the API answers it. */
export interface UsagePoint {
  start_date: string
  end_date: string
  value: number
}

/**
 * The organization's credits per day in the current subscription period (GET .../usage?interval=day
 * without dates), from either generation's answer: 2022, the `credits` series of every object
 * type; current, `data_organization`.
 */
export async function periodCreditPoints(
  request: APIRequestContext,
  user: TestUser,
  organization: string,
): Promise<UsagePoint[]> {
  const answer = await callApi<unknown>(
    request,
    user,
    'GET',
    `/organizations/${organization}/usage?interval=day`,
  )
  return apiGeneration() === 'current'
    ? (answer as { data_organization: UsagePoint[] }).data_organization
    : (answer as Array<{ metric: string; usage: UsagePoint[] }>)
        .filter((s) => s.metric === 'credits')
        .flatMap((s) => s.usage)
}

/** Creates an organization owned (as admin) by `user` and returns its name. */
export async function createOrganization(
  request: APIRequestContext,
  user: TestUser,
  body: { name?: string; subscription?: string; subscription_end_date?: string } = {},
): Promise<string> {
  const name = body.name ?? uniqueName()
  await callApi(request, user, 'POST', '/organizations', { subscription: 'free', ...body, name })
  return name
}

/** Signs `user` in for every page load of this test, without going through the sign-in form. */
export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.addInitScript((token) => window.sessionStorage.setItem('ubiops.token', token), user.token)
}

/** Fails with the list of violations when axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([])
}

/**
 * Every test fails if the page breaks its Content-Security-Policy: the e2e web server is the
 * production build behind `npm run serve`, so this checks every page under the real policy.
 */
export const test = base.extend<{ contentSecurityPolicyGuard: void }>({
  contentSecurityPolicyGuard: [
    async ({ page }, use) => {
      const violations: string[] = []
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(
            `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
          ),
        ),
      )
      page.on('console', (message) => {
        if (/CSP violation|Content Security Policy/.test(message.text())) violations.push(message.text())
      })
      await use()
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }
