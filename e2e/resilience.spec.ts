// The dashboard under hostile data, failing networks and sign-out: markup stays text, failures
// retry with backoff and then offer Retry, mutations go out once, offline is explained and
// recovered from, and the token never leaks into the console or survives sign-out.
import type { Page, Request } from '@playwright/test'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  setUserEmail,
  setUserName,
  signIn,
  test,
  uniqueEmail,
  uniqueName,
} from './fixtures'

/** Markup that would run, or show a picture, if a page ever injected it as HTML. */
const SCRIPT_NAME = '<script>window.__injected = "script"</script>'
const IMAGE_SURNAME = '<img src=x onerror="window.__injected = \'img\'">'

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined()
  await expect(page.locator('img[src="x"], script:has-text("__injected")')).toHaveCount(0)
}

function countRequests(page: Page, matches: (request: Request) => boolean): { readonly count: number } {
  const counter = { count: 0 }
  page.on('request', (request) => {
    if (matches(request)) counter.count++
  })
  return counter
}

const isApiCall = (method: string, path: string) => (request: Request) =>
  request.method() === method && new URL(request.url()).pathname === `/api${path}`

test('names and emails that contain markup are shown as text everywhere', async ({ page, request }) => {
  const admin = createUser()
  setUserName(admin.email, SCRIPT_NAME, IMAGE_SURNAME)
  const organization = await createOrganization(request, admin)
  const markupEmail = `<img/src=x/onerror=window.__injected=1>@example.com`
  // The email rule refuses such an address as new input; one stored before it is shown as it is.
  const placeholder = uniqueEmail('markup')
  await callApi(request, admin, 'POST', `/organizations/${organization}/users`, { email: placeholder })
  setUserEmail(placeholder, markupEmail)

  await signIn(page, admin)
  await page.goto(`/organizations/${organization}/members`)
  const grid = page.getByRole('grid', { name: 'Members' })
  await expect(grid).toContainText(SCRIPT_NAME)
  await expect(grid).toContainText(IMAGE_SURNAME)
  await expect(grid).toContainText(markupEmail)
  // The header names the signed-in person, markup and all, as text.
  await expect(page.getByRole('banner')).toContainText(SCRIPT_NAME)

  await page.getByRole('link', { name: markupEmail }).click()
  await expect(page.getByRole('dialog')).toContainText(markupEmail)
  await expectNothingInjected(page)

  // An address typed by hand is shown back as text on the not-found page.
  await page.goto(`/organizations/${encodeURIComponent('<b>x</b>')}`)
  await expect(page.getByText('<b>x</b>').first()).toBeVisible()
  await expectNothingInjected(page)
})

test('a failing query retries with backoff, then offers Retry, which recovers', async ({ page, request }) => {
  const user = createUser()
  const organization = await createOrganization(request, user)
  const listCalls = countRequests(page, isApiCall('GET', '/organizations'))
  await page.route('**/api/organizations', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ status: 503, json: { error: 'The service is restarting.' } })
      : route.fallback(),
  )
  await signIn(page, user)
  await page.clock.install()
  await page.goto('/organizations')

  // The first answer and three retries, 1 s, 2 s and 4 s apart (fake clock), before giving up.
  await expect(async () => {
    await page.clock.runFor(1_000)
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 100 })
  }).toPass({ timeout: 20_000 })
  expect(listCalls.count).toBeGreaterThanOrEqual(4)
  await expect(page.getByText('The service is restarting.')).toBeVisible()
  // Having given up, it waits for the person: no retry storm in the background.
  const afterGivingUp = listCalls.count
  await page.clock.runFor(60_000)
  expect(listCalls.count).toBe(afterGivingUp)

  await page.unroute('**/api/organizations')
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('link', { name: organization })).toBeVisible()
})

test('a mutation is sent once, even on a double click, and never retried behind the scenes', async ({
  page,
}) => {
  const user = createUser()
  const creations = countRequests(page, isApiCall('POST', '/organizations'))
  let answer: () => void = () => undefined
  const answered = new Promise<void>((resolve) => (answer = resolve))
  await page.route('**/api/organizations', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    await answered
    await route.fulfill({ status: 503, json: { error: 'The database is busy. Try again in a moment.' } })
  })
  await signIn(page, user)
  await page.clock.install()
  await page.goto('/organizations')
  await page.getByRole('button', { name: 'Create organization' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an organization' })
  await dialog.getByLabel('Name').fill(uniqueName('once'))
  await dialog.getByRole('button', { name: 'Create organization' }).dblclick()
  await expect(dialog.getByRole('button', { name: /Create organization|Creating/ })).toBeDisabled()
  answer()

  await expect(dialog.getByText('The database is busy. Try again in a moment.')).toBeVisible()
  // Long past any retry delay react-query would use: still the one request.
  await page.clock.runFor(60_000)
  expect(creations.count).toBe(1)
  // What was typed is still there to send again.
  await expect(dialog.getByLabel('Name')).not.toHaveValue('')
})

test('offline is explained, and the page recovers when the connection is back', async ({
  page,
  context,
  request,
}) => {
  const user = createUser()
  const first = await createOrganization(request, user)
  const second = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto(`/organizations/${first}`)
  await expect(page.getByRole('heading', { name: first, level: 1 })).toBeVisible()
  await page.goto('/organizations')
  await expect(page.getByRole('link', { name: second })).toBeVisible()

  await context.setOffline(true)
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
  // Going somewhere new while offline waits instead of failing...
  await page.getByRole('link', { name: second }).click()
  await expect(page.getByRole('heading', { name: second, level: 1 })).toBeVisible()

  // ...and fills in once the connection is back.
  await context.setOffline(false)
  await expect(page.getByText('You are offline')).toBeHidden()
  await expect(page.getByText('Projects').first()).toBeVisible()
})

test('sign-out forgets the token and every cached response; the token never reaches the console', async ({
  page,
  request,
}) => {
  const alice = createUser()
  const bob = createUser()
  const alicesOrganization = await createOrganization(request, alice)
  const bobsOrganization = await createOrganization(request, bob)
  const console: string[] = []
  page.on('console', (message) => console.push(message.text()))
  page.on('pageerror', (error) => console.push(`${error.message}\n${error.stack ?? ''}`))

  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(alice.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: alicesOrganization })).toBeVisible()
  // A failing request on the way, so that error reporting is exercised too.
  await page.goto('/organizations/no-such-organization')
  await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  expect(
    await page.evaluate(() => [sessionStorage.getItem('ubiops.token'), localStorage.getItem('ubiops.token')]),
  ).toEqual([null, null])
  // Back does not bring Alice's data back from a cache.
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByText(alicesOrganization)).toHaveCount(0)

  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(bob.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: bobsOrganization })).toBeVisible()
  await expect(page.getByText(alicesOrganization)).toHaveCount(0)

  expect(console.filter((line) => line.includes(alice.token) || line.includes(bob.token))).toEqual([])
})
