// Numbers and dates in the reader's locale and time zone, against the real API in both generations
// (playwright.config.ts): in de-DE a typed "250,5" is 250.5 and "60.000" sixty thousand, a misplaced
// separator is refused with how to write the number and the text kept; counts, percentages and the
// chart's ticks follow the locale; in Los Angeles and Auckland a UTC day stays that day and an audit
// event's moment is the reader's clock, with its zone named.
import type { Page } from '@playwright/test'
import { DEMO } from '../server/db/seed'
import { formatDateTime, formatDay, formatDayRange } from '../src/lib/format-date'
import {
  apiGeneration,
  callApi,
  createOrganization,
  createUser,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
} from './fixtures'
import { createProject } from './project-helpers'

const GERMAN_NUMBERS =
  /Numbers are read as in German \(Germany\): a comma before decimals and a point or a space \(or nothing\) between thousands, as in 60\.000 or 250,5\./

const budgetCard = (page: Page) => page.getByRole('region', { name: 'Credit budget' })

test.describe('in de-DE', () => {
  test.use({ locale: 'de-DE' })

  test('the credit budget and a credit limit read numbers as German does, and refuse what is ambiguous', async ({
    page,
    request,
  }) => {
    const admin = createUser()
    const organization = await createOrganization(request, admin)
    const project = await createProject(request, admin, organization)
    await signIn(page, admin)
    await page.goto(`/organizations/${organization}`)

    const card = budgetCard(page)
    await card.getByRole('button', { name: 'Set a budget' }).click()
    const field = card.getByRole('textbox', { name: 'Budget for the subscription period (credits)' })
    // An en-US decimal point in de-DE: neither 2.505 nor 250,5, so it is refused and kept.
    await field.fill('250.5')
    await card.getByRole('button', { name: 'Save budget' }).click()
    await expect(field).toHaveAccessibleDescription(/^The thousands separators are not where they belong\./)
    await expect(field).toHaveAccessibleDescription(GERMAN_NUMBERS)
    await expect(field).toHaveValue('250.5')
    await expectNoAxeViolations(page)
    await field.fill('250,5')
    await card.getByRole('button', { name: 'Save budget' }).click()
    await expect(card.locator('strong', { hasText: /^250,50$/ }).first()).toBeVisible()

    // The field shows the budget as German writes it, and "60.000" is sixty thousand.
    await card.getByRole('button', { name: 'Change budget' }).click()
    await expect(field).toHaveValue('250,5')
    await field.fill('60.000')
    await card.getByRole('button', { name: 'Save budget' }).click()
    await expect(card.locator('strong', { hasText: /^60\.000,00$/ }).first()).toBeVisible()

    // A project's credit limit, typed with a thousands point, reaches the API as 1500.
    await page.goto(`/organizations/${organization}/projects`)
    const row = page
      .getByRole('table', { name: /^Credit limits in / })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: project, exact: true }) })
    await row.getByRole('button', { name: `Set limit of ${project}` }).click()
    const limit = page.getByLabel(`Credit limit of ${project}`)
    await limit.fill('1,5,0')
    await page.getByRole('button', { name: 'Save limit' }).click()
    await expect(page.getByText(/^Type a comma once, before the decimals\./)).toBeVisible()
    await expect(limit).toHaveValue('1,5,0')
    await limit.fill('1.500')
    await page.getByRole('button', { name: 'Save limit' }).click()
    const confirm = page.getByRole('dialog', { name: `Set the credit limit of ${project} to 1.500,00?` })
    await confirm.getByRole('button', { name: 'Set limit' }).click()
    await expect(confirm).toBeHidden()
    const field2022 = apiGeneration() === 'current' ? 'credits' : 'gb_seconds'
    expect(await callApi(request, admin, 'GET', `/projects/${project}`)).toMatchObject({ [field2022]: 1500 })

    // Decimals: the current generation takes them; 2022's gb_seconds is a whole number.
    await row.getByRole('button', { name: `Change limit of ${project}` }).click()
    await expect(limit).toHaveValue('1.500')
    await limit.fill('1.250,5')
    await page.getByRole('button', { name: 'Save limit' }).click()
    if (apiGeneration() === 'current') {
      await page
        .getByRole('dialog', { name: `Set the credit limit of ${project} to 1.250,50?` })
        .getByRole('button', { name: 'Set limit' })
        .click()
      await expect
        .poll(
          async () =>
            (await callApi<{ credits: number }>(request, admin, 'GET', `/projects/${project}`)).credits,
        )
        .toBe(1250.5)
    } else {
      await expect(
        page.getByText('In this API generation the limit (gb_seconds) is a whole number.'),
      ).toBeVisible()
      await expect(limit).toHaveValue('1.250,5')
    }
  })

  test.describe('the 10,000-member organization', () => {
    // A 1.4 MB member list read on three pages: room on a busy machine.
    test.slow()

    test('counts are grouped as German groups them on the list, Members and Access', async ({ page }) => {
      const admin = createUser({ email: DEMO.adminEmail })
      await signIn(page, admin)
      await page.goto('/organizations')
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: DEMO.largeOrganization, exact: true }) })
      const header = page.getByRole('columnheader', { name: 'Members', exact: true })
      const column = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex)
      // Other journeys add members: ten thousand and some, never "10,0…".
      await expect(row.getByRole('cell').nth(column)).toHaveText(/^10\.0\d\d$/)

      await page.goto(`/organizations/${DEMO.largeOrganization}/members`)
      await expect(page.getByRole('search').getByRole('status')).toHaveText(/^10\.0\d\d members$/)

      await page.goto(`/organizations/${DEMO.largeOrganization}/access`)
      await expect(page.getByText(/^10\.0\d\d members$/)).toBeVisible({ timeout: 30_000 })
    })
  })

  test('the usage page writes percentages in one style and its ticks grouped as counts', async ({ page }) => {
    const admin = createUser({ email: DEMO.adminEmail })
    await signIn(page, admin)
    const organization = DEMO.organizations[1]
    // The last 30 days against the 30 before: the seed's usage covers both, whatever today is.
    await page.goto(`/organizations/${organization}/usage?range=30d&compare=previous`)
    const main = page.getByRole('main')
    await expect(main.getByText(/vs previous/).first()).toBeVisible({ timeout: 20_000 })
    await expect.poll(() => main.locator('svg text').count()).toBeGreaterThan(0)
    const text = await main.innerText()
    // Intl's de-DE percent: a no-break space before "%", a comma before the decimal.
    expect(text).toMatch(/\d,\d\u00a0%/)
    expect(text).not.toMatch(/\d%/)
    const ticks = await main.locator('svg text').allTextContents()
    // The credits axis reaches the thousands: grouped as counts ("1.400"), never "3500" beside "10.500".
    expect(ticks.filter((tick) => /^\d{1,3}(\.\d{3})+$/.test(tick)).length).toBeGreaterThan(0)
    expect(ticks.filter((tick) => /\d{4}/.test(tick))).toEqual([])
  })
})

for (const timezoneId of ['America/Los_Angeles', 'Pacific/Auckland']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId })

    test('usage days are the UTC days the API names', async ({ page }) => {
      const admin = createUser({ email: DEMO.adminEmail })
      await signIn(page, admin)
      const organization = DEMO.organizations[1]
      await page.goto(
        `/organizations/${organization}/usage?range=custom&interval=day&start=2025-03-01&end=2025-03-04&view=table`,
      )
      const table = page.getByRole('table', { name: /per day/ })
      const times = table.locator('tbody tr time')
      await expect(times).toHaveCount(3)
      // Midnight UTC is the evening before in Los Angeles and midday in Auckland: still these days.
      expect(await times.allInnerTexts()).toEqual(
        ['2025-03-01', '2025-03-02', '2025-03-03'].map((day) => formatDay(day, 'en-US')),
      )
      expect(await times.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')))).toEqual([
        '2025-03-01T00:00:00Z',
        '2025-03-02T00:00:00Z',
        '2025-03-03T00:00:00Z',
      ])
      await expect(page.getByRole('main')).toContainText(formatDayRange('2025-03-01', '2025-03-03', 'en-US'))
    })

    test('an audit event is written at the reader’s clock with its zone, and found by its UTC day', async ({
      page,
      request,
    }) => {
      const admin = createUser()
      const organization = await createOrganization(request, admin)
      const project = await createProject(request, admin, organization)
      const [newest] = await callApi<Array<{ date: string; event: string }>>(
        request,
        admin,
        'GET',
        `/projects/${project}/audit?limit=1`,
      )
      await signIn(page, admin)
      await page.goto(`/organizations/${organization}/audit`)
      const article = page.getByRole('feed').getByRole('article').filter({ hasText: newest!.event })
      const moment = formatDateTime(newest!.date, 'en-US', timezoneId)
      expect(moment).toMatch(timezoneId === 'Pacific/Auckland' ? /GMT\+1[23]$/ : /P[SD]T$/)
      await expect(article.locator('time')).toHaveText(moment)
      await expect(article.locator('time')).toHaveAttribute('title', newest!.date)

      // The day filter reads UTC days, whatever the reader's clock says.
      const day = newest!.date.slice(0, 10)
      await page.getByLabel('From (UTC day)').fill(day)
      await page.getByLabel('To (UTC day, included)').fill(day)
      await expect(article).toBeVisible()
      await expectNoAxeViolations(page)
    })
  })
}
