// A person signs in with email and password, and a two-factor code when the account has one
// (shared/API.md, "Signing in"). Codes are computed here from the secret api:user printed.
import { generate } from 'otplib'
import type { Page } from '@playwright/test'
import {
  callApi,
  createOrganization,
  createPasswordUser,
  createUser,
  expect,
  expectNoAxeViolations,
  expireSessions,
  setSignInProvider,
  test,
  uniqueEmail,
  uniqueName,
  type PasswordUser,
} from './fixtures'

/** The code an authenticator app shows now for this secret. */
const codeFor = (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) })

/**
 * The code of the step after the one of `usedAt` (ms): what an authenticator app shows once a
 * used code has rolled over. Within a minute of `usedAt` the server accepts it (one step of drift).
 */
const codeAfter = (secret: string, usedAt: number) =>
  generate({ secret, epoch: Math.floor(usedAt / 1000) + 30 })

/** The statuses of the answers to requests whose address ends in `path`, as they come. */
function answersOf(page: Page, path: string): number[] {
  const statuses: number[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === path) statuses.push(response.status())
  })
  return statuses
}

/**
 * Signs a person with two-factor authentication in from the sign-in page: email, password, then
 * the code the API asks for. Returns when the code was taken (ms), for the next code's step.
 */
async function signInWithCode(page: Page, person: PasswordUser): Promise<number> {
  await page.goto('/sign-in')
  await enterEmail(page, person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const usedAt = Date.now()
  await page.getByLabel('Two-factor code').fill(await codeFor(person.secret!, usedAt))
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  return usedAt
}

async function enterEmail(page: Page, email: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Continue' }).click()
}

test('a person signs in with email and password, and the header names them', async ({ page, request }) => {
  const person = await createPasswordUser()
  await page.goto('/organizations')
  await expect(page).toHaveURL(/\/sign-in$/)
  await expectNoAxeViolations(page)

  await enterEmail(page, person.email)
  await expect(page.getByText(`Signing in as ${person.email}`)).toBeVisible()
  await expect(page.getByLabel('Password')).toBeFocused()
  await expectNoAxeViolations(page)

  // A wrong password: said on the field, and which of email or password is not said.
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('The email or password is not right.')
  await expectNoAxeViolations(page)

  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  await expect(page.getByRole('banner').getByText(person.email)).toBeVisible()
  await expectNoAxeViolations(page)
  // Kept for this tab as an access token (sent as Bearer); no API token anywhere.
  const kept = await page.evaluate(() => [
    sessionStorage.getItem('ubiops.access'),
    sessionStorage.getItem('ubiops.token'),
  ])
  const { access } = JSON.parse(kept[0]!) as { access: string; email: string }
  expect(JSON.parse(kept[0]!)).toMatchObject({ email: person.email })
  expect(kept[1]).toBeNull()
  const asPerson = () => request.get('/api/user', { headers: { Authorization: `Bearer ${access}` } })
  expect((await asPerson()).status()).toBe(200)

  // Sign-out forgets it, and ends the session on the server: the token is refused from then on.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(
    await page.evaluate(() => [
      sessionStorage.getItem('ubiops.access'),
      localStorage.getItem('ubiops.access'),
    ]),
  ).toEqual([null, null])
  expect((await asPerson()).status()).toBe(401)
})

test('password plus code: a wrong code is refused, then the right one signs in', async ({ page }) => {
  const person = await createPasswordUser({ totp: true })
  await page.goto('/sign-in')
  await enterEmail(page, person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByLabel('Keep me signed in on this device').check()
  await page.getByRole('button', { name: 'Sign in' }).click()

  const code = page.getByLabel('Two-factor code')
  await expect(code).toBeFocused()
  await expect(page.getByText('This account has two-factor authentication.')).toBeVisible()
  await expectNoAxeViolations(page)

  const right = await codeFor(person.secret!)
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0')
  await code.fill(wrong)
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(code).toHaveAccessibleDescription(/two factor authentication code is not right/)
  await expectNoAxeViolations(page)

  await code.fill(await codeFor(person.secret!))
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  await expect(page.getByRole('banner').getByText(person.email)).toBeVisible()
  // Kept on this device, as asked.
  expect(await page.evaluate(() => localStorage.getItem('ubiops.access'))).toContain(person.email)
  await expectNoAxeViolations(page)
})

test('a session that ends while adding a member is renewed over the page, with the form as it was', async ({
  page,
  request,
}) => {
  const person = await createPasswordUser()
  // Set-up through the API with an API token of the same person.
  const organization = await createOrganization(request, createUser({ email: person.email }))
  await page.goto(`/sign-in?next=${encodeURIComponent(`/organizations/${organization}/members`)}`)
  await enterEmail(page, person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`/organizations/${organization}/members`)
  await expect(page.getByRole('grid', { name: 'Members' })).toBeVisible()

  await page.getByRole('button', { name: 'Add member' }).click()
  const addDialog = page.getByRole('dialog', { name: 'Add a member' })
  const newcomer = uniqueEmail('newcomer')
  await addDialog.getByRole('textbox', { name: 'Email' }).fill(newcomer)
  await addDialog.getByRole('switch', { name: 'Admin' }).check()

  // Twelve hours pass (the server's own expiry, moved into the past): the next call is a 401.
  expireSessions(person.email)
  await addDialog.getByRole('button', { name: 'Add member' }).click()

  const renew = page.getByRole('dialog', { name: 'Your session has ended' })
  await expect(renew).toBeVisible()
  await expect(renew).toContainText(person.email)
  await expect(page).toHaveURL(`/organizations/${organization}/members`)
  await expectNoAxeViolations(page)
  await renew.getByLabel('Password').fill(person.password)
  await renew.getByRole('button', { name: 'Sign in again' }).click()
  await expect(renew).toBeHidden()

  // The page never left: the dialog is still open with what was typed.
  await expect(addDialog.getByRole('textbox', { name: 'Email' })).toHaveValue(newcomer)
  await expect(addDialog.getByRole('switch', { name: 'Admin' })).toBeChecked()
  await expectNoAxeViolations(page)
  await addDialog.getByRole('button', { name: 'Add member' }).click()
  await expect(addDialog).toBeHidden()
  await expect(page.getByRole('row').filter({ hasText: newcomer })).toContainText('Admin')
  const members = await callApi<{ email: string; admin: boolean }[]>(
    request,
    createUser({ email: person.email }),
    'GET',
    `/organizations/${organization}/users`,
  )
  expect(members.find((member) => member.email === newcomer)?.admin).toBe(true)
})

test('a session with two-factor authentication is renewed with the password and a new code', async ({
  page,
}) => {
  const person = await createPasswordUser({ totp: true })
  const usedAt = await signInWithCode(page, person)

  await page.getByRole('button', { name: 'Create organization' }).click()
  const create = page.getByRole('dialog', { name: 'Create an organization' })
  const name = uniqueName('renewed')
  await create.getByLabel('Name').fill(name)
  expireSessions(person.email)
  await create.getByRole('button', { name: 'Create organization' }).click()

  const renew = page.getByRole('dialog', { name: 'Your session has ended' })
  // The API asked this person for a code at sign-in: the dialog asks for both at once, and sends
  // them in one request (never the password alone, which the API would refuse with a 401).
  const authorizeAnswers = answersOf(page, '/api/authorize')
  await renew.getByLabel('Password').fill(person.password)
  // The code just used is not accepted twice (the server refuses a replay): the next one is.
  await renew.getByLabel('Two-factor code').fill(await codeAfter(person.secret!, usedAt))
  await expectNoAxeViolations(page)
  await renew.getByRole('button', { name: 'Sign in again' }).click()
  await expect(renew).toBeHidden()
  expect(authorizeAnswers).toEqual([200])
  await expect(create.getByLabel('Name')).toHaveValue(name)
  await create.getByRole('button', { name: 'Create organization' }).click()
  await expect(page).toHaveURL(`/organizations/${name}`)

  // Opened afresh with an ended session, there is nothing on screen to keep: sign-in, and back.
  expireSessions(person.email)
  await page.reload()
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/organizations/${name}`)}`)
  await expect(page.getByText('Your session ended.')).toBeVisible()
})

test('the 401 that asks for a code comes once per tab: signing in again sends the password and the code together', async ({
  page,
}) => {
  const person = await createPasswordUser({ totp: true })
  const authorizeAnswers = answersOf(page, '/api/authorize')
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  // The API says an account needs a code only by refusing the password alone (shared/API.md).
  const usedAt = await signInWithCode(page, person)
  expect(authorizeAnswers).toEqual([401, 200])
  expect(consoleErrors.filter((text) => text.includes('401'))).toHaveLength(1)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await enterEmail(page, person.email)
  await page.getByLabel('Password').fill(person.password)
  const code = page.getByLabel('Two-factor code')
  await expect(code).toHaveAccessibleDescription(/This account has two-factor authentication/)
  await expectNoAxeViolations(page)
  // A wrong code is said on the code field, the password kept.
  const next = await codeAfter(person.secret!, usedAt)
  await code.fill(String((Number(next) + 500_000) % 1_000_000).padStart(6, '0'))
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(code).toHaveAccessibleDescription(/two factor authentication code is not right/)
  await expect(page.getByLabel('Password')).toHaveValue(person.password)
  await code.fill(next)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  expect(authorizeAnswers).toEqual([401, 200, 401, 200])
})

test('an account of an external identity provider is told where to sign in, or to use a token', async ({
  page,
}) => {
  const person = await createPasswordUser()
  setSignInProvider(person.email, 'azure-ad', 'https://login.example.com/ubiops')
  await page.goto('/sign-in')
  await enterEmail(page, person.email)
  await expect(page.getByText('an external identity provider')).toBeVisible()
  await expect(page.getByRole('link', { name: 'UbiOps WebApp' })).toHaveAttribute(
    'href',
    'https://login.example.com/ubiops',
  )
  await expect(page.getByLabel('Password')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await expect(page.getByLabel('API token')).toBeVisible()
})

test('an unknown email is asked for a password like any other', async ({ page }) => {
  await page.goto('/sign-in')
  await enterEmail(page, uniqueEmail('nobody'))
  await page.getByLabel('Password').fill('whatever-it-is')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('The email or password is not right.')
})
