import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { DEMO } from '../server/db/seed'
import { projectWeekly } from '../domain/weekly-projection'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  periodCreditPoints,
  signIn,
  test,
  uniqueEmail,
  uniqueName,
  type TestUser,
} from './fixtures'

// The organization list at a glance (issue 14), against both API generations (playwright.config.ts):
// every cell is checked against what the API answers for that organization.

const DAY = 86_400_000
const today = () => new Date().toISOString().slice(0, 10)
/**
 * Noon of today (UTC), for the page's clock: a projection counts the elapsed part of today, so the
 * journeys that read one fix the page's time and count half of today as passed.
 */
const noonToday = () => new Date(`${today()}T12:00:00Z`)
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY)

/** What the API says of an organization: subscription, members, and the period's credits. */
async function factsOf(request: APIRequestContext, user: TestUser, name: string) {
  const detail = await callApi<{ subscription: string }>(request, user, 'GET', `/organizations/${name}`)
  const resources = await callApi<{ users: number }>(request, user, 'GET', `/organizations/${name}/resources`)
  const points = await periodCreditPoints(request, user, name)
  const start = points.map((p) => p.start_date.slice(0, 10)).sort()[0]!
  const end = points
    .map((p) => p.end_date.slice(0, 10))
    .sort()
    .at(-1)!
  const used = points.reduce((total, point) => total + point.value, 0)
  // The weekly rhythm of the period's days so far, at the page's clock (noon: noonToday).
  const days = points.map((point) => ({ day: point.start_date.slice(0, 10), value: point.value }))
  return {
    subscription: detail.subscription,
    members: resources.users,
    daysLeft: daysFrom(today(), end),
    used,
    projected: projectWeekly(days, { start, end }, noonToday())?.projected ?? 0,
  }
}

const rowOf = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })

/** The cell of `column` (its header's name) in a row. */
async function cellOf(page: Page, row: Locator, column: string): Promise<Locator> {
  const header = page.getByRole('columnheader', { name: column, exact: true })
  await expect(header).toBeVisible()
  const index = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex)
  return row.getByRole('cell').nth(index)
}

const number = (text: string) => Number(text.replace(/,/g, ''))

async function expectFacts(page: Page, name: string, facts: Awaited<ReturnType<typeof factsOf>>) {
  // The rows are on screen (the list is filtered to them): rows off screen ask only when seen.
  const row = rowOf(page, name)
  const subscription = facts.subscription.charAt(0).toUpperCase() + facts.subscription.slice(1)
  await expect(await cellOf(page, row, 'Subscription')).toHaveText(subscription)
  await expect(await cellOf(page, row, 'Members')).toHaveText(facts.members.toLocaleString('en-GB'))
  await expect(await cellOf(page, row, 'Days left')).toHaveText(
    `${facts.daysLeft} ${facts.daysLeft === 1 ? 'day' : 'days'}`,
  )
  const credits = await cellOf(page, row, 'Credits used')
  await expect(credits).toHaveText(/^[\d,.]+$/)
  expect(number(await credits.innerText())).toBeCloseTo(facts.used, 1)
  const projection = await cellOf(page, row, 'Projected')
  await expect(projection).toHaveText(/^[\d,.]+$/)
  expect(number(await projection.innerText())).toBeCloseTo(facts.projected, 1)
}

test('each row shows its subscription, days left, members, credits and projection as the API says, and sorts by any of them from the keyboard', async ({
  page,
  request,
}) => {
  const admin = createUser({ email: DEMO.adminEmail })
  const prefix = uniqueName('glance')
  const [small, large] = [`${prefix}-a`, `${prefix}-b`]
  await createOrganization(request, admin, { name: small })
  const end = new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10)
  await createOrganization(request, admin, {
    name: large,
    subscription: 'professional',
    subscription_end_date: end,
  })
  for (const email of [uniqueEmail('glance'), uniqueEmail('glance')])
    await callApi(request, admin, 'POST', `/organizations/${large}/users`, { email })

  await page.clock.setFixedTime(noonToday())
  await signIn(page, admin)
  await page.goto(`/organizations?q=${prefix}`)
  for (const name of [small, large]) await expectFacts(page, name, await factsOf(request, admin, name))
  await expectNoAxeViolations(page)

  // Sort by members from the keyboard: Tab to the header's button, Enter, Enter again to turn it.
  const members = page.getByRole('columnheader', { name: 'Members' })
  const sortButton = members.getByRole('button', { name: 'Members' })
  await sortButton.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sort=members/)
  await expect(members).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('row').nth(1)).toContainText(small)
  await expect(sortButton).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sort=-members/)
  await expect(members).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByRole('row').nth(1)).toContainText(large)
  // The sort is in the address: a reload shows the same order, and the select says which it is.
  await page.reload()
  await expect(page.getByRole('row').nth(1)).toContainText(large)
  await expect(page.getByLabel('Sort')).toHaveValue('-members')
})

test('an organization with usage shows its credits so far and the projection as the API says', async ({
  page,
  request,
}) => {
  // The demo's sandbox: it has usage, and no journey changes its members or subscription.
  const admin = createUser({ email: DEMO.adminEmail })
  const sandbox = DEMO.organizations[2]!
  await page.clock.setFixedTime(noonToday())
  await signIn(page, admin)
  await page.goto(`/organizations?q=${sandbox}`)
  const facts = await factsOf(request, admin, sandbox)
  expect(facts.used).toBeGreaterThan(0)
  await expectFacts(page, sandbox, facts)
  await expectNoAxeViolations(page)
})

test('a row whose request fails says so in its cell, with a retry, and the other rows still show theirs', async ({
  page,
  request,
}) => {
  const user = createUser()
  const prefix = uniqueName('fail')
  const [broken, fine] = [`${prefix}-a`, `${prefix}-b`]
  await createOrganization(request, user, { name: broken })
  await createOrganization(request, user, { name: fine })
  await signIn(page, user)
  // Only this organization's detail request fails (after the client's retries, a 500 each time).
  const detailUrl = new RegExp(`/api/organizations/${broken}$`)
  await page.route(detailUrl, (route) =>
    route.fulfill({ status: 500, json: { error: 'The database did not answer.' } }),
  )
  await page.goto('/organizations')

  const brokenRow = rowOf(page, broken)
  const subscription = await cellOf(page, brokenRow, 'Subscription')
  // The client retries a 5xx three times with backoff (about 7 s) before it gives up.
  await expect(subscription).toContainText('Could not load', { timeout: 20_000 })
  await expect(await cellOf(page, brokenRow, 'Members')).toHaveText('1')
  await expect(await cellOf(page, rowOf(page, fine), 'Subscription')).toHaveText('Free')
  await expectNoAxeViolations(page)

  await page.unroute(detailUrl)
  const retry = subscription.getByRole('button', { name: `Retry ${broken}` })
  await retry.focus()
  await page.keyboard.press('Enter')
  await expect(subscription).toHaveText('Free')
})

test('on a phone (360 px) each row keeps its days left and credits, on the lines under its name, without scrolling sideways', async ({
  page,
  request,
}) => {
  const user = createUser()
  const name = await createOrganization(request, user)
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, user)
  await page.goto('/organizations')
  const row = rowOf(page, name)
  const link = row.getByRole('link', { name, exact: true })
  await expect(await cellOf(page, row, 'Subscription')).toHaveText('Free')
  const facts = await factsOf(request, user, name)
  for (const [column, value] of [
    ['Days left', `${facts.daysLeft} ${facts.daysLeft === 1 ? 'day' : 'days'}`],
    ['Credits used', /^[\d,.]+$/],
  ] as const) {
    const cell = await cellOf(page, row, column)
    await expect(cell).toHaveText(value)
    // Named on screen (the column headers are left to screen readers), inside the screen, below the name.
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${column}"`)
    const [box, nameBox] = [await cell.boundingBox(), await link.boundingBox()]
    expect(box!.x + box!.width).toBeLessThanOrEqual(360)
    expect(box!.y).toBeGreaterThan(nameBox!.y)
  }
  // Measured once the layout has settled (the cells fill in one by one).
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectNoAxeViolations(page)
})
