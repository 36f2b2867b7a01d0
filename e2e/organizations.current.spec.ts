// Organization journeys that only the current API generation has: 2FA enforcement, overage,
// vouchers on create (shared/API.md, "The current generation").
import { DEMO } from '../server/db/seed'
import {
  callApi,
  createOrganization,
  createPasswordUser,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  uniqueName,
} from './fixtures'

test('an admin requires two-factor authentication after a confirmation that says what it means', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const name = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${name}/settings`)
  const section = page.getByRole('region', { name: 'Two-factor authentication' })
  await expect(section).toContainText('Not required')
  await section.getByRole('button', { name: 'Require two-factor authentication…' }).click()

  const dialog = page.getByRole('dialog', { name: `Require two-factor authentication in ${name}?` })
  await expect(dialog).toContainText('Every member will need two-factor authentication')
  // The admin who confirms is a member too: the dialog says so.
  await expect(dialog).toContainText('This includes you.')
  await expectNoAxeViolations(page)
  // Cancel changes nothing and gives focus back.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByRole('button', { name: 'Require two-factor authentication…' })).toBeFocused()
  expect(
    (
      await callApi<{ two_factor_authentication_forced: boolean }>(
        request,
        admin,
        'GET',
        `/organizations/${name}`,
      )
    ).two_factor_authentication_forced,
  ).toBe(false)

  await section.getByRole('button', { name: 'Require two-factor authentication…' }).click()
  await dialog.getByRole('button', { name: 'Require two-factor authentication' }).click()
  await expect(page.getByText('Two-factor authentication is now required of every member.')).toBeVisible()
  await expect(section).toContainText('Required: every member')
  expect(
    (
      await callApi<{ two_factor_authentication_forced: boolean }>(
        request,
        admin,
        'GET',
        `/organizations/${name}`,
      )
    ).two_factor_authentication_forced,
  ).toBe(true)

  // The overview says so too, and the list answer agrees.
  await page.getByRole('link', { name: 'Overview' }).click()
  await expect(page.getByText('Required of every member', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  // And back, with a warning of what members lose.
  await page.getByRole('link', { name: 'Settings' }).click()
  await section.getByRole('button', { name: 'Stop requiring two-factor authentication…' }).click()
  const stop = page.getByRole('dialog', { name: `Stop requiring two-factor authentication in ${name}?` })
  await expect(stop).toContainText('password alone')
  await stop.getByRole('button', { name: 'Stop requiring it' }).click()
  await expect(section).toContainText('Not required')
})

test('a member who is not admin sees the 2FA rule but cannot switch it', async ({ page, request }) => {
  const admin = createUser()
  const member = createUser()
  const name = await createOrganization(request, admin)
  await callApi(request, admin, 'PATCH', `/organizations/${name}`, { two_factor_authentication_forced: true })
  await callApi(request, admin, 'POST', `/organizations/${name}/users`, { email: member.email })
  await signIn(page, member)
  await page.goto(`/organizations/${name}/settings`)
  await expect(page.getByText(`Only admins of ${name} can change its settings.`)).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^Required$/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /two-factor/ })).toHaveCount(0)
})

test('the demo organization shows its overage and the new resource counts', async ({ page }) => {
  await signIn(page, createUser({ email: DEMO.adminEmail }))
  await page.goto(`/organizations/${DEMO.projectsOrganization}`)
  await expect(page.getByText('Allowed: credits beyond the subscription are used and billed')).toBeVisible()
  for (const label of ['Buckets', 'Environments'])
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: label })
        .getByText(/^\d[\d,]*$/),
    ).toBeVisible()
  await expect(page.getByText('Self-service', { exact: true })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('create checks a voucher once it is typed (never mid-typing), shows what it gives, sends it, and the overview names it', async ({
  page,
  request,
}) => {
  const user = createUser()
  // The list must say which generation it is: a first organization.
  await createOrganization(request, user)
  // The page's timers run on a clock the test moves: a pause in typing without waiting for one.
  await page.clock.install()
  await signIn(page, user)
  await page.goto('/organizations')
  await page.getByRole('button', { name: 'Create organization' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an organization' })
  const voucher = dialog.getByLabel('Voucher code (optional)')
  const checks: string[] = []
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname.includes('/vouchers/')) checks.push(sent.url())
  })
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })

  const [known] = DEMO.vouchers
  const name = uniqueName('voucher')
  await dialog.getByLabel('Name').fill(name)
  // Typed key by key, then a pause of 2 s (longer than any debounce) before the last character.
  await voucher.pressSequentially(known.code.slice(0, -1))
  await expect(voucher).toHaveAccessibleDescription(/Checked when you leave the field/)
  await page.clock.runFor(2_000)
  await expect(voucher).not.toHaveAttribute('aria-invalid')
  await expect(dialog.getByText(/There is no voucher/)).toHaveCount(0)
  expect(checks).toEqual([])

  // Left with a code the API does not know: one request, and then it says so.
  await voucher.blur()
  await expect(voucher).toHaveAccessibleDescription(
    new RegExp(`There is no voucher with the code “${known.code.slice(0, -1)}”`),
  )
  await expect(voucher).toHaveAttribute('aria-invalid', 'true')
  expect(checks).toHaveLength(1)
  // The 404 is an answer the check expects: the dashboard logs nothing (the browser's own
  // network line for the 404 is all there is).
  expect(consoleErrors.filter((text) => !/status of 404/.test(text))).toEqual([])

  // Enter straight from the field checks the code as it is before creating anything.
  await voucher.fill('NO-SUCH-CODE')
  await voucher.press('Enter')
  await expect(voucher).toHaveAccessibleDescription(/There is no voucher with the code “NO-SUCH-CODE”/)
  await expect(voucher).toBeFocused()
  await expect(dialog).toBeVisible()

  await voucher.fill(known.code)
  await voucher.blur()
  await expect(dialog.getByText(`Voucher: ${known.description}`)).toBeVisible()
  await expect(voucher).not.toHaveAttribute('aria-invalid')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Create organization' }).click()
  await expect(page).toHaveURL(`/organizations/${name}`)
  await expect(
    page.getByText(`Organization ${name} created, with the voucher ${known.code} (${known.description}).`),
  ).toBeVisible()
  const details = page.getByRole('region', { name: 'Details' })
  await expect(details.getByRole('definition').filter({ hasText: known.code })).toBeVisible()
  const list = await callApi<{ name: string; status: string }[]>(request, user, 'GET', '/organizations')
  expect(list.find((o) => o.name === name)?.status).toBeTruthy()
})

test('an organization that requires two-factor authentication refuses a password-only session with what to do, and another organization still opens', async ({
  page,
  request,
}) => {
  const admin = createUser()
  const forced = await createOrganization(request, admin)
  const open = await createOrganization(request, admin)
  const person = await createPasswordUser()
  for (const name of [forced, open])
    await callApi(request, admin, 'POST', `/organizations/${name}/users`, {
      email: person.email,
      admin: false,
    })
  await callApi(request, admin, 'PATCH', `/organizations/${forced}`, {
    two_factor_authentication_forced: true,
  })

  // Signed in with a password alone, through the sign-in page.
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(person.email)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/organizations$/)

  await page.goto(`/organizations/${forced}`)
  await expect(
    page.getByRole('heading', { name: 'Two-factor authentication required', level: 1 }),
  ).toBeVisible()
  await expect(
    page.getByText(
      `"${forced}" requires two-factor authentication: set up two-factor authentication for your account, then sign in again with your code.`,
    ),
  ).toBeVisible()
  await expect(page.getByText('Something went wrong')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign out to sign in with a code' })).toBeVisible()
  await expectNoAxeViolations(page)
  // Its other pages too.
  await page.goto(`/organizations/${forced}/members`)
  await expect(
    page.getByRole('heading', { name: 'Two-factor authentication required', level: 1 }),
  ).toBeVisible()

  // The same person's other organization keeps working.
  await page.getByRole('link', { name: 'Go to your organizations' }).click()
  await expect(page).toHaveURL(/\/organizations$/)
  await page.goto(`/organizations/${open}`)
  await expect(page.getByRole('heading', { name: open, level: 1 })).toBeVisible()
  await expectNoAxeViolations(page)

  // Signing out from the page leads to the sign-in page.
  await page.goto(`/organizations/${forced}`)
  await page.getByRole('button', { name: 'Sign out to sign in with a code' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
})
