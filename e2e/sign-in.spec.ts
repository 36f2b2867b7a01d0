import { createOrganization, createUser, expect, expectNoAxeViolations, signIn, test } from './fixtures'

test('a wrong token is refused with a clear message, a right one (with "Token ") signs in', async ({
  page,
}) => {
  const user = createUser()
  await page.goto('/organizations')
  // Not signed in: sent to sign-in.
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()

  // Email and password first; the API token is one click away.
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill('not-a-real-token')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('This token was not accepted.')).toBeVisible()
  await expect(page.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(await page.evaluate(() => sessionStorage.getItem('ubiops.token'))).toBeNull()
  await expectNoAxeViolations(page)

  await page.getByLabel('API token').fill(`Token ${user.token}`)
  await page.getByLabel('Keep me signed in on this device').check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  await expect(page.getByText(user.email)).toBeVisible()
  // Kept without the prefix, on this device (localStorage), not in the tab's storage.
  expect(await page.evaluate(() => localStorage.getItem('ubiops.token'))).toBe(user.token)
  expect(await page.evaluate(() => sessionStorage.getItem('ubiops.token'))).toBeNull()
})

test('an empty token is caught before anything is sent', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Paste your API token.')).toBeVisible()
})

test('the one-click link signs in and leaves no token in the address bar', async ({ page }) => {
  const user = createUser()
  await page.goto(`/sign-in#token=${user.token}`)
  await expect(page).toHaveURL(/\/organizations$/)
  expect(page.url()).not.toContain(user.token)
  await expect(page.getByText(user.email)).toBeVisible()
  // Not in the history either: Back does not bring the token back.
  expect(await page.evaluate(() => sessionStorage.getItem('ubiops.token'))).toBe(user.token)
})

test('a one-click link pasted into a tab already on sign-in signs in, without a reload', async ({ page }) => {
  const user = createUser()
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  // Pasting the link into the address bar of this tab changes only the fragment: no page load.
  await page.evaluate((token) => {
    window.location.hash = `token=${token}`
  }, user.token)
  await expect(page).toHaveURL(/\/organizations$/)
  expect(page.url()).not.toContain(user.token)
  await expect(page.getByText(user.email)).toBeVisible()
})

test('a one-click link with a bad token says so', async ({ page }) => {
  await page.goto('/sign-in#token=revoked-token')
  await expect(page.getByText(/The sign-in link did not work/)).toBeVisible()
  expect(page.url()).not.toContain('revoked-token')
})

test('a 401 returns to sign-in, and signing in again returns to the same page', async ({ page, request }) => {
  const user = createUser()
  const organization = await createOrganization(request, user)
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(user.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)

  await page.goto(`/organizations/${organization}/settings?from=test`)
  await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible()

  // The token stops working (revoked elsewhere): the next request answers 401.
  await page.evaluate(() => sessionStorage.setItem('ubiops.token', 'revoked-elsewhere'))
  await page.getByRole('link', { name: 'Overview' }).click()

  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/organizations/${organization}`)}`)
  await expect(page.getByText('Your session ended.')).toBeVisible()
  expect(await page.evaluate(() => sessionStorage.getItem('ubiops.token'))).toBeNull()

  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(user.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`/organizations/${organization}`)
  await expect(page.getByRole('heading', { name: 'Resources' })).toBeVisible()
})

test('sign-out forgets the token and the cached data', async ({ page }) => {
  const user = createUser()
  await page.goto(`/sign-in#token=${user.token}`)
  await expect(page.getByText(user.email)).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(
    await page.evaluate(() => [sessionStorage.getItem('ubiops.token'), localStorage.getItem('ubiops.token')]),
  ).toEqual([null, null])
  // A signed-in page again: sign-in, nothing shown from before.
  await page.goto('/organizations')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByText(user.email)).toHaveCount(0)
})

test('opening a deep link with a revoked token goes to sign-in and back', async ({ page, request }) => {
  const user = createUser()
  const organization = await createOrganization(request, user)
  await signIn(page, { email: user.email, token: 'revoked-before-the-visit' })
  await page.goto(`/organizations/${organization}/settings`)
  await expect(page).toHaveURL(
    `/sign-in?next=${encodeURIComponent(`/organizations/${organization}/settings`)}`,
  )
  await page.getByRole('button', { name: 'Use an API token instead' }).click()
  await page.getByLabel('API token').fill(user.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`/organizations/${organization}/settings`)
  await expect(page.getByLabel('Organization name')).toHaveValue(organization)
})
