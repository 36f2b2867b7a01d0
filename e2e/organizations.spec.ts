import { DEMO } from '../server/db/seed'
import {
  apiGeneration,
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueName,
} from './fixtures'

const inOneYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

test('a new user sees the empty state and creates a first organization, after a bad name', async ({
  page,
}) => {
  const user = createUser()
  await signIn(page, user)
  await page.goto('/organizations')
  await expect(page.getByRole('heading', { name: 'No organizations yet' })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Create organization' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an organization' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Name')).toBeFocused()

  // The rule shows while typing.
  await dialog.getByLabel('Name').fill('My Org')
  await expect(dialog.getByText('Start the name with a lowercase letter.')).toBeVisible()
  await dialog.getByLabel('Name').fill('my org')
  await expect(dialog.getByText('Use only lowercase letters, digits and dashes (-).')).toBeVisible()
  await expectNoAxeViolations(page)

  // A paid subscription needs an end date.
  const name = uniqueName('first')
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('combobox', { name: 'Subscription' }).selectOption('professional')
  await dialog.getByRole('button', { name: 'Create organization' }).click()
  await expect(dialog.getByText('The professional subscription needs an end date.')).toBeVisible()
  await dialog.getByLabel('Subscription end date').fill(inOneYear())
  await dialog.getByRole('button', { name: 'Create organization' }).click()

  await expect(page).toHaveURL(`/organizations/${name}`)
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page.getByText('Professional', { exact: true })).toBeVisible()
  // With the "created" toast on screen.
  await expect(page.getByText(`Organization ${name} created.`)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a name that is taken is refused by the server on the name field', async ({ page, request }) => {
  const user = createUser()
  const taken = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto('/organizations')
  await page.getByRole('button', { name: 'Create organization' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an organization' })
  await dialog.getByLabel('Name').fill(taken)
  await dialog.getByRole('button', { name: 'Create organization' }).click()
  await expect(dialog.getByText(`An organization named "${taken}" already exists`)).toBeVisible()
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')

  // Escape closes the dialog and gives focus back to its opener.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Create organization' })).toBeFocused()
})

test('the list filters as you type and sorts, both kept in the URL', async ({ page, request }) => {
  const user = createUser()
  const prefix = uniqueName('flt')
  await createOrganization(request, user, { name: `${prefix}-one` })
  await createOrganization(request, user, { name: `${prefix}-two` })
  await createOrganization(request, user, { name: uniqueName('other') })
  await signIn(page, user)
  await page.goto('/organizations')
  await expect(page.getByRole('link', { name: `${prefix}-one` })).toBeVisible()

  await page.getByLabel('Filter by name').fill(prefix)
  await expect(page.getByRole('row')).toHaveCount(3) // header + 2
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`))

  await page.getByLabel('Sort').selectOption('-name')
  await expect(page).toHaveURL(/sort=-name/)
  await expect(page.getByRole('row').nth(1)).toContainText(`${prefix}-two`)

  // The link shows what was seen.
  await page.reload()
  await expect(page.getByLabel('Filter by name')).toHaveValue(prefix)
  await expect(page.getByRole('row').nth(1)).toContainText(`${prefix}-two`)

  await page.getByLabel('Filter by name').fill('no-such-organization-anywhere')
  await expect(page.getByRole('heading', { name: /No organization matches/ })).toBeVisible()
  await page.getByRole('button', { name: 'Clear the filter' }).click()
  await expect(page.getByRole('row')).toHaveCount(4)
})

test('the detail shows the facts and the resource counts of its API generation', async ({
  page,
  request,
}) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  await signIn(page, user)
  await page.goto('/organizations')
  await page.getByRole('link', { name }).click()
  await expect(page).toHaveURL(`/organizations/${name}`)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Organizations')
  for (const label of [
    'Projects',
    'Users',
    'Deployments',
    'Deployment versions',
    'Pipelines',
    'Pipeline versions',
  ])
    // Within the resource counts: "Projects" is also the name of an organization tab.
    await expect(
      page.getByRole('region', { name: 'Resources' }).getByText(label, { exact: true }),
    ).toBeVisible()
  // Each generation's own facts: self-service in 2022; buckets, environments, overage and 2FA now.
  const current = ['Buckets', 'Environments', 'Overage', 'Two-factor authentication']
  if (apiGeneration() === 'current') {
    for (const label of current) await expect(page.getByText(label, { exact: true })).toBeVisible()
    await expect(page.getByText('Self-service', { exact: true })).toHaveCount(0)
  } else {
    await expect(page.getByText('Self-service', { exact: true })).toBeVisible()
    for (const label of current) await expect(page.getByText(label, { exact: true })).toHaveCount(0)
  }
  await expect(page.getByRole('button', { name: 'Copy organization ID' })).toBeVisible()
  await expect(page.getByText('Free', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: /See members/ })).toHaveAttribute(
    'href',
    `/organizations/${name}/members`,
  )
  await expectNoAxeViolations(page)
})

test('rename warns that the address changes and follows the new name', async ({ page, request }) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  const newName = uniqueName('renamed')
  await signIn(page, user)
  await page.goto(`/organizations/${name}/settings`)

  const field = page.getByLabel('Organization name')
  await field.fill('Bad')
  await expect(page.getByText('Start the name with a lowercase letter.')).toBeVisible()
  await field.fill(newName)
  await page.getByRole('button', { name: 'Rename…' }).click()
  const dialog = page.getByRole('dialog', { name: `Rename ${name} to ${newName}?` })
  await expect(dialog).toContainText(`/organizations/${newName}`)
  await expectNoAxeViolations(page)
  // A full reload would lose this marker.
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
  await dialog.getByRole('button', { name: 'Rename organization' }).click()

  await expect(page).toHaveURL(`/organizations/${newName}/settings`)
  await expect(page.getByRole('heading', { name: newName, level: 1 })).toBeVisible()
  await expect(page.getByLabel('Organization name')).toHaveValue(newName)
  await expect(page.getByLabel('Organization name')).toBeFocused()
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true)

  await page.goto(`/organizations/${name}`)
  await expect(page.getByRole('heading', { name: 'Organization not found' })).toBeVisible()
})

test('a normal admin sees the subscription read-only, told up front that only the operator changes it; staff can', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const name = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${name}/settings`)
  const subscription = page.getByRole('region', { name: 'Subscription' })
  await expect(subscription).toContainText('Only the UbiOps platform operator can change a subscription.')
  await expect(subscription.getByText('Free', { exact: true })).toBeVisible()
  // Nothing to fill in only to be refused: no field and no button.
  await expect(subscription.getByRole('combobox')).toHaveCount(0)
  await expect(subscription.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Save subscription' })).toHaveCount(0)
  // Renaming stays theirs.
  await expect(page.getByRole('button', { name: 'Rename…' })).toBeVisible()
  await expectNoAxeViolations(page)

  const staff = createUser({ staff: true })
  const staffPage = await page.context().browser()!.newPage()
  await signIn(staffPage, staff)
  await staffPage.goto(`/organizations/${name}/settings`)
  await staffPage.getByRole('combobox', { name: 'Subscription' }).selectOption('enterprise')
  await staffPage.getByLabel('Start date').fill(new Date().toISOString().slice(0, 10))
  await staffPage.getByLabel('End date').fill(inOneYear())
  await staffPage.getByRole('button', { name: 'Save subscription' }).click()
  await expect(staffPage.getByText('Subscription saved.')).toBeVisible()
  await staffPage.getByRole('link', { name: 'Overview' }).click()
  await expect(staffPage.getByText('Enterprise', { exact: true })).toBeVisible()
  const detail = await callApi<{ subscription: string }>(request, admin, 'GET', `/organizations/${name}`)
  expect(detail.subscription).toBe('enterprise')
  await staffPage.close()
})

test('a member who is not admin sees settings read-only, with no controls', async ({ page, request }) => {
  const admin = createUser()
  const member = createUser()
  const name = await createOrganization(request, admin)
  await callApi(request, admin, 'POST', `/organizations/${name}/users`, { email: member.email, admin: false })
  await signIn(page, member)
  await page.goto(`/organizations/${name}/settings`)
  await expect(page.getByText(`Only admins of ${name} can change its settings.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Rename…' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Save subscription' })).toHaveCount(0)
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('settings fit a 360 px screen: nothing scrolls sideways', async ({ page, request }) => {
  const admin = createUser()
  const name = await createOrganization(request, admin)
  // The longest button of the page is the current generation's "Stop requiring two-factor…".
  if (apiGeneration() === 'current')
    await callApi(request, admin, 'PATCH', `/organizations/${name}`, {
      two_factor_authentication_forced: true,
    })
  await page.setViewportSize({ width: 360, height: 800 })
  await signIn(page, admin)
  await page.goto(`/organizations/${name}/settings`)
  await expect(page.getByRole('heading', { name: 'Subscription' })).toBeVisible()
  if (apiGeneration() === 'current')
    await expect(page.getByRole('button', { name: /Stop requiring two-factor/ })).toBeVisible()
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }))
  expect(widths.page).toBeLessThanOrEqual(widths.screen)
})

test('an unknown organization shows a not-found page', async ({ page }) => {
  await signIn(page, createUser())
  await page.goto(`/organizations/${uniqueName('missing')}/settings`)
  await expect(page.getByRole('heading', { name: 'Organization not found' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'See your organizations' }).click()
  await expect(page).toHaveURL('/organizations')
})

test('the demo admin sees the demo organizations', async ({ page }) => {
  await signIn(page, createUser({ email: DEMO.adminEmail }))
  await page.goto('/organizations')
  for (const name of DEMO.organizations)
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
})

test('a list answer of neither generation’s shape is an error naming the endpoint and the field, with Retry', async ({
  page,
}) => {
  await signIn(page, createUser())
  let broken = true
  await page.route('**/api/organizations', async (route) => {
    if (!broken || route.request().method() !== 'GET') return route.fallback()
    await route.fulfill({ status: 200, contentType: 'application/json', body: '[{"name": 5}]' })
  })
  await page.goto('/organizations')
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load your organizations' })
  await expect(alert).toContainText('GET /organizations answered in a shape this dashboard does not know')
  await expect(alert).toContainText('field "[0].id"')
  await expectNoAxeViolations(page)
  broken = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { name: 'No organizations yet' })).toBeVisible()
})
