import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO } from '../server/db/seed'
import { crossingDay, projectWeekly } from '../domain/weekly-projection'
import { formatDay } from '../src/lib/format-date'
import {
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  periodCreditPoints,
  signIn,
  test,
  uniqueName,
  type TestUser,
} from './fixtures'

// Runs against both API generations (playwright.config.ts): credits come from either answer shape.
const organization = DEMO.organizations[1]!

/** The organization's credits so far in the current period, per the API, its days and the period. */
async function periodCredits(request: APIRequestContext, user: TestUser) {
  const points = await periodCreditPoints(request, user, organization)
  const used = points.reduce((total, point) => total + point.value, 0)
  const days = points.map((point) => ({ day: point.start_date.slice(0, 10), value: point.value }))
  const period = {
    start: points.map((p) => p.start_date.slice(0, 10)).sort()[0]!,
    end: points
      .map((p) => p.end_date.slice(0, 10))
      .sort()
      .at(-1)!,
  }
  return { used, days, period }
}

const budgetCard = (page: Page) => page.getByRole('region', { name: 'Credit budget' })

async function setBudget(page: Page, credits: string) {
  const card = budgetCard(page)
  await card.getByRole('button', { name: /Set a budget|Change budget/ }).click()
  const field = card.getByRole('textbox', { name: 'Budget for the subscription period (credits)' })
  await expect(field).toBeFocused()
  await field.fill(credits)
  await card.getByRole('button', { name: 'Save budget' }).click()
}

test('a budget warns on the overview and the list once used up, and is drawn on the credits chart', async ({
  page,
  request,
}) => {
  const admin = createUser({ email: DEMO.adminEmail })
  const { used } = await periodCredits(request, admin)
  expect(used).toBeGreaterThan(0)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}`)
  await expect(budgetCard(page).getByText(/No budget set/)).toBeVisible()

  // Half of what is used so far: exceeded, with the day it happened.
  const budget = Math.floor(used / 2)
  await setBudget(page, String(budget))
  const notice = budgetCard(page).getByText(/^Budget exceeded/)
  await expect(notice).toHaveText(
    /^Budget exceeded: \d+\.\d% of [\d,]+\.\d\d credits used, since \w{3} \d{1,2}, \d{4}\.$/,
  )
  await expectNoAxeViolations(page)

  await page.goto('/organizations')
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: organization, exact: true }) })
  await expect(row.getByText(/^Budget exceeded/)).toBeVisible()
  // The sentence wraps in its cell: at a desktop width the list needs no sideways scroll for it.
  await page.setViewportSize({ width: 1280, height: 800 })
  const wrapper = page.locator('.ui-table-wrap').filter({ has: row })
  await expect
    .poll(() => wrapper.evaluate((element) => element.scrollWidth - element.clientWidth))
    .toBeLessThanOrEqual(0)
  await expect(
    page.getByRole('row').filter({ has: page.getByRole('link', { name: DEMO.organizations[2]! }) }),
  ).toContainText('No budget')
  await expectNoAxeViolations(page)

  await page.goto(`/organizations/${organization}/usage`)
  await expect(page.getByText(/^Budget pace: [\d,.]+ credits a day \([\d,.]+ over \d+ days\)$/)).toBeVisible()
  await expect(page.locator('.usage-chart__budget-line')).toHaveCount(1)
  await expectNoAxeViolations(page)
})

test('75% used warns with the day it runs out; a pace past the budget warns with the day it is passed', async ({
  page,
  request,
}) => {
  const admin = createUser({ email: DEMO.adminEmail })
  const { used, days, period } = await periodCredits(request, admin)
  // The page's clock at noon, so that the expected crossing is worked out at the page's moment.
  const now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`)
  await page.clock.setFixedTime(now)
  await signIn(page, admin)
  await page.goto(`/organizations/${organization}`)

  // 80% used.
  await setBudget(page, String(Math.ceil(used / 0.8)))
  await expect(budgetCard(page).getByText(/of the budget of/)).toHaveText(
    /^8\d\.\d% of the budget of [\d,]+\.\d\d credits used; at this pace it (runs out on \w{3} \d{1,2}, \d{4}|lasts the period)\.$/,
  )

  // Above what is used, below the projection (if any of the period is left): the day it is passed,
  // following the weekly rhythm of the period's days so far (domain/weekly-projection.ts).
  const projection = projectWeekly(days, period, now)!
  const budget = Math.ceil(used + projection.perWeekday * 2.5)
  await setBudget(page, String(budget))
  const expected = crossingDay(projection, used, budget, period, now)
  if (expected) {
    const label = formatDay(`${expected}T00:00:00Z`, 'en-US')
    // 75% may be passed already late in the period: then the sentence says when it runs out.
    await expect(budgetCard(page).getByText(/(runs out|is passed) on/)).toContainText(`on ${label}.`)
  } else {
    // Late in the period the budget may last it.
    await expect(budgetCard(page).getByText(/lasts the period|before the period ends/)).toBeVisible()
  }
  await expectNoAxeViolations(page)

  // A budget that is not a number is refused on its field.
  await budgetCard(page).getByRole('button', { name: 'Change budget' }).click()
  const field = budgetCard(page).getByRole('textbox', { name: /Budget for the subscription period/ })
  await field.fill('lots')
  await budgetCard(page).getByRole('button', { name: 'Save budget' }).click()
  await expect(field).toHaveAccessibleDescription(/^“lots” is not a number\. Numbers are read as in/)
  await budgetCard(page).getByRole('button', { name: 'Cancel' }).click()
  await budgetCard(page).getByRole('button', { name: 'Remove budget' }).click()
  await expect(budgetCard(page).getByText(/No budget set/)).toBeVisible()
})

test('a budget belongs to the organization, not its name: a rename keeps it', async ({ page, request }) => {
  const admin = createUser()
  const name = await createOrganization(request, admin)
  await signIn(page, admin)
  await page.goto(`/organizations/${name}`)
  await setBudget(page, '1,500')
  await expect(budgetCard(page).getByRole('button', { name: 'Remove budget' })).toBeVisible()

  const renamed = uniqueName('renamed')
  await callApi(request, admin, 'PATCH', `/organizations/${name}`, { name: renamed })
  await page.goto(`/organizations/${renamed}`)
  await expect(budgetCard(page)).toContainText('1,500')
  await expect(budgetCard(page).getByRole('button', { name: 'Remove budget' })).toBeVisible()
})
